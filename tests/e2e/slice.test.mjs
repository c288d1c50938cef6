// The first slice: the page loads clean, a slider changes the numbers and the
// chart, the link follows, and reloading the link restores everything.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, openPage, waitForFull, seeChart, headlines, ARTIFACTS } from "./harness.mjs";

const env = withBrowser();

const AGENCY = '.field[data-key="wf.agency"]';

async function canvasImage(page, id) {
  return page.$eval(`#${id} canvas`, (c) => c.toDataURL());
}

test("the default scenario loads with results, charts and no console errors", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  const status = await page.locator("#run-status").innerText();
  assert.match(status, /10,000 paths, 60 months/);
  assert.equal(await page.locator(".card[data-option]").count(), 3);
  assert.match(await page.locator('.card[data-option="0"] [data-metric="total-p50"]').innerText(), /^£\d/);
  for (const id of ["chart-cumulative", "chart-difference", "chart-annual", "chart-seats-0", "chart-agency"]) {
    await seeChart(page, id);
  }
  await page.screenshot({ path: `${ARTIFACTS}/first-page.png` });
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("dragging a slider changes the numbers, the chart and the link; reload restores them", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  const before = await headlines(page);
  await seeChart(page, "chart-agency");
  const chartBefore = await canvasImage(page, "chart-agency");
  const hashBefore = await page.evaluate(() => location.hash);

  // Drag the starting agency share slider to the right, as a person would.
  const slider = page.locator(`${AGENCY} input[type=range]`);
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const value0 = Number(await slider.inputValue());
  await page.mouse.move(box.x + box.width * value0, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) {
    await page.mouse.move(box.x + box.width * (value0 + (0.3 * i) / 10), box.y + box.height / 2);
  }
  await page.mouse.up();
  await page.waitForFunction((sel) => Number(document.querySelector(sel).value) > 0.4, `${AGENCY} input[type=range]`);
  await waitForFull(page);

  const after = await headlines(page);
  assert.notDeepEqual(after, before, "headline numbers should change");
  // Back to the chart (the slider is further up the page): it shows the change.
  await page.locator("#chart-agency canvas").scrollIntoViewIfNeeded();
  await page.waitForFunction((img) => document.querySelector("#chart-agency canvas").toDataURL() !== img, chartBefore);
  const hash = await page.evaluate(() => location.hash);
  assert.notEqual(hash, hashBefore);
  assert.match(hash, /wf\.agency=0\.\d+/);
  const boxValue = await page.locator(`${AGENCY} input[type=text]`).inputValue();

  // Reload the shared link: same slider, same numbers.
  await page.reload();
  await waitForFull(page);
  assert.equal(await page.locator(`${AGENCY} input[type=text]`).inputValue(), boxValue);
  assert.deepEqual(await headlines(page), after);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("the keyboard moves a slider and the results follow", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  const before = await headlines(page);
  const slider = page.locator(`${AGENCY} input[type=range]`);
  await slider.focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => /wf\.agency=0\.35/.test(location.hash));
  await waitForFull(page);
  assert.equal(await page.locator(`${AGENCY} input[type=text]`).inputValue(), "35");
  assert.notDeepEqual(await headlines(page), before);
  assert.deepEqual(page.problems, []);
  await context.close();
});
