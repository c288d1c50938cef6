// Interleaved A/B of two or more builds (a script, not a test): alternates the
// builds ROUNDS times (default 2), N slider inputs per page, and prints the
// median and p95 of input -> preview painted, the median of input -> full
// result, and the worker's preview time. Less sensitive to a shared
// machine's load than running the builds one after the other.
// Usage: ROUNDS=3 node tests/bench/page-ab.mjs 6 /tmp/before-dist dist

import { serve, launch } from "../e2e/harness.mjs";
const dirs = process.argv.slice(3);
const inputs = Number(process.argv[2] || 8);
const rounds = Number(process.env.ROUNDS || 2);
const browser = await launch();
const res = Object.fromEntries(dirs.map((d) => [d, { p: [], f: [], e: [] }]));
for (let r = 0; r < rounds; r++) for (const d of dirs) {
  const server = await serve(d);
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector("#run-status")?.dataset.stage === "full run");
  await page.evaluate(() => document.querySelector("#chart-cumulative").scrollIntoView({ block: "center" }));
  for (let i = 0; i < inputs; i++) {
    await page.evaluate(() => new Promise((r) => setTimeout(r, 150)));
    const t = await page.evaluate(async (target) => {
      const slider = document.querySelector('.field[data-key="wf.agency"] input[type=range]');
      const status = document.querySelector("#run-status");
      const gen0 = Number(status.dataset.generation);
      const t0 = performance.now();
      const out = {};
      await new Promise((resolve) => {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            // Only a draw of the new results counts (the status shows the new
          // generation first; a newer result cancels any draw still pending).
          if (e.name !== "turnaround:chart-drawn" || e.startTime < t0 || out.preview != null) continue;
          if (!(Number(status.dataset.generation) > gen0)) continue;
            out.preview = -1;
            requestAnimationFrame(() => (out.preview = performance.now() - t0));
          }
        }).observe({ type: "mark" });
        new MutationObserver(() => {
          if (Number(status.dataset.generation) > gen0 && status.dataset.stage === "preview" && out.pm == null) out.pm = Number(status.dataset.millis);
          if (Number(status.dataset.generation) > gen0 && status.dataset.stage === "full run" && out.full == null) {
            out.full = performance.now() - t0;
            resolve();
          }
        }).observe(status, { attributes: true });
        slider.value = String(target);
        slider.dispatchEvent(new Event("input", { bubbles: true }));
        slider.dispatchEvent(new Event("change", { bubbles: true }));
      });
      await new Promise((r) => setTimeout(r, 250));
      return out;
    }, 0.3 + i * 0.011 + r * 0.003);
    res[d].p.push(t.preview); res[d].f.push(t.full); if (t.pm != null) res[d].e.push(t.pm);
  }
  await ctx.close(); await server.close();
}
const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
for (const d of dirs) console.log(`${d}: preview painted median ${q(res[d].p, 0.5).toFixed(1)} p95 ${q(res[d].p, 0.95).toFixed(1)} | full median ${q(res[d].f, 0.5).toFixed(1)} | worker preview ms median ${res[d].e.length ? q(res[d].e, 0.5) : "n/a"} (n=${res[d].p.length})`);
await browser.close();
