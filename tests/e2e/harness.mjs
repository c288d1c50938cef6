// Shared end-to-end harness: serves a built dist/ on loopback and drives
// Debian's headless Chromium with playwright-core. No test sleeps: every wait
// is on a condition in the page.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { mkdirSync, readFileSync } from "node:fs";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

export const ROOT = new URL("../..", import.meta.url).pathname;
export const DIST = process.env.DIST_DIR || join(ROOT, "dist");
export const ARTIFACTS = join(ROOT, "tests/e2e/artifacts");
mkdirSync(ARTIFACTS, { recursive: true });

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

/**
 * The Content-Security-Policy the page is served with: the header of
 * Trunk.toml [serve.headers] (what scripts/serve.sh sends; index.html carries
 * the same policy less frame-ancestors in a meta tag), plus a report-uri so
 * any violation, in the page or the worker, reaches the test server.
 */
export const CSP = readFileSync(join(ROOT, "Trunk.toml"), "utf8").match(/^"Content-Security-Policy"\s*=\s*"([^"]+)"/m)[1];
export const CSP_REPORT_PATH = "/__csp-report";

/** Every CSP violation report received by any test server in this process. */
export const cspReports = [];

/** Serves `dir` on 127.0.0.1 on a free port. Resolves to { url, close }. */
export async function serve(dir = DIST) {
  const server = createServer(async (req, res) => {
    if (req.method === "POST" && req.url === CSP_REPORT_PATH) {
      let body = "";
      for await (const chunk of req) body += chunk;
      cspReports.push(body);
      for (const page of openPages) page.problems.push(`csp report: ${body}`);
      res.writeHead(204);
      res.end();
      return;
    }
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(dir, path));
      if (!file.startsWith(normalize(dir))) throw new Error("outside");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] || "application/octet-stream",
        "cache-control": "no-store",
        "content-security-policy": `${CSP}; report-uri ${CSP_REPORT_PATH}`,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Launches Debian's Chromium headless. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME_BIN || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** Pages whose `problems` collect CSP reports. */
const openPages = new Set();

/**
 * Opens a fresh context and page and records console errors, page errors
 * and failed requests in `page.problems`.
 */
export async function openPage(browser, url, { width = 1280, height = 800, deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor, acceptDownloads: true });
  const page = await context.newPage();
  page.problems = [];
  openPages.add(page);
  page.on("close", () => openPages.delete(page));
  // A violation in the page is also logged as a console error, at once.
  await page.addInitScript(() => {
    addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("console", (m) => {
    if (m.type() === "error") page.problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => page.problems.push(`requestfailed: ${r.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 400) page.problems.push(`http ${r.status()}: ${r.url()}`);
  });
  await page.goto(url);
  return { context, page };
}

/** Waits until the full run (not the preview) is shown for the newest input. */
export async function waitForFull(page, timeout = 30000) {
  await page.waitForFunction(
    () => {
      const s = document.querySelector("#run-status");
      return s && s.dataset.stage === "full run" && !document.querySelector(".results.is-refining");
    },
    null,
    { timeout },
  );
}

/**
 * Scrolls chart `id` (a figure's id) into view, as a person would to look at
 * it, and waits until it is drawn: charts out of view are not drawn.
 */
export async function seeChart(page, id) {
  await page.locator(`#${id} canvas`).scrollIntoViewIfNeeded();
  await page.waitForSelector(`#${id} canvas[data-drawn="true"]`);
}

/**
 * Opens every data table `selector` matches (`<details class="data-table">`)
 * as a person would, clicking its summary, and waits for their rows: a
 * table is built only while its disclosure is open.
 */
export async function openDataTables(page, selector) {
  const closed = page.locator(`${selector}:not([open]) > summary`);
  while ((await closed.count()) > 0) await closed.first().click();
  await page.waitForFunction((sel) => {
    const ds = [...document.querySelectorAll(sel)];
    return ds.length > 0 && ds.every((d) => d.querySelector("tbody tr"));
  }, selector);
}

/** Text of a headline metric in option card `i` (0-based). */
export function metric(page, option, name) {
  return page.locator(`.card[data-option="${option}"] [data-metric="${name}"]`).innerText();
}

/** The headline figures of every option card, for comparing two pages. */
export async function headlines(page) {
  return page.$$eval(".card [data-metric]", (els) => els.map((e) => `${e.closest(".card").dataset.option ?? e.closest(".card").dataset.pair}:${e.dataset.metric}=${e.textContent}`));
}

/**
 * For a test file: serves dist/ and launches Chromium once before its tests,
 * closing both after. Returns an object whose `server` and `browser` are
 * set by the time tests run.
 */
export function withBrowser() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
    // Any CSP violation, in any page or worker, fails the file.
    if (cspReports.length) throw new Error(`CSP violations reported:\n${cspReports.join("\n")}`);
  });
  return env;
}
