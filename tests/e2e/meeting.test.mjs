// The meeting record: named, dated files and the printed committee paper.
// The paper is printed to PDF by headless Chromium, turned into page images
// with pdftoppm (kept in tests/e2e/artifacts/ to look at) and read back
// with pdftotext. Every wait is on a condition in the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { withBrowser, openPage, waitForFull, ARTIFACTS } from "./harness.mjs";

const env = withBrowser();

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = join(ARTIFACTS, dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), path };
}

/** Bottom of the content on each page image, as a fraction of its height (PGM from pdftoppm -gray). */
function contentBottoms(prefix, pages) {
  const out = [];
  for (let i = 1; i <= pages; i++) {
    const file = `${prefix}-${String(i).padStart(String(pages).length, "0")}.pgm`;
    const buf = execFileSync("cat", [file]);
    // Header: P5\n<w> <h>\n255\n
    const header = buf.subarray(0, 40).toString("latin1").split(/\s+/);
    const [w, h] = [Number(header[1]), Number(header[2])];
    const start = buf.length - w * h;
    // Ignore the bottom 8% (the page-number footer).
    let bottom = 0;
    for (let y = Math.floor(h * 0.92) - 1; y >= 0 && !bottom; y--) {
      for (let x = 0; x < w; x++) if (buf[start + y * w + x] < 200) { bottom = y / h; break; }
    }
    out.push(bottom);
  }
  return out;
}

test("files carry the scenario's name and date; a scenario file carries name and saved time", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  const today = new Date().toISOString().slice(0, 10);
  let file = await download(page, () => page.locator("#download-json").click());
  assert.match(file.name, new RegExp(`^turnaround-recruit-vs-in-source-partner-vs-recruit-own-${today}\\.json$`));
  let doc = JSON.parse(await readFile(file.path, "utf8"));
  assert.match(doc.name, /^Recruit vs In-source partner vs /);
  assert.ok(Math.abs(Date.parse(doc.saved_at) - Date.now()) < 600_000, doc.saved_at);

  await page.locator("#scenario-name").fill("Cabinet, 3 Dec: \"worst\" case");
  file = await download(page, () => page.locator("#download-headlines-csv").click());
  assert.equal(file.name, `turnaround-cabinet-3-dec-worst-case-${today}-headlines.csv`);
  file = await download(page, () => page.locator("#download-json").click());
  assert.equal(file.name, `turnaround-cabinet-3-dec-worst-case-${today}.json`);
  doc = JSON.parse(await readFile(file.path, "utf8"));
  assert.equal(doc.name, "Cabinet, 3 Dec: \"worst\" case");
  await context.close();

  // A fresh page opening that file takes its name too.
  const fresh = await openPage(env.browser, env.server.url);
  await waitForFull(fresh.page);
  await fresh.page.locator("#open-json").setInputFiles(file.path);
  await fresh.page.waitForFunction(() => document.querySelector("#scenario-name").value === "Cabinet, 3 Dec: \"worst\" case");
  assert.deepEqual(fresh.page.problems, []);
  await fresh.context.close();
});

test("the committee paper prints with assumptions, sources, versions, page numbers and every pair's chart", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  await page.locator("#scenario-name").fill("Sandwell options paper");
  await page.locator("#paper-author").fill("A. Finance Officer");
  await page.locator("#paper-council").fill("Sandwell Council Cabinet");
  await page.waitForFunction(() => document.querySelector("#paper-name").textContent === "Sandwell options paper");
  // The paper carries "what drives the answer" once it is worked out: print
  // the finished paper, so its length does not depend on the machine's speed.
  await page.waitForSelector("#drivers-done", { timeout: 60000 });
  // Charts out of view are not drawn until seen (their draw waits, marked
  // "pending"); printing draws them all first, at once (the browser lays
  // the page out for print after "beforeprint").
  const states = await page.$$eval(".chart canvas", (cs) => cs.map((c) => c.dataset.drawn));
  assert.ok(states.includes("pending"), `some charts out of view wait to be seen: ${states}`);
  const printed = await page.evaluate(() => {
    window.dispatchEvent(new Event("beforeprint"));
    return [...document.querySelectorAll(".chart canvas")].map((c) => c.dataset.drawn);
  });
  assert.ok(printed.every((d) => d === "true"), `every chart drawn for print: ${printed}`);
  await page.emulateMedia({ media: "print" });
  const pdf = join(ARTIFACTS, "committee-paper.pdf");
  await page.pdf({ path: pdf, format: "A4", printBackground: true, preferCSSPageSize: true });
  const options = await page.$$eval(".card[data-option] h3", (hs) => hs.map((h) => h.textContent.trim()));
  const lastRows = await page.$$eval(".drivers-print tbody tr:last-child td:first-child", (tds) => tds.map((t) => t.textContent.trim()));
  assert.equal(lastRows.length, 3, "tornado, break-even and value-of-information tables on paper");
  await context.close();

  const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
  const pages = text.split("\f").filter((p) => p.trim()).length;
  // Three options with every assumption, source and driver table: about a dozen pages.
  assert.ok(pages >= 4 && pages <= 14, `${pages} pages`);
  for (let i = 1; i <= pages; i++) assert.ok(text.includes(`Page ${i} of ${pages}`), `page number ${i}`);
  const flat = execFileSync("pdftotext", [pdf, "-"]).toString().replace(/\s+/g, " ");
  for (const want of [
    "Sandwell options paper", "A. Finance Officer", "Sandwell Council Cabinet",
    "Turnaround app", "model turnaround-engine", "seed 2012, 10,000 paths, 60 months",
    "Open this scenario: http", "Contract value", "£1,150,000", "Contract length", "30 months",
    "Permanent DCS cost", "Estimate.", "iMPower", "Footnote: Monte Carlo errors",
    "does not predict inspection outcomes", "Scan to open the live scenario",
  ]) assert.ok(flat.includes(want), `the paper says "${want}"`);
  assert.ok(!flat.includes("Point at or touch"), "no screen-only text on paper");
  assert.ok(!flat.includes("Download and print"), "no controls on paper");
  // Every printed table prints whole (no scroll box clips it): the last row
  // of each drivers table is on paper, and what the paper leaves out is said.
  for (const want of lastRows) assert.ok(flat.includes(want), `the paper says "${want}" (a table's last row)`);
  assert.ok(flat.includes("more inputs matter less; every row is in the drivers CSV export."));
  // Every pair of options has its difference chart.
  for (let a = 0; a < options.length; a++)
    for (let b = a + 1; b < options.length; b++)
      assert.ok(flat.includes(`How much more or less ${options[a]} costs than ${options[b]}`), `pair ${a}-${b}`);

  // Page images to look at, and no half-empty page before the last.
  const prefix = join(ARTIFACTS, "committee-paper");
  execFileSync("pdftoppm", ["-r", "60", "-png", pdf, prefix]);
  execFileSync("pdftoppm", ["-r", "30", "-gray", pdf, `${prefix}-g`]);
  const bottoms = contentBottoms(`${prefix}-g`, pages);
  bottoms.slice(0, -1).forEach((b, i) => assert.ok(b > 0.6, `page ${i + 1} is filled to ${Math.round(b * 100)}% only`));
});

test("the single-file report opens offline in a fresh browser and requests nothing", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  await page.locator("#scenario-name").fill("Report check");
  const file = await download(page, () => page.locator("#download-report").click());
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(file.name, `turnaround-report-check-${today}-report.html`);
  const options = await page.$$eval(".card[data-option] h3", (hs) => hs.map((h) => h.textContent.trim()));
  const link = await page.locator("#share-link").inputValue();
  await context.close();

  const offline = await env.browser.newContext({ offline: true, javaScriptEnabled: false });
  const requests = [];
  offline.on("request", (r) => requests.push(r.url()));
  await offline.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
  const view = await offline.newPage();
  await view.goto(`file://${file.path}`);
  await view.locator("h1", { hasText: "Report check" }).waitFor();
  assert.deepEqual(requests.filter((u) => !u.startsWith("file:")), [], "no network request");
  assert.equal(requests.length, 1, requests.join("\n"));
  const pairs = (options.length * (options.length - 1)) / 2;
  assert.equal(await view.locator("figure svg").count(), 1 + pairs + 1 + options.length + 1);
  assert.equal(await view.locator("#options tbody tr").count(), options.length);
  assert.equal(await view.locator("#pairs tbody tr").count(), pairs);
  const text = await view.locator("body").innerText();
  for (const want of ["£1,150,000", "iMPower", "Estimate.", "inspection outcomes", "Monte Carlo errors", "seed 2012"])
    assert.ok(text.includes(want), want);
  assert.equal(await view.locator("a.link").getAttribute("href"), link);
  // Every chart drew something (the SVGs have size on the page).
  const sizes = await view.$$eval("figure svg", (s) => s.map((e) => e.getBoundingClientRect().height));
  assert.ok(sizes.every((h) => h > 100), sizes.join());
  await view.screenshot({ path: join(ARTIFACTS, "single-file-report.png"), fullPage: false });
  await offline.close();
});

test("a meeting logs each settled scenario with notes, survives a reload and exports HTML and CSV", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  await page.locator("#meeting-start").click();
  await page.locator('.meeting-entry[data-entry="0"]').waitFor();
  const box = page.locator('.field[data-key="wf.agency"] input[type=text]');
  await box.fill("35");
  await box.press("Tab");
  await page.waitForFunction(() => location.hash.includes("wf.agency=0.35"));
  await page.locator('.meeting-entry[data-entry="1"]').waitFor();
  assert.match(await page.locator('.meeting-entry[data-entry="1"] .meeting-changed').innerText(), /to 35%/);
  const [h0, h1] = await Promise.all([0, 1].map((i) => page.locator(`.meeting-entry[data-entry="${i}"] .meeting-headline`).innerText()));
  assert.match(h1, /Recruit £[\d.]+m/);
  assert.notEqual(h1, h0, "each entry has its own scenario's results");
  const p50 = (await page.locator('.card[data-option="0"] [data-metric="total-p50"]').innerText()).match(/£[\d.]+m/)[0];
  assert.ok(h1.startsWith(`Recruit ${p50};`), `${h1} starts with the card's median ${p50}`);
  await page.locator("#meeting-note-1").fill("Agency worst case, from the finance officer");
  await page.locator("#meeting-note-1").press("Tab");
  await page.waitForFunction(() => (localStorage.getItem("turnaround.meeting.v1") || "").includes("Agency worst case"));

  // Survives a reload, still running.
  await page.reload();
  await waitForFull(page);
  assert.equal(await page.locator("#meeting-note-1").inputValue(), "Agency worst case, from the finance officer");
  assert.equal(await page.locator("#meeting-stop").count(), 1);
  await page.locator(".meeting-log").screenshot({ path: join(ARTIFACTS, "meeting-log-panel.png") });

  const csv = await download(page, () => page.locator("#meeting-csv").click());
  assert.match(csv.name, /^turnaround-meeting-.*-log\.csv$/);
  const text = await readFile(csv.path, "utf8");
  const lines = text.trim().split("\r\n");
  assert.equal(lines[0], "time,changed,headline,note,link,made_by");
  assert.equal(lines.length, 3);
  assert.ok(lines[2].includes("wf.agency=0.35") && lines[2].includes("Agency worst case"), lines[2]);
  const report = await download(page, () => page.locator("#meeting-html").click());
  await context.close();

  const offline = await env.browser.newContext({ offline: true, javaScriptEnabled: false });
  const view = await offline.newPage();
  await view.goto(`file://${report.path}`);
  assert.equal(await view.locator("tbody tr").count(), 2);
  assert.match(await view.locator("tbody tr").nth(1).innerText(), /Agency worst case/);
  assert.match(await view.locator("tbody tr a").nth(1).getAttribute("href"), /wf\.agency=0\.35/);
  await view.screenshot({ path: join(ARTIFACTS, "meeting-log-report.png") });
  await offline.close();
});

test("a blocked storage shows a clear message and the meeting still logs", async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForFull(page);
  await page.locator("#meeting-start").click();
  await page.locator(".meeting-log [role=alert]", { hasText: "storage is full or blocked" }).waitFor();
  await page.locator('.meeting-entry[data-entry="0"]').waitFor();
  await context.close();
});
