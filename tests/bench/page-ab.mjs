// Interleaved A/B of two or more builds (a script, not a test): alternates the
// builds ROUNDS times (default 2), N slider inputs per page, and prints the
// median and p95 of input -> preview painted, the median of input -> full
// result, and the worker's preview time. Less sensitive to a shared
// machine's load than running the builds one after the other.
// Usage: ROUNDS=3 node tests/bench/page-ab.mjs 6 /tmp/before-dist dist
// Each input comes PRE ms (default 150) after the previous input's full
// result plus SETTLE ms (default 250), so while the drivers are being worked
// out; PRE=0 SETTLE=30 puts it 30 ms after the full result (as page-bench's
// Sandwell input, right after the first full result). Prints means and the
// share of previews painted within 50 ms too.

import { launch } from "../e2e/harness.mjs";
import { oneInput, openBuild } from "./one-input.mjs";
const dirs = process.argv.slice(3);
const inputs = Number(process.argv[2] || 8);
const rounds = Number(process.env.ROUNDS || 2);
const browser = await launch();
const res = Object.fromEntries(dirs.map((d) => [d, { p: [], f: [], e: [] }]));
for (let r = 0; r < rounds; r++) for (const d of dirs) {
  const { server, context: ctx, page } = await openBuild(browser, d);
  for (let i = 0; i < inputs; i++) {
    await page.evaluate((ms) => new Promise((r) => setTimeout(r, ms)), Number(process.env.PRE ?? 150));
    const t = await oneInput(page, 0.3 + i * 0.011 + r * 0.003, Number(process.env.SETTLE ?? 250));
    res[d].p.push(t.preview); res[d].f.push(t.full); if (t.pm != null) res[d].e.push(t.pm);
  }
  await ctx.close(); await server.close();
}
const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
// Painted times fall on frames (16.7 ms apart), so a median can jump by a
// frame between runs: the mean and the share within 50 ms show smaller shifts.
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const within = (xs, ms) => (100 * xs.filter((x) => x <= ms).length) / xs.length;
for (const d of dirs) console.log(`${d}: preview painted median ${q(res[d].p, 0.5).toFixed(1)} mean ${mean(res[d].p).toFixed(1)} p95 ${q(res[d].p, 0.95).toFixed(1)} (${within(res[d].p, 50).toFixed(0)}% within 50 ms) | full median ${q(res[d].f, 0.5).toFixed(1)} mean ${mean(res[d].f).toFixed(1)} | worker preview ms median ${res[d].e.length ? q(res[d].e, 0.5) : "n/a"} (n=${res[d].p.length})`);
await browser.close();
