// Offline and installing (scripts/offline.mjs, src/hooks/service_worker.rs):
// after the first visit the page reloads and computes with no network; a new
// deploy shows "A new version is available: reload" and switches only when
// the user presses Reload; the manifest makes it installable.
//
// Each test serves its own copy of the build (so it can stop the server or
// change sw.js) in a fresh browser context (so no service worker or cache
// outlives it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, openPage, waitForFull, headlines, DIST, ROOT, ARTIFACTS, cspReports } from "./harness.mjs";

const AGENCY = '.field[data-key="wf.agency"] input[type=range]';
const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
let browser;
const temps = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const t of temps) rmSync(t, { recursive: true, force: true });
  if (cspReports.length) throw new Error(`CSP violations reported:\n${cspReports.join("\n")}`);
});

/** A copy of the build that a test may change. */
function copyOfBuild() {
  const dir = mkdtempSync(join(tmpdir(), "turnaround-dist-"));
  temps.push(dir);
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

/** The version sw.js carries. */
const versionOf = (sw) => sw.match(/const VERSION = "([^"]+)"/)[1];

/** Waits until a service worker controls the page. */
async function waitForControl(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
}

/** The page's caches, by name. */
const cacheNames = (page) => page.evaluate(() => caches.keys());

/**
 * Moves the agency slider (one input, as a tap on its track does) and waits
 * for the full run of that change: a newer generation than before it.
 */
async function nudgeAgency(page) {
  const slider = page.locator(AGENCY);
  await slider.scrollIntoViewIfNeeded();
  const generation = Number(await page.locator("#run-status").getAttribute("data-generation"));
  const next = await slider.evaluate((s) => {
    const [min, max, step, value] = [s.min, s.max, s.step, s.value].map(Number);
    return String(Math.min(max, Math.max(min, value + 5 * step)) === value ? value - 5 * step : Math.min(max, value + 5 * step));
  });
  await slider.fill(next);
  await page.waitForFunction((g) => Number(document.querySelector("#run-status").dataset.generation) > g, generation);
  await waitForFull(page);
}

test("after the first visit the page reloads and computes with no network", async () => {
  const dir = copyOfBuild();
  const version = versionOf(readFileSync(join(dir, "sw.js"), "utf8"));
  const server = await serve(dir);
  const { context, page } = await openPage(browser, server.url);
  await waitForFull(page);
  await waitForControl(page);
  assert.deepEqual(await cacheNames(page), [`turnaround-${version}`]);
  // The first version is not an update: no notice.
  assert.equal(await page.locator("#update-notice").innerText(), "");

  // Installable: Chromium's own checks of the manifest and the page.
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send("Page.getAppManifest");
  assert.deepEqual(manifest.errors, [], JSON.stringify(manifest.errors));
  const parsed = JSON.parse(manifest.data);
  assert.equal(parsed.display, "standalone");
  assert.equal(parsed.short_name, "Turnaround");
  assert.deepEqual(
    parsed.icons.map((i) => `${i.sizes} ${i.purpose}`),
    ["192x192 any", "512x512 any", "512x512 maskable"],
  );
  // Only "in-incognito": every playwright context is a private one.
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  const errors = installabilityErrors.filter((e) => e.errorId !== "in-incognito");
  assert.deepEqual(errors, [], JSON.stringify(errors));
  await cdp.detach();

  // No network: the browser is offline and the server is gone.
  await context.setOffline(true);
  await server.close();
  await page.reload();
  await waitForFull(page);
  const before = await headlines(page);
  await nudgeAgency(page);
  const after = await headlines(page);
  assert.notDeepEqual(after, before, "a slider still changes the results offline");

  // A link with a view query and a scenario opens offline too, as do the
  // model page and the icons.
  const link = await page.evaluate(() => location.href.replace(location.search, "").replace("#", "?large=1#"));
  await page.goto(link);
  await waitForFull(page);
  assert.deepEqual(await headlines(page), after, "the link's scenario, offline");
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains("large-type")), true);
  for (const icon of ["icon-192.png", "icon-512.png", "icon-maskable-512.png", "apple-touch-icon.png"]) {
    const width = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return img.naturalWidth;
    }, icon);
    assert.equal(width, Number(icon.match(/\d+/)?.[0] ?? 180), icon);
  }
  await page.goto(`${server.url}model.html`);
  assert.match(await page.locator("h1").first().innerText(), /\w/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("a new deploy shows the notice, waits for Reload, then runs the new version with the same scenario", async () => {
  const dir = copyOfBuild();
  const swPath = join(dir, "sw.js");
  const oldVersion = versionOf(readFileSync(swPath, "utf8"));
  const server = await serve(dir);
  const { context, page } = await openPage(browser, server.url);
  await waitForFull(page);
  await waitForControl(page);
  await nudgeAgency(page);
  // What the link does not carry: the paper's name and author.
  await page.locator("#scenario-name").fill("Cabinet options");
  await page.locator("#paper-author").fill("A. Finance Officer");
  const scenario = await page.evaluate(() => location.hash);
  const figures = await headlines(page);

  // Deploy: sw.js gets new bytes (as a new build's version would give it).
  const newVersion = `${oldVersion}-next`;
  writeFileSync(swPath, readFileSync(swPath, "utf8").replace(`"${oldVersion}"`, `"${newVersion}"`));
  // The browser checks sw.js when the page is opened again.
  await page.reload();
  await page.evaluate(() => (window.__sameDocument = true));
  const notice = page.locator("#update-notice");
  await notice.getByRole("button", { name: "Reload" }).waitFor();
  assert.match((await notice.textContent()).replace(/\s+/g, " "), /^A new version is available: Reload Not now/);
  // Not a silent switch: the new worker waits and this document stays.
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting !== null), true);
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.deepEqual(await cacheNames(page), [`turnaround-${oldVersion}`, `turnaround-${newVersion}`].sort());
  await waitForFull(page);
  await page.screenshot({ path: join(ARTIFACTS, "update-notice.png") });
  await page.locator(".update-notice").screenshot({ path: join(ARTIFACTS, "update-notice-close.png") });

  // axe on the notice, in place on the page.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run({ include: [["#update-notice"]] }, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
  assert.deepEqual(violations, [], JSON.stringify(violations));

  // Reload: the new worker takes over and the page reloads into it.
  await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Reload" }).click()]);
  await waitForControl(page);
  assert.equal(await page.evaluate(() => window.__sameDocument), undefined, "the page reloaded");
  assert.deepEqual(await cacheNames(page), [`turnaround-${newVersion}`], "the new worker is active and cleared the old cache");
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting), null);
  await waitForFull(page);
  assert.equal(await page.evaluate(() => location.hash), scenario, "the scenario survived");
  assert.deepEqual(await headlines(page), figures);
  assert.equal(await page.locator("#scenario-name").inputValue(), "Cabinet options");
  assert.equal(await page.locator("#paper-author").inputValue(), "A. Finance Officer");
  assert.equal(await notice.innerText(), "");
  assert.deepEqual(page.problems, []);
  await context.close();
  await server.close();
});

test("with two tabs open, Reload in one never reloads the other; the other is offered the reload", async () => {
  const dir = copyOfBuild();
  const swPath = join(dir, "sw.js");
  const oldVersion = versionOf(readFileSync(swPath, "utf8"));
  const server = await serve(dir);
  const { context, page: first } = await openPage(browser, server.url);
  await waitForFull(first);
  await waitForControl(first);
  const second = await context.newPage();
  second.problems = [];
  second.on("console", (m) => m.type() === "error" && second.problems.push(m.text()));
  second.on("pageerror", (e) => second.problems.push(e.message));
  await second.goto(server.url);
  await waitForFull(second);
  await second.evaluate(() => (window.__sameDocument = true));

  writeFileSync(swPath, readFileSync(swPath, "utf8").replace(`"${oldVersion}"`, `"${oldVersion}-next"`));
  await first.reload();
  // Both tabs learn of the waiting version.
  for (const page of [first, second]) await page.locator("#update-notice").getByRole("button", { name: "Reload" }).waitFor();

  await Promise.all([first.waitForEvent("load"), first.locator("#update-notice").getByRole("button", { name: "Reload" }).click()]);
  await waitForControl(first);
  assert.deepEqual(await cacheNames(first), [`turnaround-${oldVersion}-next`]);
  // The second tab is now controlled by the new worker but was not reloaded:
  // it still offers the reload, and its document is the same.
  await second.waitForFunction(
    async () => (await navigator.serviceWorker.getRegistration()).active.state === "activated" && (await caches.keys()).length === 1,
  );
  assert.equal(await second.evaluate(() => window.__sameDocument), true);
  assert.match(await second.locator("#update-notice").textContent(), /A new version is available/);
  assert.deepEqual([...first.problems, ...second.problems], []);
  await context.close();
  await server.close();
});

test("in a frame (an embed) the page registers no service worker", async () => {
  const dir = copyOfBuild();
  writeFileSync(join(dir, "frame.html"), '<!doctype html><title>Host</title><link rel="icon" href="data:,"><iframe src="./" title="Turnaround" width="800" height="600"></iframe>\n');
  const server = await serve(dir);
  const { context, page } = await openPage(browser, `${server.url}frame.html`);
  const frame = page.frameLocator("iframe");
  await frame.locator("#run-status[data-stage='full run']").waitFor({ timeout: 30000 });
  const inner = page.frames().find((f) => f !== page.mainFrame());
  assert.equal(await inner.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
  await server.close();
});
