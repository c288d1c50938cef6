// Browser trace of one input (a script, not a test): prints each thread's
// tasks from the slider input to the full result, with their main events,
// in milliseconds from the input. Usage (after a release build):
//   node tests/bench/page-trace.mjs [inputs=3]
// WAIT_DRIVERS=1 waits for "What drives the answer" to finish before each
// input (an idle worker, as page-bench.mjs measures); otherwise the input
// comes 500 ms after the full result, while the drivers are being worked out.
// GAP=30 makes a first input 30 ms (GAP ms) after the previous full result
// and traces the input after it, GAP ms after that one's full result;
// BEFORE=60 prints tasks from 60 ms before the input (default 1).
import { serve, launch } from "../e2e/harness.mjs";
import { oneInput } from "./one-input.mjs";

const inputs = Number(process.argv[2] || 3);
const server = await serve();
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.goto(server.url);
await page.waitForFunction(() => document.querySelector("#run-status")?.dataset.stage === "full run");
await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
for (let i = 0; i < inputs; i++) {
  if (process.env.WAIT_DRIVERS) await page.waitForSelector("#drivers-done", { timeout: 60000 });
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "v8.execute", "toplevel"] });
  // The results column scrolled to the first chart, as a person watching
  // the chart while changing an input (charts out of view draw later).
  await page.evaluate(() => document.querySelector("#chart-cumulative").scrollIntoView({ block: "center" }));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  if (process.env.GAP) await oneInput(page, 0.25 + i * 0.013, Number(process.env.GAP));
  const t = await oneInput(page, 0.3 + i * 0.013, 200);
  const buf = await browser.stopTracing();
  const { traceEvents } = JSON.parse(buf.toString());
  const names = new Map();
  for (const e of traceEvents) if (e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, e.args.name);
  const input = traceEvents.filter((e) => e.name === "bench:input").at(-1);
  const T0 = input.ts;
  console.log(`\n=== input ${i}: preview painted ${t.preview.toFixed(1)} ms, full shown ${t.full.toFixed(1)} ms`);
  for (const e of traceEvents.filter((e) => e.cat?.includes("user_timing") && e.ts >= T0).sort((a, b) => a.ts - b.ts))
    console.log(`  mark ${((e.ts - T0) / 1000).toFixed(1).padStart(7)} ${e.name} (${names.get(`${e.pid}:${e.tid}`)})`);
  const tasks = traceEvents.filter((e) => e.name === "RunTask" && e.ph === "X" && e.ts >= T0 - Number(process.env.BEFORE ?? 1) * 1000 && e.dur > 500);
  const threadOf = (e) => names.get(`${e.pid}:${e.tid}`) || `${e.pid}:${e.tid}`;
  const inside = (task) => traceEvents.filter((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < task.ts + task.dur && e.ph === "X" && e !== task && e.dur > 300 && !["RunTask", "ThreadControllerImpl::RunTask"].includes(e.name));
  for (const task of tasks.sort((a, b) => a.ts - b.ts)) {
    const th = threadOf(task);
    if (!/CrRendererMain|Worker/.test(th)) continue;
    const detail = inside(task).map((e) => `${e.name}${e.args?.data?.type ? "(" + e.args.data.type + ")" : ""}${e.args?.data?.functionName ? "[" + e.args.data.functionName + "]" : ""} ${(e.dur / 1000).toFixed(1)}`).slice(0, 8).join("; ");
    console.log(`  ${((task.ts - T0) / 1000).toFixed(1).padStart(7)} +${(task.dur / 1000).toFixed(1).padStart(6)} ${th.padEnd(16)} ${detail}`);
  }
}
await browser.close();
await server.close();
