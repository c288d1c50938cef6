// Your council: pick a council by typing, the scenario starts from its own
// DfE figures with their sources, the link holds its code and reopens the
// same numbers; an old or unknown code says so and the rest of the link
// still applies.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { withBrowser, openPage, waitForFull, headlines, ARTIFACTS } from "./harness.mjs";

const env = withBrowser();

async function inputs(page) {
  return page.$$eval(".field[data-key] input[type=text]", (els) =>
    els.map((e) => `${e.closest(".field").dataset.key}=${e.value}`),
  );
}

async function boxValue(page, key) {
  return page.locator(`.field[data-key="${key}"] input[type=text]`).first().inputValue();
}

async function filled(page) {
  return page.$$eval(".council-filled .filled", (els) =>
    Object.fromEntries(
      els.map((e) => [
        e.dataset.field,
        { value: e.querySelector(".filled-value").textContent, source: e.querySelector(".filled-source").textContent },
      ]),
    ),
  );
}

test("typing part of a name picks the council, fills its figures with sources, and the link reopens them", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  const box = page.getByRole("combobox", { name: /council/i });
  await box.click();
  await box.pressSequentially("Sand");
  const first = page.locator("#council-list [role=option]").first();
  await first.waitFor();
  assert.match(await first.innerText(), /^Sandwell/);
  await page.screenshot({ path: join(ARTIFACTS, "council-picker.png") });
  await box.press("Enter");

  await page.waitForFunction(() => location.hash.includes("la=E08000028"));
  assert.match(page.url(), /preset=england-2024/);
  await page.locator("#council-chosen h3", { hasText: "Sandwell (E08000028)" }).waitFor();
  const f = await filled(page);
  assert.equal(f["context.workforce.establishment_fte"].value, "284.7 FTE");
  assert.equal(
    f["context.workforce.establishment_fte"].source,
    "DfE, Children's social work workforce, 2024, Sandwell (241.3 in post + 43.4 agency FTE)",
  );
  assert.equal(f["context.workforce.start_agency_share"].value, "15.2%");
  assert.equal(f["context.placements.children_start"].value, "812");
  assert.match(f["context.placements.children_start"].source, /^DfE, Children looked after in England, 2024, Sandwell/);
  assert.match(f["context.placements.net_growth"].source, /^DfE, Children looked after in England, 2019–2024, Sandwell/);
  assert.match(f["context.placements.mix"].source, /^England 2024 default: /);
  // The assumptions panel holds the same values.
  assert.equal(await boxValue(page, "wf.fte"), "284.7");
  assert.equal(await boxValue(page, "pl.children"), "812");
  // Sense of scale beside the figures.
  const scale = await page.locator(".council-scale").innerText();
  assert.match(scale, /Agency rate 15\.2% \(2024\): (higher|lower) than \d in 10 councils/);
  await waitForFull(page);
  await page.locator("#council-chosen").screenshot({ path: join(ARTIFACTS, "council-filled.png") });
  const numbers = await headlines(page);
  const values = await inputs(page);
  const link = page.url();

  await page.reload();
  await waitForFull(page);
  assert.deepEqual(await inputs(page), values);
  assert.deepEqual(await headlines(page), numbers);
  assert.deepEqual((await filled(page))["context.workforce.establishment_fte"].value, "284.7 FTE");

  const b = await openPage(env.browser, link);
  await waitForFull(b.page);
  assert.deepEqual(await inputs(b.page), values);
  assert.deepEqual(await headlines(b.page), numbers);
  assert.equal(await b.page.locator("#link-warnings").count(), 0);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(b.page.problems, []);
  await b.context.close();
  await context.close();
});

test("a changed value is kept relative to the council's figures", async () => {
  const { context, page } = await openPage(env.browser, `${env.server.url}#v=1&preset=england-2024&la=E06000002&seed=2024&paths=10000&horizon=60&pl.children=600`);
  await waitForFull(page);
  assert.equal(await boxValue(page, "pl.children"), "600");
  // Middlesbrough's own establishment: 134.6 in post + 64 agency.
  assert.equal(await boxValue(page, "wf.fte"), "198.6");
  assert.equal(await page.locator("#link-warnings").count(), 0);
  await context.close();
});

test("an old or unknown council code gets a clear message and the rest of the link applies", async () => {
  const { context, page } = await openPage(env.browser, `${env.server.url}#v=1&preset=england-2024&la=E10000006&seed=2024&paths=10000&horizon=60&pl.children=600`);
  await waitForFull(page);
  const warn = page.locator("#link-warnings");
  await warn.waitFor();
  const text = await warn.innerText();
  assert.match(text, /la=E10000006/);
  assert.match(text, /Cumbria/);
  assert.match(text, /Cumberland and Westmorland and Furness/);
  assert.equal(await boxValue(page, "pl.children"), "600");
  await context.close();

  const b = await openPage(env.browser, `${env.server.url}#v=1&preset=england-2024&la=NOPE&seed=2024&paths=10000&horizon=60&wf.agency=0.3`);
  await waitForFull(b.page);
  assert.match(await b.page.locator("#link-warnings").innerText(), /"NOPE", which is not an English council/);
  assert.equal(await boxValue(b.page, "wf.agency"), "30");
  await b.context.close();
});

test("the picker works by keyboard alone and says when nothing matches", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  const box = page.getByRole("combobox", { name: /council/i });
  await box.focus();
  await box.pressSequentially("zzz");
  await page.locator(".council-none").waitFor();
  await box.fill("");
  await box.pressSequentially("north");
  await page.locator("#council-list [role=option]").nth(1).waitFor();
  await box.press("ArrowDown");
  const second = await page.locator("#council-list [role=option]").nth(1).innerText();
  assert.equal(await page.locator("#council-list [aria-selected=true]").innerText(), second);
  await box.press("Enter");
  const name = second.split(/\s+(North|South|East|West|Yorkshire|London|Inner|Outer)/)[0];
  await page.locator("#council-chosen h3", { hasText: name }).waitFor();
  await page.waitForFunction(() => /la=E\d{8}/.test(location.hash));
  await context.close();
});

test("on a phone, tapping a suggestion picks the council", async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(env.server.url);
  await waitForFull(page);
  const box = page.getByRole("combobox", { name: /council/i });
  await box.tap();
  await box.pressSequentially("middles");
  const option = page.locator("#council-list [role=option]", { hasText: "Middlesbrough" });
  await option.tap();
  await page.waitForFunction(() => location.hash.includes("la=E06000002"));
  await page.locator("#council-chosen h3", { hasText: "Middlesbrough (E06000002)" }).waitFor();
  assert.match(await page.locator(".council-scale").innerText(), /Agency rate 32\.2% \(2024\): higher than 9 in 10 councils/);
  assert.deepEqual(problems, []);
  await context.close();
});
