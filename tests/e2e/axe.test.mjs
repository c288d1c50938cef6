// axe-core (from npm) finds no accessibility violations at four screen
// sizes, with every panel and data table open, with three options, and
// with two scenarios side by side.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withBrowser, openPage, waitForFull, seeChart, ROOT, ARTIFACTS } from "./harness.mjs";

const env = withBrowser();
const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

export const SIZES = [
  { name: "1280x800", width: 1280, height: 800 },
  { name: "1920x1080", width: 1920, height: 1080 },
  { name: "768x1024", width: 768, height: 1024 },
  { name: "390x844", width: 390, height: 844 },
];

/** Opens every <details> on the page and waits for the charts. */
async function openEverything(page) {
  // The whole page: "what drives the answer" worked out too.
  await page.waitForSelector("#drivers-done", { timeout: 60000 });
  // A data table is built once its <details> opens; open any that appear
  // meanwhile too.
  await page.waitForFunction(() => {
    const ds = [...document.querySelectorAll("details")];
    ds.forEach((d) => (d.open = true));
    return ds.filter((d) => d.matches(".data-table")).every((d) => d.querySelector("table"));
  });
  // Each chart is drawn once it comes into view: look at each in turn.
  for (const id of await page.$$eval(".chart", (fs) => fs.map((f) => f.id))) await seeChart(page, id);
}

/** Runs axe on the page; returns its violations. */
async function axe(page) {
  // Evaluated through the DevTools protocol, not as an inline <script>: the
  // page's Content-Security-Policy rightly refuses inline scripts.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
}

for (const size of SIZES) {
  test(`axe: no violations at ${size.name} with every panel and table open`, async () => {
    const { context, page } = await openPage(env.browser, env.server.url, size);
    await waitForFull(page);
    // Three options, so the ranked table and every pair are on the page too.
    await page.getByRole("button", { name: "+ Add option" }).click();
    await page.waitForSelector('.card[data-option="2"]');
    await waitForFull(page);
    // Scenarios side by side, with two scenarios in its table.
    await page.click("#compare-add-current");
    await page.fill("#compare-link-text", `${await page.inputValue("#share-link")}&o2.ctr.value=1800000`);
    await page.locator(".compare-link button[type=submit]").click();
    await page.waitForSelector('#compare-table[aria-busy="false"]', { timeout: 120000 });
    await openEverything(page);
    const violations = await axe(page);
    writeFileSync(`${ARTIFACTS}/axe-${size.name}.json`, JSON.stringify(violations, null, 2));
    console.log(`axe ${size.name}: ${violations.length} violations`);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}
