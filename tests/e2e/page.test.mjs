// The modeller page as people use it: preview then refine, three screen
// sizes (laptop, projector with large type, tablet), keyboard operation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, openPage, waitForFull, seeChart, headlines, ARTIFACTS } from "./harness.mjs";

const env = withBrowser();

test("an input shows a preview first, with a refining indicator, then the full run", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  // Record every status the page shows from now on.
  await page.evaluate(() => {
    window.__seen = [];
    const status = document.querySelector("#run-status");
    const record = () =>
      window.__seen.push({
        generation: Number(status.dataset.generation),
        stage: status.dataset.stage,
        paths: Number(status.dataset.paths),
        refining: !!document.querySelector(".results.is-refining .spinner"),
      });
    new MutationObserver(record).observe(document.querySelector(".results"), { subtree: true, attributes: true, childList: true, characterData: true });
  });
  const gen0 = Number(await page.$eval("#run-status", (e) => e.dataset.generation));
  const box = page.locator('.field[data-key="pl.children"] input[type=text]');
  await box.scrollIntoViewIfNeeded();
  await box.fill("700");
  await box.press("Enter");
  await waitForFull(page);
  const seen = (await page.evaluate(() => window.__seen)).filter((s) => s.generation > gen0);
  const preview = seen.findIndex((s) => s.stage === "preview" && s.paths === 1000);
  const full = seen.findIndex((s) => s.stage === "full run" && s.paths === 10000);
  assert.ok(preview >= 0, `a 1,000-path preview was shown: ${JSON.stringify(seen)}`);
  assert.ok(full > preview, "then the full 10,000-path run");
  assert.ok(seen.slice(preview, full).some((s) => s.refining), "with the refining indicator while refining");
  assert.ok(!seen[seen.length - 1].refining, "and no indicator once done");
  assert.deepEqual(page.problems, []);
  await context.close();
});

const SIZES = [
  { name: "laptop-1280x800", width: 1280, height: 800 },
  { name: "projector-1920x1080-large-type", width: 1920, height: 1080, large: true },
  { name: "tablet-768x1024", width: 768, height: 1024, deviceScaleFactor: 2 },
];

for (const size of SIZES) {
  test(`usable at ${size.name}: no horizontal scroll, results and charts visible; screenshot saved`, async () => {
    const { context, page } = await openPage(env.browser, env.server.url, size);
    await waitForFull(page);
    if (size.large) {
      await page.getByLabel("Large type (projector)").check();
      await page.waitForFunction(() => document.documentElement.classList.contains("large-type"));
      const px = await page.$eval(".card dd", (e) => parseFloat(getComputedStyle(e).fontSize));
      assert.ok(px >= 18, `large type makes figures bigger (${px}px)`);
    }
    for (const id of ["chart-cumulative", "chart-difference", "chart-annual", "chart-agency"]) {
      await seeChart(page, id);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px too wide)`);
    // Charts are drawn at device resolution, sharp on high-DPI screens (a
    // chart out of view redraws for a new layout a little later).
    const ratio = () => page.$eval("#chart-cumulative canvas", (c) => c.width / c.getBoundingClientRect().width);
    await page
      .waitForFunction((dpr) => {
        const c = document.querySelector("#chart-cumulative canvas");
        return Math.abs(c.width / c.getBoundingClientRect().width - dpr) < 0.05;
      }, size.deviceScaleFactor || 1, { timeout: 5000 })
      .catch(() => {});
    const sharp = await ratio();
    assert.ok(Math.abs(sharp - (size.deviceScaleFactor || 1)) < 0.05, `canvas pixel ratio ${sharp}`);
    // The screenshots from the top, where a person starts.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${ARTIFACTS}/${size.name}.png` });
    await page.screenshot({ path: `${ARTIFACTS}/${size.name}-full.png`, fullPage: true });
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test("keyboard only: tab to a field, type a value, switch the option tab and route", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  const before = await headlines(page);
  // Focus moves with Tab and is visible.
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none", "focus is visible");
  // The second option's tab, then its route select, by keyboard.
  const tab = page.getByRole("tab", { name: /In-source partner/ });
  await tab.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector('[role=tab][aria-selected="true"]').textContent.includes("In-source"));
  const route = page.getByLabel(/Leadership route of In-source partner/);
  await route.focus();
  await route.selectOption("interim_chain");
  await page.waitForFunction(() => location.hash.includes("o2.route=interim_chain"));
  await waitForFull(page);
  assert.notDeepEqual(await headlines(page), before);
  // Sliders carry accessible names with units.
  const name = await page.locator('.field[data-key="wf.premium"] input[type=range]').getAttribute("aria-label");
  assert.match(name, /Agency premium per FTE, pounds per year/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("a source and year open from a disclosure button, by keyboard, and close with Esc", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  const src = page.locator('.field[data-key="wf.agency"] button.source');
  await src.scrollIntoViewIfNeeded();
  await src.focus();
  assert.equal(await src.getAttribute("aria-expanded"), "false");
  await page.keyboard.press("Enter");
  const panel = page.locator('.field[data-key="wf.agency"] .source-panel');
  await panel.waitFor({ state: "visible" });
  assert.equal(await src.getAttribute("aria-expanded"), "true");
  assert.match(await panel.innerText(), /\d{4}/);
  await page.keyboard.press("Escape");
  await panel.waitFor({ state: "hidden" });
  assert.equal(await src.getAttribute("aria-expanded"), "false");
  await context.close();
});

test("an option can be renamed; an empty name is refused with a message and the old name kept", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  const name = page.getByLabel("Name of option 2");
  await name.fill("Partner (iMPower-style)");
  await name.press("Enter");
  await page.waitForFunction(() => location.hash.includes("o2.name=Partner%20%28iMPower-style%29"));
  await page.waitForFunction(() => document.querySelector(".card[data-option='1'] h3").textContent.includes("Partner (iMPower-style)"));
  await name.fill("   ");
  await name.press("Enter");
  await page.locator(".name-error").waitFor();
  assert.match(await page.locator(".name-error").innerText(), /Option 2: a name is needed/);
  assert.equal(await name.inputValue(), "Partner (iMPower-style)");
  assert.deepEqual(page.problems, []);
  await context.close();
});
