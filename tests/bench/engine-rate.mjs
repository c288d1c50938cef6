// The engine's rate in WebAssembly under V8 (Node; the same engine as
// Chromium), on the same workload as the native `examples/cpu_bench.rs`, so
// the two compare directly ("Engine in Chromium >= 0.8 x native").
//
//   cargo build --release -p turnaround-engine --example wasm_rate --target wasm32-unknown-unknown
//   node tests/bench/engine-rate.mjs [runs] [paths] [wasm file]   (in Node)
//   BROWSER=1 node tests/bench/engine-rate.mjs ...               (in headless Chromium)
//   cargo run --release -p turnaround-engine --example cpu_bench -- [runs] 4 both [paths]
//
// Prints, for each preset, the median and fastest time per
// option-path-month and the fastest rate, then the drivers' time (the main
// run with its draws and the whole insight, as the worker runs them; natively:
// `cargo run --release -p turnaround-engine --example insight`). Timing is wall-clock of the one
// JavaScript thread; on a shared machine the fastest run is the steadiest.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { launch } from '../e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 7);
const paths = Number(process.argv[3] ?? 10000);
const file =
  process.argv[4] ?? 'target/wasm32-unknown-unknown/release/examples/wasm_rate.wasm';
const bytes = readFileSync(file);

/** Times `runs` runs of each preset in this JavaScript realm. */
async function measure(bytes, runs, paths) {
  const { instance } = await WebAssembly.instantiate(bytes, {});
  const { run, elements, drivers } = instance.exports;
  const out = [];
  for (const [name, preset] of [['sandwell', 0], ['england', 1]]) {
    const elems = elements(preset, paths);
    run(preset, Math.min(paths, 1000)); // warm up: compile tiers
    run(preset, paths);
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      const figure = run(preset, paths);
      times.push(performance.now() - t0);
      if (!Number.isFinite(figure)) throw new Error(`run gave ${figure}`);
    }
    times.sort((a, b) => a - b);
    const insight = [];
    for (let i = 0; i < Math.min(runs, 3); i += 1) {
      const t0 = performance.now();
      drivers(preset, paths);
      insight.push(performance.now() - t0);
    }
    insight.sort((a, b) => a - b);
    out.push({ name, elems, times, insight });
  }
  return out;
}

let results;
if (process.env.BROWSER) {
  const browser = await launch();
  const page = await browser.newPage();
  const fn = `(${measure.toString()})`;
  results = await page.evaluate(
    async ([fn, b64, runs, paths]) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      return (0, eval)(fn)(bytes, runs, paths);
    },
    [fn, bytes.toString('base64'), runs, paths],
  );
  console.log(`in headless Chromium ${browser.version()}`);
  await browser.close();
} else {
  results = await measure(bytes, runs, paths);
  console.log(`in Node ${process.version}`);
}
for (const { name, elems, times, insight } of results) {
  const per = (ms) => (ms * 1e6) / elems;
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `${name}, ${paths} paths: ${per(median).toFixed(1)} ns per option-path-month median, ` +
      `${per(times[0]).toFixed(1)} fastest (${(elems / times[0] / 1e3).toFixed(1)} M option-path-months/s), ` +
      `${median.toFixed(0)} ms per run; drivers (main run with draws + insight) ` +
      `${insight[Math.floor(insight.length / 2)].toFixed(0)} ms median, ${insight[0].toFixed(0)} fastest`,
  );
}
