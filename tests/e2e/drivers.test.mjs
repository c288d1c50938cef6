// "What drives the answer" (issue 10): after the full run the tornado, the
// break-evens and the value of information arrive in the drivers panel, and
// the verdict names the driver. Prints each preset's figures and the time
// from the last input to all three parts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { withBrowser, openPage, waitForFull, openDataTables, ARTIFACTS } from "./harness.mjs";

const env = withBrowser();

/** The rows of the data table `<details>` `selector`, after opening it as a person would. */
async function tableRows(page, selector) {
  await openDataTables(page, selector);
  return page.$$eval(`${selector} tbody tr`, (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.trim())));
}

for (const preset of ["sandwell-2012", "england-2024"]) {
  test(`${preset}: tornado, break-evens and worth-finding-out appear, and the verdict names the driver`, async () => {
    const { context, page } = await openPage(env.browser, `${env.server.url}#v=1&preset=${preset}`, { height: 1600 });
    await waitForFull(page);
    await page.waitForSelector("#drivers-done", { timeout: 60000 });
    const tornado = await tableRows(page, "#chart-tornado details.data-table");
    assert.ok(tornado.length >= 10, `tornado rows: ${tornado.length}`);
    const breakEvens = await page.$$eval("#break-evens li", (li) => li.map((l) => l.textContent.trim()));
    assert.equal(breakEvens.length, 3, breakEvens.join("\n"));
    const worth = await page.$$eval("#worth-list li, #worth-none", (e) => e.map((x) => x.textContent.trim()));
    assert.ok(worth.length >= 1);
    const voi = await tableRows(page, "#voi-table");
    assert.match(voi[0][0], /EVPI/);
    const sentence = await page.$eval("#drivers-sentence", (e) => e.textContent.trim());
    assert.match(sentence, /^The answer turns mostly on /);
    const verdict = await page.$eval(".verdict", (e) => e.textContent);
    assert.ok(verdict.includes(sentence), "the verdict carries the driver sentence");
    const live = await page.$eval(".results .sr-only[aria-live]", (e) => e.textContent);
    assert.ok(live.includes(sentence), "so does the screen-reader announcement");
    await page.locator("#drivers").screenshot({ path: join(ARTIFACTS, `drivers-${preset}.png`) });

    // The last input to all three parts done.
    const box = page.locator('.field[data-key="pl.children"] input[type=text]');
    await box.scrollIntoViewIfNeeded();
    const gen = Number(await page.$eval("#run-status", (e) => e.dataset.generation));
    const t0 = await page.evaluate(() => performance.now());
    await box.fill("600");
    await box.press("Enter");
    await page.waitForFunction((g) => Number(document.querySelector("#run-status").dataset.generation) > g, gen);
    await page.waitForSelector("#drivers-done", { timeout: 60000 });
    const t1 = await page.evaluate(() => performance.now());
    const workerMs = Number(await page.$eval("#drivers-done", (e) => e.dataset.millis));

    // A user-picked break-even arrives and is drawn.
    const value = await page.$eval("#break-even-pick", (s) => [...s.options].find((o) => o.text.startsWith("Contract value")).value);
    await page.selectOption("#break-even-pick", value);
    await page.waitForFunction(() => document.querySelectorAll("#break-evens li").length === 4, null, { timeout: 60000 });
    const picked = await page.$eval("#break-evens li:last-child", (e) => e.textContent.trim());
    assert.match(picked, /^Contract value/);

    console.log(`\n== ${preset}`);
    console.log(`driver: ${sentence}`);
    console.log("tornado top 5:");
    for (const r of tornado.slice(0, 5)) console.log(`  ${r.join(" | ")}`);
    console.log("break-evens:");
    for (const b of breakEvens) console.log(`  ${b}`);
    console.log(`  picked: ${picked}`);
    console.log("EVPPI top 3 (after EVPI):");
    for (const r of voi.slice(0, 4)) console.log(`  ${r.join(" | ")}`);
    console.log(`worth: ${worth.join(" / ")}`);
    console.log(`last input -> all three parts: ${(t1 - t0).toFixed(0)} ms (insight in worker ${workerMs} ms)`);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}
