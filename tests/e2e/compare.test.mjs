// Scenarios side by side: a saved scenario and pasted links in one table,
// the cells that differ marked (bold, ≠ and words, not colour alone), each
// scenario openable with the same figures it shows when opened, a bad link
// refused or flagged with the page's own messages, and the table as CSV.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withBrowser, openPage, waitForFull, ARTIFACTS } from "./harness.mjs";

const env = withBrowser();
const METRICS = ["route-cost", "total-p50", "total-range", "service-spend", "changes", "stable-share"];

/** The figure in column `k` of the row for option `name`'s `metric`. */
function cell(page, name, metric, k) {
  return page.evaluate(
    ({ name, metric, k }) => {
      const row = [...document.querySelectorAll(`#compare-table tr[data-metric="${metric}"]`)].find((r) => r.dataset.group.startsWith(`${name} (`));
      const td = row?.querySelectorAll("td")[k];
      return td ? (td.querySelector("strong") ?? td).textContent.trim() : null;
    },
    { name, metric, k },
  );
}

async function addLink(page, link, name = "") {
  await page.fill("#compare-link-text", link);
  await page.fill("#compare-link-name", name);
  await page.locator(".compare-link button[type=submit]").click();
}

test("saved scenarios and links side by side: differences marked, each openable with its own figures, CSV", async () => {
  const { context, page } = await openPage(env.browser, env.server.url, { width: 1280, height: 900 });
  await waitForFull(page);
  const base = await page.inputValue("#share-link");

  // A saved scenario.
  await page.fill("#save-name", "Base 2012");
  await page.locator(".save-form button[type=submit]").click();
  await page.waitForSelector('.saved-item[data-name="Base 2012"]');
  await page.locator("#compare-saved-pick").focus();
  await page.selectOption("#compare-saved-pick", { label: "Base 2012" });
  await page.locator(".compare-saved button[type=submit]").click();
  await page.waitForSelector('#compare-table thead th[data-label="Base 2012"]');
  assert.match(await page.locator("#compare").innerText(), /Add at least 1 more to compare/);

  // Not a scenario link: refused, with a specific message.
  await addLink(page, "https://example.org/turnaround/");
  assert.match(await page.locator(".compare-message [role=alert]").innerText(), /not a link to a Turnaround scenario/);

  // A dearer contract, named.
  await addLink(page, `${base}&o2.ctr.value=1800000`, "Dearer contract");
  await page.waitForSelector('#compare-table thead th[data-label="Dearer contract"]');

  // A link with a bad value: taken with every valid value, and the page's own warning.
  const flawed = `${base}&o2.ctr.value=1500000&wf.fte=-5`;
  await addLink(page, flawed);
  await page.waitForSelector('#compare-table thead th[data-label="Link 2"]');
  const said = await page.locator(".compare-message [role=alert]").innerText();
  const other = await openPage(env.browser, flawed.replace(/^[^#]*/, env.server.url));
  await other.page.waitForSelector("#link-warnings li");
  const pageSays = await other.page.locator("#link-warnings li").allInnerTexts();
  await other.context.close();
  assert.ok(pageSays.length > 0);
  for (const w of pageSays) assert.ok(said.includes(w.trim()), `${said}\nlacks the page's: ${w}`);

  // The same scenario twice is refused.
  await addLink(page, `${base}&o2.ctr.value=1800000`, "Again");
  assert.match(await page.locator(".compare-message [role=alert]").innerText(), /same scenario as “Dearer contract”/);

  // Options that do not match: a renamed third option on another route.
  await addLink(page, `${base}&o3.name=Interim%20cover&o3.route=interim_chain`, "Interim third");
  await page.waitForSelector('#compare-table thead th[data-label="Interim third"]');
  assert.ok(await page.locator("#compare-add-current").isDisabled(), "four is the most");

  // Every figure in; differences marked in more than colour.
  await page.waitForSelector('#compare-table[aria-busy="false"]', { timeout: 120000 });
  const differs = page.locator("#compare-table td.differs");
  assert.ok((await differs.count()) > 0, "some cells differ");
  const first = differs.first();
  assert.equal(await first.locator("strong").count(), 1, "bold");
  assert.equal((await first.locator(".differs-mark").innerText()).trim(), "≠");
  assert.match(await first.locator(".sr-only").textContent(), /\(differs from Base 2012\)/);
  assert.equal(await page.locator('#compare-table tr[data-metric="seed"] td.differs').count(), 0, "same seed everywhere");
  assert.match(await page.locator(".compare-legend").innerText(), /Bold with ≠: differs from the first scenario, Base 2012\./);
  const notes = await page.locator(".compare-note").allInnerTexts();
  assert.ok(notes.some((n) => /The options do not all match: Interim cover \(interim cover only\) is not in Base 2012, Dearer contract, Link 2\./.test(n)), notes.join("\n"));
  assert.ok(notes.some((n) => /Recruit \+ own improvement team \(recruit\) is not in Interim third/.test(n)), notes.join("\n"));
  assert.equal(await cell(page, "Interim cover", "total-p50", 0), "not in this scenario");
  await page.locator("#compare").screenshot({ path: `${ARTIFACTS}/compare-table.png` });

  // The table as CSV, with each scenario's link.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#compare-csv")]);
  assert.match(download.suggestedFilename(), /^turnaround-side-by-side-4-scenarios-base-2012-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), "utf8").split("\r\n");
  assert.equal(csv[0], "Group,Figure,Base 2012,Dearer contract,Link 2,Interim third,Differs between scenarios,made_by");
  const links = csv.find((l) => l.startsWith("Scenario,Link,"));
  assert.match(links, /^Scenario,Link,http:[^,]+#v=[^,]+,http:[^,]+,http:[^,]+,http:[^,]+,,"?Turnaround/);
  assert.ok(links.includes("o2.ctr.value=1800000"));
  assert.ok(csv.some((l) => l.startsWith("Note,")), "the flawed link is noted");

  // Each column opens its scenario in the page, with the table's figures.
  const heads = await page.locator("#compare-table thead .compare-col-name").allInnerTexts();
  for (let k = 0; k < heads.length; k++) {
    const open = page.locator("#compare-table thead .compare-open").nth(k);
    const target = new URL(await open.getAttribute("href")).hash;
    const moves = (await page.evaluate(() => location.hash)) !== target;
    const before = await page.evaluate(() => document.querySelector("#run-status").dataset.generation);
    await open.click();
    await page.waitForFunction((t) => location.hash === t, target);
    if (moves) await page.waitForFunction((g) => document.querySelector("#run-status").dataset.generation !== g, before);
    await waitForFull(page);
    const cards = await page.locator(".cards .card").count();
    for (let i = 0; i < cards; i++) {
      const name = (await page.locator(`.card[data-option="${i}"] h3`).innerText()).trim();
      for (const m of METRICS) {
        const onCard = (await page.locator(`.card[data-option="${i}"] [data-metric="${m}"]`).innerText()).trim();
        assert.equal(await cell(page, name, m, k), onCard, `${heads[k]}: ${name} ${m}`);
      }
    }
  }
  // Taken out again, one by one, by keyboard.
  await page.getByRole("button", { name: "Remove Link 2 from the table" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector('#compare-table thead th[data-label="Link 2"]'));
  assert.deepEqual(page.problems, []);
  await context.close();
});
