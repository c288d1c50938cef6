// Main-thread work per settled change (a script, not a test): for each build,
// 8 slider changes 1.2 s apart (each waits for its full result), counting the
// charts drawn and the main thread's task, script, layout and style time
// (Chrome's Performance.getMetrics) per change. Builds run in the order given:
// alternate them, e.g.
//   node tests/bench/page-work.mjs /tmp/before dist /tmp/before dist
import { launch } from "../e2e/harness.mjs";
import { oneInput, openBuild } from "./one-input.mjs";
const browser = await launch();
for (const d of process.argv.slice(2)) {
  const { server, context, page } = await openBuild(browser, d);
  // Settled: "what drives the answer" worked out too.
  await page.waitForSelector("#drivers-done", { timeout: 60000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const m0 = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((x) => [x.name, x.value]));
  const n0 = await page.evaluate(() => performance.getEntriesByName("turnaround:chart-drawn").length);
  const N = 8;
  for (let i = 0; i < N; i++) await oneInput(page, 0.3 + i * 0.013, 1200);
  const n1 = await page.evaluate(() => performance.getEntriesByName("turnaround:chart-drawn").length);
  const m1 = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((x) => [x.name, x.value]));
  const per = (k) => (((m1[k] - m0[k]) * 1000) / N).toFixed(1);
  console.log(`${d}: chart draws per change ${((n1 - n0) / N).toFixed(1)}; per change: task ${per("TaskDuration")} ms, script ${per("ScriptDuration")} ms, layout ${per("LayoutDuration")} ms, style ${per("RecalcStyleDuration")} ms`);
  await context.close(); await server.close();
}
await browser.close();
