// Browser profile (a script, not a test): where the time of one input goes.
// Samples the page's main thread and the compute worker with the CDP
// profiler over N slider inputs (each waits for the full result), then prints
// the functions with the most inclusive time in each, grouped by a few
// categories. Names need a build whose wasm keeps its name section: build with
// data-wasm-opt="0" in index.html into another directory, e.g.
//   sed -i 's/data-wasm-opt="z"/data-wasm-opt="0"/' index.html && trunk build --release --dist /tmp/prof; git checkout index.html
//   DIST_DIR=/tmp/prof node tests/bench/page-profile.mjs 10
import { serve, launch } from "../e2e/harness.mjs";
import { oneInput } from "./one-input.mjs";

const inputs = Number(process.argv[2] || 10);
const server = await serve();
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.goto(server.url);
await page.waitForFunction(() => document.querySelector("#run-status")?.dataset.stage === "full run");

// The page's main thread.
const cdp = await context.newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });

// The worker, through the browser session (non-flat attach).
const bsession = await browser.newBrowserCDPSession();
const { targetInfos } = await bsession.send("Target.getTargets");
const workerTarget = targetInfos.find((t) => t.type === "worker");
let workerSession = null;
let nextId = 1;
const pending = new Map();
bsession.on("Target.receivedMessageFromTarget", ({ sessionId, message }) => {
  if (sessionId !== workerSession) return;
  const m = JSON.parse(message);
  if (m.id && pending.has(m.id)) {
    pending.get(m.id)(m.result ?? m.error);
    pending.delete(m.id);
  }
});
const wsend = (method, params = {}) =>
  new Promise((ok) => {
    const id = nextId++;
    pending.set(id, ok);
    bsession.send("Target.sendMessageToTarget", { sessionId: workerSession, message: JSON.stringify({ id, method, params }) });
  });
if (workerTarget) {
  ({ sessionId: workerSession } = await bsession.send("Target.attachToTarget", { targetId: workerTarget.targetId, flatten: false }));
  await wsend("Profiler.enable");
  await wsend("Profiler.setSamplingInterval", { interval: 100 });
  await wsend("Profiler.start");
}
await cdp.send("Profiler.start");

const marks = [];
for (let i = 0; i < inputs; i++) {
  // One input, then 300 ms for the full result's charts to draw.
  const t = await oneInput(page, 0.3 + i * 0.01, 300);
  marks.push(t);
}
const { profile } = await cdp.send("Profiler.stop");
const workerProfile = workerTarget ? (await wsend("Profiler.stop")).profile : null;

function summarise(label, profile, top = Number(process.env.TOP || 45)) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (n) => {
    const f = n.callFrame;
    return f.functionName || `(anon ${f.url.split("/").pop()}:${f.lineNumber})`;
  };
  const incl = new Map();
  const self = new Map();
  let total = 0;
  const dts = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (dts[i + 1] ?? 0) / 1000;
    let id = profile.samples[i];
    const leaf = byId.get(id);
    if (["(idle)", "(program)", "(garbage collector)"].includes(name(leaf)) && name(leaf) === "(idle)") continue;
    total += dt;
    self.set(name(leaf), (self.get(name(leaf)) || 0) + dt);
    const seen = new Set();
    while (id != null) {
      const nm = name(byId.get(id));
      if (!seen.has(nm)) {
        seen.add(nm);
        incl.set(nm, (incl.get(nm) || 0) + dt);
      }
      id = parent.get(id);
    }
  }
  const short = (s) => s.replace(/::h[0-9a-f]{16}/g, "").slice(0, 150);
  console.log(`\n== ${label}: ${total.toFixed(0)} ms busy over ${inputs} inputs (${(total / inputs).toFixed(1)} ms per input)`);
  console.log("-- inclusive, per input");
  for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(v / inputs).toFixed(2).padStart(8)} ms  ${short(k)}`);
  // Top-down tree, nodes over 0.5 ms per input, merged by name per level.
  const kids = (ids) => {
    const m = new Map();
    for (const id of ids) for (const c of byId.get(id).children || []) {
      const k = name(byId.get(c));
      if (!m.has(k)) m.set(k, []);
      m.get(k).push(c);
    }
    return m;
  };
  const selfTime = new Map();
  for (let i = 0; i < profile.samples.length; i++) selfTime.set(profile.samples[i], (selfTime.get(profile.samples[i]) || 0) + (dts[i + 1] ?? 0) / 1000);
  const sub = (id) => (selfTime.get(id) || 0) + (byId.get(id).children || []).reduce((a, c) => a + sub(c), 0);
  const walk = (ids, depth) => {
    if (depth > 40) return;
    const rows = [...kids(ids)].map(([k, cs]) => [k, cs, cs.reduce((a, c) => a + sub(c), 0)]).sort((a, b) => b[2] - a[2]);
    for (const [k, cs, t] of rows) {
      if (t / inputs < Number(process.env.TREE_MIN || 0.5) || k === "(idle)") continue;
      console.log(`${" ".repeat(depth)}${(t / inputs).toFixed(2)} ${short(k)}`);
      walk(cs, depth + 1);
    }
  };
  if (process.env.TREE) {
    console.log("-- tree, per input");
    walk([profile.nodes[0].id], 0);
  }
  console.log("-- self, per input");
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(v / inputs).toFixed(2).padStart(8)} ms  ${short(k)}`);
}
// Median of the finite values (NaN when an input's mark was not seen).
const med = (xs) => {
  const v = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : NaN;
};
console.log(`inputs ${inputs}: preview painted median ${med(marks.map((m) => m.preview)).toFixed(1)} ms, full median ${med(marks.map((m) => m.full)).toFixed(1)} ms`);
summarise("page main thread", profile);
if (workerProfile) summarise("worker", workerProfile);
await browser.close();
await server.close();
