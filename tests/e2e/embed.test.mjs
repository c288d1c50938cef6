// The embedded view (?embed=1): the snippet from the share panel, pasted
// into a page on another origin, shows the verdict and the chosen chart in
// its frame, with "Open in Turnaround"; the view is accessible and legible
// at 600x450, at the snippet's 600x560 and at phone width.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { withBrowser, openPage, waitForFull, ROOT, ARTIFACTS } from "./harness.mjs";

const env = withBrowser();
const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

/** A second origin: serves one parent page holding `body`, on `localhost`. */
async function parentServer() {
  let html = "";
  const server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(html);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    // `localhost`, not 127.0.0.1: another host and another port.
    url: `http://localhost:${port}/`,
    set: (body) => {
      html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Council intranet</title></head><body><main><h1>Children's services: leadership options</h1><p>The scenario below is live.</p>${body}</main></body></html>`;
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}

const parent = await parentServer();
after(() => parent.close());

/** The share panel's snippet for the default scenario, with `chart` picked. */
async function snippetFor(chart) {
  const { context, page } = await openPage(env.browser, env.server.url);
  await waitForFull(page);
  await page.locator("#embed-snippet > summary").click();
  await page.selectOption("#embed-chart", chart);
  await page.waitForFunction((c) => document.querySelector("#embed-code").value.includes(`chart=${c}`) || c === "difference", chart);
  const snippet = await page.inputValue("#embed-code");
  const fragment = snippet.match(/#([^"]*)"/)[1].replaceAll("&amp;", "&");
  assert.deepEqual(page.problems, []);
  await context.close();
  return { snippet, fragment };
}

/** Waits for the embedded view in `frame` to show settled results and a drawn chart. */
async function waitForEmbed(frame) {
  await frame.waitForFunction(() => {
    const e = document.querySelector(".embed");
    const canvas = document.querySelector("#embed-chart canvas");
    return e && e.dataset.settled === "true" && canvas && canvas.dataset.drawn === "true";
  }, null, { timeout: 60000 });
}

test("the share panel's snippet embeds the verdict and the chosen chart in a page on another origin", async () => {
  const { snippet, fragment } = await snippetFor("cumulative");
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;chart=cumulative#v=\d[^"]*" title="Turnaround: [^"]+" width="600" height="560" loading="lazy"><\/iframe>$/);
  parent.set(snippet);
  const { context, page } = await openPage(env.browser, parent.url, { width: 900, height: 700 });
  const handle = await page.waitForSelector("iframe");
  const frame = await handle.contentFrame();
  await waitForEmbed(frame);
  // Another origin really: the parent cannot read the frame's document.
  assert.notEqual(new URL(frame.url()).origin, new URL(page.url()).origin);
  const crossOrigin = await page.evaluate(() => {
    try {
      return document.querySelector("iframe").contentDocument === null;
    } catch {
      return true;
    }
  });
  assert.ok(crossOrigin, "the parent cannot reach into the frame");

  const verdict = await frame.locator(".verdict p").first().innerText();
  assert.match(verdict, /cheaper|Neither/, verdict);
  assert.equal(await frame.locator(".embed").getAttribute("data-chart"), "cumulative");
  assert.match(await frame.locator("#embed-chart canvas").getAttribute("aria-label"), /^Cumulative spend\./);
  // Landmarks and a title of its own.
  assert.equal(await frame.locator("header.embed-head").count(), 1);
  assert.equal(await frame.locator("main.embed-main h1").count(), 1);
  assert.match(await frame.title(), /: Turnaround scenario$/);
  // "Open in Turnaround": the same link without the embed, in a new tab.
  const open = frame.getByRole("link", { name: /Open in Turnaround/ });
  assert.equal(await open.getAttribute("target"), "_blank");
  assert.equal(await open.getAttribute("rel"), "noopener");
  const href = new URL(await open.getAttribute("href"));
  assert.equal(href.search, "", "no embed in the full link");
  assert.equal(href.hash.slice(1), fragment, "the same scenario");

  await handle.screenshot({ path: `${ARTIFACTS}/embed-iframe-600x560.png` });
  await page.screenshot({ path: `${ARTIFACTS}/embed-parent-page.png` });
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("the embedded view is accessible and legible at 600x450, whole at the snippet's 600x560 and at phone width, and names a bad chart", async () => {
  const { fragment } = await snippetFor("difference");
  for (const size of [{ name: "600x450", width: 600, height: 450 }, { name: "600x560", width: 600, height: 560, snippet: true }, { name: "390x700", width: 390, height: 700 }]) {
    const { context, page } = await openPage(env.browser, `${env.server.url}?embed=1#${fragment}`, size);
    await waitForEmbed(page);
    assert.equal(await page.locator(".embed").getAttribute("data-chart"), "difference");
    // Nothing wider than the frame: no sideways scrolling.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px at ${size.name}`);
    // The verdict and the chart's top half are visible without scrolling.
    const chartTop = await page.locator("#embed-chart canvas").evaluate((c) => c.getBoundingClientRect().top);
    assert.ok(chartTop < size.height * 0.7, `chart starts at ${chartTop}px at ${size.name}`);
    // At the snippet's own size the whole chart, axes included, is in view.
    if (size.snippet) {
      const chartBottom = await page.locator("#embed-chart canvas").evaluate((c) => c.getBoundingClientRect().bottom);
      assert.ok(chartBottom <= size.height, `chart ends at ${chartBottom}px in a ${size.name} frame`);
    }
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
    });
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    await page.screenshot({ path: `${ARTIFACTS}/embed-${size.name}.png`, fullPage: true });
    assert.deepEqual(page.problems, []);
    await context.close();
  }
  // A chart this version does not know: said in the view, the default shown.
  const { context, page } = await openPage(env.browser, `${env.server.url}?embed=1&chart=pie#${fragment}`, { width: 600, height: 450 });
  await waitForEmbed(page);
  assert.equal(await page.locator(".embed").getAttribute("data-chart"), "difference");
  assert.match(await page.locator(".embed-warning").innerText(), /chart=pie: unknown chart; showing the difference chart/);
  assert.deepEqual(page.problems, []);
  await context.close();
});
