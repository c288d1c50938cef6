// Offline and installing: run by scripts/post-build.mjs as the build's last
// step, once every other file is in the staging directory (model.html too).
//
// 1. Draws the app icons (PNG, from the same picture as the favicon): 192
//    and 512 px with transparent corners, a 512 px maskable one (full bleed,
//    the picture inside the 80% safe circle) and a 180 px apple-touch-icon.
//    Pure JavaScript over node:zlib, no network, same pixels every build.
// 2. Writes the web app manifest (manifest.webmanifest), which index.html
//    links with the icons.
// 3. Writes the service worker, sw.js (a stable name, so browsers can check
//    it for updates). It precaches every other file of the build and carries
//    a version: a hash of each file's name and bytes. A new deploy therefore
//    changes sw.js, the browser installs the new worker next to the old one,
//    and the page offers "A new version is available: reload".
// 4. Adds <meta name="turnaround-sw" content="<base>sw.js"> to index.html:
//    the page registers a service worker only when it finds this tag (so
//    the wasm-bindgen browser tests, which have no such tag, never do).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { deflateSync } from "node:zlib";

/** The page's colours (styles/main.css: --brand, --soft). */
export const THEME = "#005a9c";
export const BACKGROUND = "#f3f2f1";
const ACCENT = [0xe6, 0x9f, 0x00];
const BRAND = [0x00, 0x5a, 0x9c];

// ---- 1. Icons -------------------------------------------------------------

/** CRC-32 of a byte range (PNG chunk checksums). */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An RGBA image (width*height*4 bytes) as a PNG file. */
export function png(width, height, rgba) {
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "ascii");
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 4)] = 0; // filter: none
    rgba.copy(raw, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The favicon's arc, "M8 22c4-10 12-10 16 0" on a 32-unit grid, as points. */
const ARC = Array.from({ length: 65 }, (_, i) => {
  const t = i / 64;
  const u = 1 - t;
  const [x0, y0, x1, y1, x2, y2, x3, y3] = [8, 22, 12, 12, 20, 12, 24, 22];
  return [
    u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3,
    u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3,
  ];
});

/** Distance from (px, py) to the arc. */
function arcDistance(px, py) {
  // Far from the arc's box (x 8..24, y 14.5..22, in units): far enough.
  if (px < 5 || px > 27 || py < 11 || py > 25) return 3;
  let best = Infinity;
  for (let i = 1; i < ARC.length; i++) {
    const [ax, ay] = ARC[i - 1];
    const [bx, by] = ARC[i];
    const [dx, dy] = [bx - ax, by - ay];
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(px - ax - t * dx, py - ay - t * dy));
  }
  return best;
}

/**
 * Draws the icon: the favicon's picture (a white arc and an amber dot on the
 * brand blue). `size` in pixels; `art` the share of the side the 32-unit
 * picture spans; `fullBleed` paints the whole square (maskable and Apple
 * icons) instead of a rounded square with transparent corners.
 */
export function drawIcon(size, { art = 1, fullBleed = false } = {}) {
  const rgba = Buffer.alloc(size * size * 4);
  const unit = (size * art) / 32; // pixels per picture unit
  const origin = (size - 32 * unit) / 2;
  // Coverage of a shape from its signed distance in pixels (antialiased).
  const cover = (d) => Math.max(0, Math.min(1, 0.5 - d));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [px, py] = [x + 0.5, y + 0.5];
      // Background: the rounded square (rx 6 of 32), or the whole square.
      let alpha = 1;
      if (!fullBleed) {
        const r = (6 / 32) * size;
        const qx = Math.max(Math.abs(px - size / 2) - (size / 2 - r), 0);
        const qy = Math.max(Math.abs(py - size / 2) - (size / 2 - r), 0);
        alpha = cover(Math.hypot(qx, qy) - r);
      }
      let colour = BRAND;
      const [ux, uy] = [(px - origin) / unit, (py - origin) / unit];
      const arc = cover((arcDistance(ux, uy) - 1.5) * unit);
      colour = colour.map((c) => c + (255 - c) * arc);
      const dot = cover((Math.hypot(ux - 16, uy - 11) - 3) * unit);
      colour = colour.map((c, i) => c + (ACCENT[i] - c) * dot);
      const o = (y * size + x) * 4;
      rgba[o] = Math.round(colour[0]);
      rgba[o + 1] = Math.round(colour[1]);
      rgba[o + 2] = Math.round(colour[2]);
      rgba[o + 3] = Math.round(alpha * 255);
    }
  }
  return png(size, size, rgba);
}

/** The icon files: name, pixels, drawing options, manifest purpose. */
export const ICONS = [
  { name: "icon-192.png", size: 192, purpose: "any" },
  { name: "icon-512.png", size: 512, purpose: "any" },
  // Maskable: the picture within the central 80% circle, so any mask keeps it.
  { name: "icon-maskable-512.png", size: 512, purpose: "maskable", art: 0.8, fullBleed: true },
  // iOS rounds the corners itself and wants no transparency.
  { name: "apple-touch-icon.png", size: 180, art: 0.8, fullBleed: true },
];

// ---- 2. Manifest ----------------------------------------------------------

/** The web app manifest (paths relative to it, so any base path works). */
export function manifest() {
  return {
    id: "./",
    name: "Turnaround: children's services leadership and spend scenarios",
    short_name: "Turnaround",
    description:
      "Compare recruiting a Director of Children's Services with in-sourcing an improvement partner: spend and leadership stability, with their uncertainty.",
    lang: "en-GB",
    start_url: "./",
    scope: "./",
    display: "standalone",
    theme_color: THEME,
    background_color: BACKGROUND,
    icons: ICONS.filter((i) => i.purpose).map((i) => ({
      src: i.name,
      sizes: `${i.size}x${i.size}`,
      type: "image/png",
      purpose: i.purpose,
    })),
  };
}

// ---- 3. Service worker ----------------------------------------------------

/** Every file under `dir` (relative, with `/`), sorted, less sw.js. */
function files(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith(".")) continue;
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.filter((f) => f !== "sw.js").sort();
}

/** The service worker's source for a precache list and version. */
export function serviceWorker(precache, version) {
  return `// Turnaround's service worker, written by scripts/offline.mjs at build time.
// Cache-first for this build's files; navigations fall back to the cached
// page (the scenario is in the link's fragment, the view in its query, so
// any link opens offline). A new build changes VERSION, so the browser
// installs the new worker beside this one; it waits until the page's
// "Reload" button asks it to take over (message "skip-waiting").
const VERSION = ${JSON.stringify(version)};
const CACHE = "turnaround-" + VERSION;
const PRECACHE = ${JSON.stringify(precache)};

self.addEventListener("install", (event) => {
  // cache: "reload" so an HTTP cache never puts an older file in this build.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((f) => new Request(f, { cache: "reload" }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("turnaround-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // A query never changes a static file (the worker's loader is asked
      // for with "?ch=...", a view with "?large=1"): match without it.
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      // Any other page in scope is the app itself (index.html).
      if (request.mode === "navigate") return (await cache.match("index.html")) || fetch(request);
      return fetch(request);
    }),
  );
});
`;
}

// ---- All of it ------------------------------------------------------------

/** Writes icons, manifest, the sw tag and sw.js into the staging dir `dir`. */
export function writeOffline(dir, base = "/") {
  for (const icon of ICONS) writeFileSync(join(dir, icon.name), drawIcon(icon.size, icon));
  writeFileSync(join(dir, "manifest.webmanifest"), JSON.stringify(manifest(), null, 2) + "\n");

  const htmlPath = join(dir, "index.html");
  let html = readFileSync(htmlPath, "utf8");
  for (const needed of ['rel="manifest"', 'rel="apple-touch-icon"']) {
    if (!html.includes(needed)) throw new Error(`offline: index.html has no <link ${needed}>`);
  }
  html = html.replace("</head>", `<meta name="turnaround-sw" content="${base}sw.js" />\n</head>`);
  writeFileSync(htmlPath, html);

  // The version: every precached file's name and bytes.
  const precache = files(dir);
  for (const needed of ["index.html", "model.html", "model.css"]) {
    if (!precache.includes(needed)) throw new Error(`offline: ${needed} is not in the build yet`);
  }
  const hash = createHash("sha256");
  for (const f of precache) hash.update(f).update("\0").update(readFileSync(join(dir, f))).update("\0");
  const version = hash.digest("hex").slice(0, 16);
  writeFileSync(join(dir, "sw.js"), serviceWorker(precache, version));
  return { version, precache };
}
