// Several workers: the page splits the full run's paths between 1, 2 or 3
// workers (forced with ?debug=workers:N; by default one fewer than the cores)
// and the lead merges the slices. The figures on the page must be the same,
// bit for bit, whatever the split: the digest of the full results' bytes, the
// headline figures and every chart's data table, before and after a change.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, openPage, waitForFull, openDataTables, headlines } from "./harness.mjs";

const env = withBrowser();

/** Every chart's data table, opened as a person would. */
async function chartTables(page) {
  await openDataTables(page, ".chart details.data-table");
  return page.$$eval(".chart .data-table table", (ts) => ts.map((t) => t.textContent));
}

async function snapshot(page) {
  await waitForFull(page);
  // The digest of the full results is published with them.
  const generation = await page.$eval("#run-status", (s) => Number(s.dataset.generation));
  await page.waitForFunction((g) => window.turnaroundDebug?.fullGeneration === g, generation);
  return {
    digest: await page.evaluate(() => window.turnaroundDebug.fullDigest),
    headlines: await headlines(page),
    tables: await chartTables(page),
    verdict: await page.locator(".verdict").innerText(),
  };
}

async function figures(n) {
  const { context, page } = await openPage(env.browser, `${env.server.url}?debug=workers:${n}`);
  const first = await snapshot(page);
  assert.equal(await page.evaluate(() => window.turnaroundDebug.workers), n, "workers started");
  assert.equal(page.workers().length, n, "dedicated workers running");
  // A change: the full run of the new scenario, split the same way.
  await page.evaluate(() => {
    const slider = document.querySelector('.field[data-key="wf.agency"] input[type=range]');
    slider.value = "0.31";
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    slider.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await page.waitForFunction((d) => window.turnaroundDebug?.fullDigest !== d, first.digest);
  const second = await snapshot(page);
  // What drives the answer still arrives (the lead keeps the per-path draws).
  await page.waitForSelector("#drivers-done", { timeout: 60000 });
  assert.deepEqual(page.problems, []);
  await context.close();
  return { first, second };
}

test("1, 2 and 3 workers give the same figures, bit for bit", async () => {
  const one = await figures(1);
  assert.notEqual(one.first.digest, one.second.digest, "the change changes the results");
  assert.ok(one.first.tables.length >= 5, "chart data tables compared");
  for (const n of [2, 3]) {
    const split = await figures(n);
    assert.deepEqual(split, one, `${n} workers match 1`);
  }
});

test("a scenario of at most 1,000 paths is whole after its first run: labelled full, drivers explained", async () => {
  // The preview covers every path, so nothing further follows: the page
  // must not go on calling it a preview, and the drivers come from it.
  const { context, page } = await openPage(env.browser, `${env.server.url}#v=2&preset=sandwell-2012&seed=2012&paths=600&horizon=60`);
  await waitForFull(page);
  assert.match(await page.locator("#run-status").innerText(), /600 paths.*\(full run\)/);
  await page.waitForSelector("#drivers-done", { timeout: 60000 });
  assert.deepEqual(page.problems, []);
  await context.close();
});
