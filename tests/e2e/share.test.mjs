// Share and keep scenarios: saved scenarios in localStorage (and storage
// failures), the share link and its QR code, CSV / JSON / PNG downloads,
// opening a scenario file. Every wait is on a condition in the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import jsQR from "jsqr";
import { withBrowser, openPage, waitForFull, seeChart, headlines, ARTIFACTS } from "./harness.mjs";

const env = withBrowser();

const AGENCY_BOX = '.field[data-key="wf.agency"] input[type=text]';

/** Types a starting agency share (percent) into its box and waits for the link to follow. */
async function setAgency(page, percent) {
  const box = page.locator(AGENCY_BOX);
  await box.fill(String(percent));
  await box.press("Tab");
  await page.waitForFunction((p) => location.hash.includes(`wf.agency=${p / 100}`), percent);
  await waitForFull(page);
}

/**
 * Reads the QR code at `selector` as a phone would: draws the page's SVG onto
 * a canvas (4 pixels a module, with the 4-module light margin scanners need)
 * and decodes the pixels with jsQR. Returns the text it holds.
 */
async function scanQr(page, selector) {
  const { width, height, pixels } = await page.evaluate(async (sel) => {
    const svg = document.querySelector(sel);
    const size = svg.viewBox.baseVal.width;
    const scale = 4;
    const side = (size + 8) * scale;
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = side;
    const cx = canvas.getContext("2d");
    cx.fillStyle = "#fff";
    cx.fillRect(0, 0, side, side);
    cx.imageSmoothingEnabled = false;
    cx.drawImage(img, 4 * scale, 4 * scale, size * scale, size * scale);
    return { width: side, height: side, pixels: Array.from(cx.getImageData(0, 0, side, side).data) };
  }, selector);
  const code = jsQR(Uint8ClampedArray.from(pixels), width, height);
  assert.ok(code, `the QR code at ${selector} scans`);
  return code.data;
}

async function saveAs(page, name) {
  await page.locator("#save-name").fill(name);
  await page.getByRole("button", { name: "Save", exact: true }).click();
}

/** Reads a CSV (RFC 4180) into rows of cells. */
function parseCsv(text) {
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; }
    else if (c !== "\r") cell += c;
  }
  if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = join(ARTIFACTS, dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), path };
}

test("save a scenario, reload, open it from the list, rename it, delete it", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  await setAgency(page, 35);
  const saved = await headlines(page);
  const savedHash = await page.evaluate(() => location.hash);
  await saveAs(page, "Agency 35%, \"worst\" case");
  await page.getByText("Saved “Agency 35%, \"worst\" case” in this browser.").waitFor();

  // A fresh load of the default scenario still lists it.
  await page.goto(env.server.url);
  await waitForFull(page);
  assert.notEqual(await page.locator(AGENCY_BOX).inputValue(), "35");
  const item = page.locator(".saved-item").filter({ hasText: "Agency 35%" });
  await item.waitFor();
  assert.match(await item.innerText(), /saved \d{4}-\d\d-\d\d \d\d:\d\d UTC/);

  await item.getByRole("button", { name: /^Open / }).click();
  await page.waitForFunction((h) => location.hash === h, savedHash);
  await waitForFull(page);
  assert.equal(await page.locator(AGENCY_BOX).inputValue(), "35");
  assert.deepEqual(await headlines(page), saved);

  await item.getByRole("button", { name: /^Rename / }).click();
  await page.locator(".rename-input").fill("Agency at 35%");
  await page.getByRole("button", { name: "Save name" }).click();
  await page.locator('.saved-item[data-name="Agency at 35%"]').waitFor();
  // Each saved scenario is stored under a key of its own.
  const stored = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("turnaround.saved.v1/"))
      .map((k) => JSON.parse(localStorage.getItem(k))),
  );
  assert.deepEqual(stored.map((s) => s.name), ["Agency at 35%"]);
  assert.equal(`#${stored[0].fragment}`, savedHash);

  await page.getByRole("button", { name: "Delete Agency at 35%" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await page.getByText("Nothing saved yet.").waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("full storage shows a clear message and nothing on screen is lost", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForFull(page);
  await setAgency(page, 40);
  const before = await headlines(page);
  const hash = await page.evaluate(() => location.hash);
  await saveAs(page, "Will not fit");
  const alert = page.getByRole("alert").filter({ hasText: "Could not save" });
  await alert.waitFor();
  assert.equal(
    (await alert.innerText()).trim(),
    "Could not save: browser storage is full. Nothing on screen was lost; copy the link instead.",
  );
  assert.equal(await page.evaluate(() => location.hash), hash);
  assert.equal(await page.locator(AGENCY_BOX).inputValue(), "40");
  assert.equal(await page.locator("#save-name").inputValue(), "Will not fit");
  assert.deepEqual(await headlines(page), before);
  assert.equal(await page.locator(".saved-item").count(), 0);
  await page.screenshot({ path: `${ARTIFACTS}/share-storage-full.png` });
  await context.close();
});

test("copy link puts the page's link on the clipboard and says so; the QR code follows the scenario", async () => {
  const context = await env.browser.newContext({
    viewport: { width: 768, height: 1024 },
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForFull(page);
  // A fresh page has no fragment yet; the share link always holds the whole scenario.
  const link = await page.locator("#share-link").inputValue();
  assert.equal(link, await page.evaluate(() => `${location.origin}${location.pathname}#v=2&preset=sandwell-2012&seed=2012&paths=10000&horizon=60`));
  await page.getByRole("button", { name: "Copy link" }).click();
  await page.getByText("Link copied").waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

  // The QR code holds the link, and follows it when the scenario changes.
  assert.equal(await scanQr(page, ".share-panel svg.qr-code"), link);
  await setAgency(page, 33);
  const changed = await page.evaluate(() => location.href);
  await page.waitForFunction((b) => document.querySelector("#share-link").value === b, changed);
  assert.equal(await scanQr(page, ".share-panel svg.qr-code"), changed);
  assert.equal(await page.getByText("Link copied").count(), 0, "the confirmation goes when the link changes");
  await page.locator(".share-save").screenshot({ path: `${ARTIFACTS}/share-panel-tablet.png` });
  await context.close();
});

test("results CSV has a row per option, category and month; headline CSV has the link", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  const results = await download(page, () => page.locator("#download-results-csv").click());
  assert.match(results.name, /^turnaround-recruit-vs-in-source-partner[a-z0-9-]*-\d{4}-\d{2}-\d{2}-results-by-month\.csv$/);
  const rows = parseCsv(await readFile(results.path, "utf8"));
  assert.deepEqual(rows[0], ["option", "category", "month", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "mean", "made_by"]);
  // Three options in the preset (model 3), eight series each, 60 months.
  assert.equal(rows.length, 1 + 3 * (6 + 2) * 60);
  assert.ok(rows.slice(1).every((r) => r.length === 12 && r.slice(3, 11).every((v) => Number.isFinite(Number(v)))));
  // Every row names the app and model versions that made it, as the footer does.
  const madeBy = rows[1][11];
  assert.match(madeBy, /^Turnaround \S+ · turnaround-engine .* · built \d{4}-\d{2}-\d{2}$/);
  assert.equal(madeBy, (await page.locator("#provenance").innerText()).trim());
  assert.ok(rows.slice(1).every((r) => r[11] === madeBy));
  assert.deepEqual([...new Set(rows.slice(1).map((r) => r[1]))], [
    "Leadership", "Social worker pay", "Agency premium", "Placements", "SEN transport", "Contract and improvement team", "Total", "Cumulative total",
  ]);

  const head = await download(page, () => page.locator("#download-headlines-csv").click());
  const hrows = parseCsv(await readFile(head.path, "utf8"));
  assert.equal(hrows[0][0], "kind");
  assert.deepEqual(hrows[0].slice(-2), ["link", "made_by"]);
  assert.equal(hrows.length, 1 + 3 + 3); // three options, three pairs
  const fragment = (await page.locator("#share-link").inputValue()).split("#")[1];
  assert.match(fragment, /^v=2&preset=sandwell-2012/);
  assert.ok(hrows.slice(1).every((r) => r.at(-2) === fragment && r.at(-1) === madeBy));
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("a downloaded scenario file opens in a fresh browser with identical inputs and numbers", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  await setAgency(page, 37);
  const want = await headlines(page);
  const hash = await page.evaluate(() => location.hash);
  const file = await download(page, () => page.locator("#download-json").click());
  const doc = JSON.parse(await readFile(file.path, "utf8"));
  assert.equal(doc.format, "turnaround-scenario");
  assert.equal(doc.version, 1);
  assert.equal(doc.preset, "sandwell-2012");
  assert.equal(`#${doc.link}`, hash);
  await context.close();

  const fresh = await openPage(env.browser, env.server.url);
  await waitForFull(fresh.page);
  await fresh.page.locator("#open-json").setInputFiles(file.path);
  await fresh.page.waitForFunction((h) => location.hash === h, hash);
  await waitForFull(fresh.page);
  assert.equal(await fresh.page.locator(AGENCY_BOX).inputValue(), "37");
  assert.deepEqual(await headlines(fresh.page), want);

  // A file that is not a scenario is refused with a specific message.
  await fresh.page.locator("#open-json").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from('{"hello":1}') });
  await fresh.page.getByRole("alert").filter({ hasText: "is not a Turnaround scenario" }).waitFor();
  await fresh.page.locator("#open-json").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await fresh.page.getByRole("alert").filter({ hasText: "is not a JSON file" }).waitFor();
  assert.equal(await fresh.page.evaluate(() => location.hash), hash, "a refused file changes nothing");
  assert.deepEqual(fresh.page.problems, []);
  await fresh.context.close();
});

test("each chart downloads as a PNG", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  await seeChart(page, "chart-cumulative");
  const png = await download(page, () => page.locator("#chart-cumulative .download-png").click());
  assert.equal(png.name, "turnaround-chart-cumulative.png");
  const bytes = await readFile(png.path);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(bytes.length > 2000);
  assert.ok((await page.locator(".chart .download-png").count()) >= 5);
  await context.close();
});
