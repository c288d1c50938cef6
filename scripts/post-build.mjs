// Trunk post-build hook (Trunk.toml [[hooks]]): makes the built page work
// under a strict Content-Security-Policy and gives the worker hashed names.
//
// 1. Trunk 0.21 writes its wasm loader as an inline <script type="module">,
//    which `script-src 'self'` blocks. This moves it into `boot-<hash>.js`
//    (with a subresource-integrity hash) and points the page at that file.
// 2. Minifies wasm-bindgen's JS glue, the page's (a module; its preload's
//    integrity hash follows) and the worker's (a classic script whose global
//    `wasm_bindgen` keeps its name), with terser: about 2.7 KB of the
//    compressed download. Names the page and tests use are exports or
//    globals, which minifying keeps.
// 3. Trunk never hashes a worker's file names (they are fixed so the page
//    can name them at run time), so a cached old worker could meet a newer
//    page. This renames `worker.js`/`worker_bg.wasm` to
//    `worker-<hash>.js`/`worker-<hash>_bg.wasm`, writes a loader
//    `worker-loader-<hash>.js` (importScripts + wasm_bindgen: no blob: URL,
//    which `worker-src 'self'` would block), and records the loader's URL in
//    `<meta name="turnaround-worker">`, which the page reads.
// 4. Checks the page's CSP meta tag equals the serve header in Trunk.toml
//    less `frame-ancestors` (which only a header can carry), so the two
//    cannot drift apart.
//
// 5. Then, in order (Trunk runs its hooks concurrently, so these are steps of
//    this one hook): writes model.html (scripts/model-page.mjs), and last
//    the icons, manifest and service worker (scripts/offline.mjs), whose
//    precache list and version need every other file in place.
//
// Works on $TRUNK_STAGING_DIR (Trunk's staging dir), or on the directory
// given as the first argument.
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { minify } from "terser";
import { writeOffline } from "./offline.mjs";

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("post-build: no staging dir (TRUNK_STAGING_DIR)");
const base = process.env.TRUNK_PUBLIC_URL || "/";
const root = new URL("..", import.meta.url).pathname;

const hex = (buf) => createHash("sha256").update(buf).digest("hex").slice(0, 16);
const sri = (buf) => `sha384-${createHash("sha384").update(buf).digest("base64")}`;

const htmlPath = join(dir, "index.html");
let html = readFileSync(htmlPath, "utf8");

// 1. The inline loader.
const inline = /<script type="module"(?: nonce="[^"]*")?>([\s\S]*?)<\/script>/g;
const scripts = [...html.matchAll(inline)];
if (scripts.length !== 1) {
  throw new Error(`post-build: expected one inline module script, found ${scripts.length}`);
}
const boot = Buffer.from(scripts[0][1].trim() + "\n");
const bootName = `boot-${hex(boot)}.js`;
writeFileSync(join(dir, bootName), boot);
html = html.replace(
  scripts[0][0],
  `<script type="module" src="${base}${bootName}" integrity="${sri(boot)}"></script>`,
);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  throw new Error("post-build: an inline script is left in index.html");
}

// 2. Minified glue (the worker's before its hash); the same input gives the same output.
const minifyFile = async (path, module) => {
  const out = await minify(readFileSync(path, "utf8"), { module, compress: true, mangle: true });
  if (typeof out.code !== "string") throw new Error(`post-build: terser gave nothing for ${path}`);
  const code = Buffer.from(out.code + "\n");
  writeFileSync(path, code);
  return code;
};
const preload = /<link rel="modulepreload" href="([^"]+\.js)" crossorigin="anonymous" integrity="([^"]+)">/;
const page = html.match(preload);
if (!page) throw new Error("post-build: no modulepreload link for the page's JS");
const pageJs = await minifyFile(join(dir, page[1].slice(base.length)), true);
html = html.replace(page[0], page[0].replace(page[2], sri(pageJs)));

// 3. The worker.
const js = join(dir, "worker.js");
const wasm = join(dir, "worker_bg.wasm");
if (!existsSync(js) || !existsSync(wasm)) throw new Error("post-build: worker.js or worker_bg.wasm missing");
await minifyFile(js, false);
const h = hex(Buffer.concat([readFileSync(js), readFileSync(wasm)]));
renameSync(js, join(dir, `worker-${h}.js`));
renameSync(wasm, join(dir, `worker-${h}_bg.wasm`));
const loader = Buffer.from(`importScripts("./worker-${h}.js");wasm_bindgen("./worker-${h}_bg.wasm");\n`);
const loaderName = `worker-loader-${hex(loader)}.js`;
writeFileSync(join(dir, loaderName), loader);
const meta = `<meta name="turnaround-worker" content="${base}${loaderName}" />`;
if (!html.includes("</head>")) throw new Error("post-build: no </head>");
html = html.replace("</head>", `${meta}\n</head>`);

// 4. One policy: meta tag == Trunk.toml header less frame-ancestors.
const toml = readFileSync(join(root, "Trunk.toml"), "utf8");
const header = toml.match(/^"Content-Security-Policy"\s*=\s*"([^"]+)"/m)?.[1];
const metaCsp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
if (!header || !metaCsp) throw new Error("post-build: CSP missing from Trunk.toml [serve.headers] or index.html");
const withoutFrames = header
  .split(";")
  .map((d) => d.trim())
  .filter((d) => d && !d.startsWith("frame-ancestors"))
  .join("; ");
if (withoutFrames !== metaCsp) {
  throw new Error(`post-build: index.html CSP\n  ${metaCsp}\ndiffers from Trunk.toml's (less frame-ancestors)\n  ${withoutFrames}`);
}

writeFileSync(htmlPath, html);
console.log(`post-build: ${bootName}, worker-${h}.js, ${loaderName}`);

// 5. The model page, then everything offline needs (last: it lists and
//    hashes every file of the build).
execFileSync(process.execPath, [join(root, "scripts/model-page.mjs"), dir], { stdio: "inherit" });
const { version, precache } = writeOffline(dir, base);
console.log(`post-build: sw.js version ${version}, ${precache.length} files precached`);
