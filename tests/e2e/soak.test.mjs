// A long session: 2,000 changes across several sliders, with panels opened
// and closed. DOM nodes, event listeners and wasm memory (page and worker)
// must stay within 10% of their values after the first 100 changes.
//
// Changes go in by keyboard on focused sliders without waiting for each
// result (as a user dragging would); the test waits on a condition (the full
// run of the newest input shown) only at the checkpoints. The figures are
// printed (SOAK ...) for the record.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, openPage, waitForFull } from "./harness.mjs";

const env = withBrowser();
const TOTAL = Number(process.env.SOAK_CHANGES || 2000);
const BASELINE_AT = 100;
const SLIDERS = ["#f-0-dcs-cost", "#f-0-dcs-tenure", "#f-0-int-rate", "#f-0-int-days", "#f-0-camp-fee"];
const PANELS = ["details.group >> nth=1", "details.group >> nth=2", "details.data-table >> nth=0", "details.data-table >> nth=1"];

test(`soak: ${TOTAL} changes keep DOM nodes, listeners and wasm memory within 10%`, { timeout: 600000 }, async () => {
  const { context, page } = await openPage(env.browser, env.server.url + "#v=1&preset=sandwell-2012&seed=9&paths=2000&horizon=60");
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await waitForFull(page);
  // Count the slider changes the page really received.
  await page.evaluate(() => {
    window.__changes = 0;
    document.addEventListener("input", (e) => e.target.type === "range" && window.__changes++, true);
  });

  async function measure() {
    await waitForFull(page, 60000);
    // The worker's figure arrives with each answer: wait until the shown run's is in.
    await page.waitForFunction(() => window.turnaroundDebug && window.turnaroundDebug.workerWasmBytes > 0);
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const debug = await page.evaluate(() => window.turnaroundDebug);
    return {
      nodes: m.Nodes,
      listeners: m.JSEventListeners,
      pageWasm: debug.pageWasmBytes,
      workerWasm: debug.workerWasmBytes,
      jsHeap: m.JSHeapUsedSize,
    };
  }

  let changes = 0;
  async function run(until) {
    while (changes < until) {
      const slider = SLIDERS[Math.floor(changes / 20) % SLIDERS.length];
      const el = page.locator(slider);
      await el.focus();
      // 10 steps up, then 10 back down: values wander but stay in range.
      // The key presses are sent back to back, not awaited one by one.
      const keys = [];
      for (let k = 0; k < 20 && changes < until; k++, changes++) keys.push(k < 10 ? "ArrowRight" : "ArrowLeft");
      await Promise.all(keys.map((k) => page.keyboard.press(k)));
      // Every 100 changes, open or close panels (all closed at checkpoints).
      if (changes % 100 === 50 || changes % 100 === 0) {
        const panelOpen = changes % 100 === 50;
        for (const p of PANELS) {
          const panel = page.locator(p);
          const open = await panel.evaluate((d) => d.open);
          if (open !== panelOpen) await panel.locator("summary").first().click();
        }
      }
    }
  }

  // Panels start closed except the Leadership group, which holds the sliders.
  await run(BASELINE_AT);
  const base = await measure();
  const t0 = Date.now();
  await run(TOTAL);
  const end = await measure();
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`SOAK after ${BASELINE_AT}: ${JSON.stringify(base)}`);
  console.log(`SOAK after ${TOTAL} (${secs} s for ${TOTAL - BASELINE_AT} changes): ${JSON.stringify(end)}`);
  assert.equal(await page.evaluate(() => window.__changes), TOTAL, "every key press changed a slider");
  for (const k of ["nodes", "listeners", "pageWasm", "workerWasm"]) {
    assert.ok(end[k] <= base[k] * 1.1 && end[k] >= base[k] * 0.9, `${k}: ${base[k]} after ${BASELINE_AT} changes, ${end[k]} after ${TOTAL}`);
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});
