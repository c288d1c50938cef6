// Share links: a link opened in a fresh browser gives identical inputs and
// numbers; Back and Forward step between committed scenarios; bad links open
// with every valid value applied and a specific message.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, openPage, waitForFull, headlines } from "./harness.mjs";

const env = withBrowser();

async function typeValue(page, key, text) {
  const box = page.locator(`.field[data-key="${key}"] input[type=text]`).first();
  await box.scrollIntoViewIfNeeded();
  await box.fill(text);
  await box.press("Enter");
  await box.blur();
}

async function inputs(page) {
  return page.$$eval(".field[data-key] input[type=text]", (els) =>
    els.map((e) => `${e.closest(".field").dataset.key}=${e.value}`),
  );
}

test("a link opened in a fresh browser context gives the same inputs and numbers", async () => {
  const a = await openPage(env.browser, env.server.url);
  await waitForFull(a.page);
  await typeValue(a.page, "wf.agency", "30");
  await a.page.waitForFunction(() => location.hash.includes("wf.agency=0.3"));
  await typeValue(a.page, "pl.children", "600");
  await a.page.waitForFunction(() => location.hash.includes("pl.children=600"));
  await waitForFull(a.page);
  const link = a.page.url();
  const numbers = await headlines(a.page);
  const values = await inputs(a.page);

  const b = await openPage(env.browser, link);
  await waitForFull(b.page);
  assert.deepEqual(await inputs(b.page), values);
  assert.deepEqual(await headlines(b.page), numbers);
  assert.equal(await b.page.locator("#link-warnings").count(), 0);
  assert.deepEqual(a.page.problems, []);
  assert.deepEqual(b.page.problems, []);
  await a.context.close();
  await b.context.close();
});

test("Back and Forward step between committed scenarios", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  const first = await headlines(page);
  await typeValue(page, "wf.agency", "30");
  await page.waitForFunction(() => location.hash.includes("wf.agency=0.3"));
  await waitForFull(page);
  const second = await headlines(page);
  await typeValue(page, "wf.agency", "40");
  await page.waitForFunction(() => location.hash.includes("wf.agency=0.4"));
  await waitForFull(page);

  await page.goBack();
  await page.waitForFunction(() => location.hash.includes("wf.agency=0.3"));
  await page.waitForFunction(() => document.querySelector('.field[data-key="wf.agency"] input[type=text]').value === "30");
  await waitForFull(page);
  assert.deepEqual(await headlines(page), second);

  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes("wf.agency"));
  await page.waitForFunction(() => document.querySelector('.field[data-key="wf.agency"] input[type=text]').value === "25");
  await waitForFull(page);
  assert.deepEqual(await headlines(page), first);

  await page.goForward();
  await page.waitForFunction(() => document.querySelector('.field[data-key="wf.agency"] input[type=text]').value === "30");
  await waitForFull(page);
  assert.deepEqual(await headlines(page), second);
  assert.deepEqual(page.problems, []);
  await context.close();
});

const BAD_LINKS = [
  ["a mangled value", "#v=1&preset=sandwell-2012&wf.agency=lots&pl.children=600", "expected a number", { key: "pl.children", value: "600" }],
  ["an impossible number", "#v=1&wf.agency=1.7&pl.children=600", "between 0 and 100", { key: "pl.children", value: "600" }],
  ["a truncated link", "#v=1&preset=sandwell-2012&pl.children=600&wf.prem", "not a setting this version knows", { key: "pl.children", value: "600" }],
  ["a hostile link", "#v=1&%3Cscript%3Ealert(1)%3C%2Fscript%3E=1&pl.children=600", "not a setting this version knows", { key: "pl.children", value: "600" }],
  ["a future version", "#v=9&pl.children=600", "newer version", { key: "pl.children", value: "600" }],
  ["an unknown preset", "#v=1&preset=atlantis&pl.children=600", "unknown preset", { key: "pl.children", value: "600" }],
  ["broken percent-encoding", "#v=1&o1.name=%E0%A4%A&pl.children=600", "percent-encoding", { key: "pl.children", value: "600" }],
];

for (const [what, link, message, kept] of BAD_LINKS) {
  test(`${what} opens with a specific message and every valid value applied`, async () => {
    const { context, page } = await openPage(env.browser, env.server.url + link);
    await page.waitForSelector("#link-warnings");
    const text = await page.locator("#link-warnings").innerText();
    assert.match(text, new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), text);
    // The original link is kept, copyable.
    const original = await page.locator("#link-warnings input[readonly]").inputValue();
    assert.ok(original.startsWith("#v=") && original.includes("pl.children=600"), original);
    await waitForFull(page);
    assert.equal(await page.locator(`.field[data-key="${kept.key}"] input[type=text]`).inputValue(), kept.value);
    assert.match(await page.locator('.card[data-option="0"] [data-metric="total-p50"]').innerText(), /^£\d/);
    assert.deepEqual(page.problems, [], "no console errors, no panic");
    await context.close();
  });
}

test("a drag writes the link at most every 300 ms and leaves one history entry", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__writes = [];
    for (const kind of ["pushState", "replaceState"]) {
      const original = history[kind].bind(history);
      history[kind] = (...args) => {
        window.__writes.push({ kind, at: performance.now() });
        return original(...args);
      };
    }
  });
  await page.goto(env.server.url);
  await waitForFull(page);
  const lengthBefore = await page.evaluate(() => history.length);
  const slider = page.locator('.field[data-key="pl.children"] input[type=range]');
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.05, y);
  await page.evaluate(() => (window.__writes = []));
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) {
    await page.mouse.move(box.x + box.width * (0.05 + i * 0.005), y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  const duringDrag = await page.evaluate(() => window.__writes.slice());
  await page.mouse.up();
  await page.waitForFunction(() => window.__writes.length > 0 && !document.querySelector(".results.is-refining"));
  await waitForFull(page);

  const replaces = duringDrag.filter((w) => w.kind === "replaceState");
  for (let i = 1; i < replaces.length; i++) {
    assert.ok(replaces[i].at - replaces[i - 1].at >= 295, `replaced ${replaces[i].at - replaces[i - 1].at} ms apart`);
  }
  const span = duringDrag.length ? duringDrag[duringDrag.length - 1].at - duringDrag[0].at : 0;
  assert.ok(replaces.length <= span / 295 + 1, `${replaces.length} replaces in ${span} ms`);
  assert.equal(duringDrag.filter((w) => w.kind === "pushState").length, 1, "one push when the drag starts");
  assert.equal(await page.evaluate(() => history.length), lengthBefore + 1, "one history entry per drag");
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes("pl.children"));
  assert.deepEqual(page.problems ?? [], []);
  await context.close();
});

test("text typed but refused is replaced when Back changes the value", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  const box = page.locator('.field[data-key="pl.children"] input[type=text]');
  await box.scrollIntoViewIfNeeded();
  await box.fill("600");
  await box.press("Enter");
  await page.waitForFunction(() => location.hash.includes("pl.children=600"));
  await box.fill("abc");
  await box.press("Enter");
  await page.locator('.field[data-key="pl.children"] .field-error').filter({ hasText: "enter a number" }).waitFor();
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes("pl.children"));
  await page.waitForFunction(() => document.querySelector('.field[data-key="pl.children"] input[type=text]').value === "530");
  assert.equal(await page.locator('.field[data-key="pl.children"] .field-error').innerText(), "");
  await context.close();
});

test("resetting a placement-mix share from the changes list restores the mix", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  const box = page.locator('.field[data-key="pl.mix.ifa"] input[type=text]');
  await box.scrollIntoViewIfNeeded();
  await box.fill("40");
  await box.press("Enter");
  await page.waitForFunction(() => location.hash.includes("pl.mix.ifa=0.4"));
  await page.getByRole("button", { name: "Reset Mix: in-house fostering to the preset" }).click();
  await page.waitForFunction(() => !location.hash.includes("pl.mix"));
  assert.equal(await box.inputValue(), "25");
  assert.match(await page.locator(".verdict").innerText(), /cheaper than .* in \d+% of simulated futures/);
  await context.close();
});
