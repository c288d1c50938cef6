// Browser benchmark (a script, not a test): drives the release build in
// headless Chromium and prints
//   - time to the first chart after navigation,
//   - input-to-paint latency of a preview (slider input -> preview chart drawn -> next frame),
//   - time from input to the full result,
//   - the longest main-thread task during a scripted 10-second drag (Long Tasks API:
//     only tasks over 50 ms are reported, so "none" means none over 50 ms).
// Usage: trunk build --release && node tests/bench/page-bench.mjs [runs] [sandwell-2012|england-2024]
// Goals (issue 14): preview painted within 50 ms of input (median; p95 80 ms),
// full 10,000-path result within 150 ms, drivers within 1.5 s, no task over
// 50 ms. The engine's rate in the worker (the 1,000-path preview, timed in
// the worker) compares with the native rate of `cargo run --release -p
// turnaround-engine --example cpu_bench -- 15 4 both 1000` (and
// tests/bench/engine-rate.mjs times the same engine code in Chromium
// without the page). Figures depend on the machine: compare builds
// back to back (DIST_DIR=... picks the build).
import { serve, launch } from "../e2e/harness.mjs";

const runs = Number(process.argv[2] || 5);
const preset = process.argv[3] || "sandwell-2012";
const server = await serve();
const browser = await launch();

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)}, min ${s[0].toFixed(1)}, max ${s[s.length - 1].toFixed(1)} (n=${s.length})`;
}

const firstChart = [];
const previewPaint = [];
const fullResult = [];
const engineFull = [];
const enginePreview = [];
const tornadoShown = [];
const driversShown = [];
const driversWorker = [];
const driversLong = [];
let longest = 0;
let lastScenario = null;
let longCount = 0;

for (let run = 0; run < runs; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector("#run-status")?.dataset.stage === "full run");
  firstChart.push(
    await page.evaluate(() => performance.getEntriesByName("turnaround:chart-drawn")[0].startTime),
  );
  if (preset !== "sandwell-2012") {
    const gen = await page.$eval("#run-status", (s) => Number(s.dataset.generation));
    await page.selectOption('select[aria-label="Preset scenario"]', preset);
    await page.waitForFunction(
      (g) => {
        const s = document.querySelector("#run-status");
        return Number(s.dataset.generation) > g && s.dataset.stage === "full run" && document.querySelector("#drivers-done");
      },
      gen,
      { timeout: 60000 },
    );
  }
  const scenario = await page.evaluate(() => ({
    options: document.querySelectorAll(".card[data-option]").length,
    status: document.querySelector("#run-status").textContent,
  }));

  // One input: preview paint and full result latency, measured in the page
  // with observers (no polling): "painted" is the first animation frame after
  // the first chart finished drawing for the new input.
  // The results column scrolled to the first chart, as a person watching
  // the chart while changing an input (charts out of view draw later).
  await page.evaluate(() => document.querySelector("#chart-cumulative").scrollIntoView({ block: "center" }));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const timing = await page.evaluate(async (target) => {
    const slider = document.querySelector('.field[data-key="wf.agency"] input[type=range]');
    const status = document.querySelector("#run-status");
    const gen0 = Number(status.dataset.generation);
    const t0 = performance.now();
    const out = {};
    const done = new Promise((resolve) => {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          // Only a draw of the new results counts (the status shows the new
          // generation first; a newer result cancels any draw still pending).
          if (e.name !== "turnaround:chart-drawn" || e.startTime < t0 || out.preview != null) continue;
          if (!(Number(status.dataset.generation) > gen0)) continue;
          out.preview = -1;
          requestAnimationFrame(() => {
            out.preview = performance.now() - t0;
            out.previewMillis = Number(status.dataset.millis);
          });
        }
      }).observe({ type: "mark" });
      new MutationObserver(() => {
        if (Number(status.dataset.generation) > gen0 && status.dataset.stage === "full run" && out.full == null) {
          out.full = performance.now() - t0;
          out.fullMillis = Number(status.dataset.millis);
          window.__long = [];
          // Then "What drives the answer": tornado, break-evens, value of
          // information (its last part), for this generation.
          const panel = document.querySelector("#drivers");
          const check = () => {
            if (out.tornado == null && panel.querySelector("#chart-tornado")) out.tornado = performance.now() - t0;
            const done = panel.querySelector("#drivers-done");
            if (done && out.drivers == null) {
              out.drivers = performance.now() - t0;
              out.driversMillis = Number(done.dataset.millis);
              out.driversLong = window.__long.slice();
              resolve();
            }
          };
          // The panel resets for the new results first; watch it fill again.
          requestAnimationFrame(() => {
            new MutationObserver(check).observe(panel, { subtree: true, childList: true, attributes: true });
            check();
          });
        }
      }).observe(status, { attributes: true });
    });
    slider.value = String(target);
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    slider.dispatchEvent(new Event("change", { bubbles: true }));
    await done;
    return out;
  }, 0.3 + run * 0.01);
  lastScenario = scenario;
  previewPaint.push(timing.preview);
  fullResult.push(timing.full);
  if (timing.previewMillis != null) enginePreview.push(timing.previewMillis);
  engineFull.push(timing.fullMillis);
  tornadoShown.push(timing.tornado);
  driversShown.push(timing.drivers);
  driversWorker.push(timing.driversMillis);
  driversLong.push(...timing.driversLong);

  // A scripted drag as a person drags: one pointer move per frame, back and
  // forth across the slider for DRAG_SECONDS (default 10, the issue's goal).
  await page.evaluate(() => (window.__long = []));
  const slider = page.locator('.field[data-key="fin.discount"] input[type=range]');
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 4, y);
  await page.mouse.down();
  const dragMs = 1000 * Number(process.env.DRAG_SECONDS || 10);
  const dragStart = Date.now();
  for (let i = 0; Date.now() - dragStart < dragMs; i++) {
    // 80 moves end to end, then back.
    const phase = (i % 160) / 80;
    const f = phase <= 1 ? phase : 2 - phase;
    await page.mouse.move(box.x + 4 + (box.width - 8) * f, y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector("#run-status").dataset.stage === "full run" && !document.querySelector(".results.is-refining"));
  const long = await page.evaluate(() => window.__long);
  longCount += long.length;
  longest = Math.max(longest, ...long, 0);
  await context.close();
}

console.log(`Turnaround page benchmark, ${runs} runs, headless Chromium, 1280x800, preset ${preset}: ${lastScenario.options} options; ${lastScenario.status}`);
console.log(`  time to first chart after navigation: ${stats(firstChart)}`);
console.log(`  input -> preview painted:             ${stats(previewPaint)}`);
console.log(`  input -> full result shown:           ${stats(fullResult)}`);
console.log(`  engine time in worker, preview:       ${enginePreview.length ? stats(enginePreview) : "n/a"}`);
if (enginePreview.length) {
  // 1,000 paths x 60 months x options, over the fastest preview (least disturbed by other load).
  const rate = (1000 * 60 * lastScenario.options) / Math.min(...enginePreview) / 1000;
  console.log(`  engine rate in the worker (fastest preview): ${rate.toFixed(1)} M option-path-months/s`);
}
console.log(`  full run in worker (sliced, wall time):${stats(engineFull)}`);
console.log(`  input -> tornado shown:                ${stats(tornadoShown)}`);
console.log(`  input -> all three drivers parts shown: ${stats(driversShown)}`);
console.log(`  drivers in worker after the full run:  ${stats(driversWorker)}`);
console.log(`  main-thread tasks over 50 ms while the drivers arrive: ${driversLong.length}${driversLong.length ? `, longest ${Math.max(...driversLong).toFixed(1)} ms` : ""}`);
console.log(`  main-thread tasks over 50 ms during ${runs} drags of ${process.env.DRAG_SECONDS || 10} s: ${longCount}${longCount ? `, longest ${longest.toFixed(1)} ms` : ""}`);
await browser.close();
await server.close();
