import { serve } from "../e2e/harness.mjs";

// One slider input, timed in the page with observers (no polling), shared by
// the benchmark scripts: `preview` is input to the first animation frame
// after a chart finished drawing the new results, `full` is input to the full
// result shown, `pm` the worker's own preview time. Marks `bench:input`,
// `bench:preview-painted` and `bench:full-shown` locate them in a trace.
// Waits `settleMs` after the full result so its charts draw.
export function oneInput(page, target, settleMs) {
  return page.evaluate(
    async ([target, settleMs]) => {
      const slider = document.querySelector('.field[data-key="wf.agency"] input[type=range]');
      const status = document.querySelector("#run-status");
      const gen0 = Number(status.dataset.generation);
      performance.mark("bench:input");
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
            requestAnimationFrame(() => {
              out.preview = performance.now() - t0;
              performance.mark("bench:preview-painted");
            });
          }
        }).observe({ type: "mark" });
        new MutationObserver(() => {
          if (Number(status.dataset.generation) > gen0 && status.dataset.stage === "preview" && out.pm == null) out.pm = Number(status.dataset.millis);
          if (Number(status.dataset.generation) > gen0 && status.dataset.stage === "full run" && out.full == null) {
            out.full = performance.now() - t0;
            performance.mark("bench:full-shown");
            resolve();
          }
        }).observe(status, { attributes: true });
        slider.value = String(target);
        slider.dispatchEvent(new Event("input", { bubbles: true }));
        slider.dispatchEvent(new Event("change", { bubbles: true }));
      });
      await new Promise((r) => setTimeout(r, settleMs));
      return out;
    },
    [target, settleMs],
  );
}

// Serves build `dir` and opens the page in a new 1280x800 context of
// `browser`, as the benchmarks measure it: the full result shown and the
// first chart centred in view (charts out of view are not drawn).
export async function openBuild(browser, dir) {
  const server = await serve(dir);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector("#run-status")?.dataset.stage === "full run");
  await page.evaluate(() => document.querySelector("#chart-cumulative").scrollIntoView({ block: "center" }));
  return { server, context, page };
}
