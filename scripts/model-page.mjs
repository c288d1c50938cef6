// Builds "How the model works" (model.html) from engine/MODEL.md, so the
// page's explanation is always the model's own documentation. Run by Trunk
// after each build (Trunk.toml [[hooks]]); writes into Trunk's staging
// directory, or into the directory given as the first argument. The page is
// self-contained: no scripts, no requests, so it works offline.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { marked } from "marked";

const ROOT = new URL("..", import.meta.url).pathname;
const out = process.argv[2] || process.env.TRUNK_STAGING_DIR || join(ROOT, "dist");
const MODEL_CSS = `
:root { --ink:#0b0c0c; --muted:#505a5f; --line:#b1b4b6; --brand:#005a9c; --focus:#ffdd00; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); }
body { margin: 0; line-height: 1.5; }
header { background: var(--brand); color: #fff; padding: 0.75rem 1.25rem; }
header a { color: #fff; font-weight: 700; }
main { max-width: 48rem; padding: 1rem 1.25rem 3rem; }
a { color: var(--brand); }
a:focus, [tabindex]:focus { outline: 3px solid var(--focus); box-shadow: 0 0 0 5px var(--ink); }
.skip-link { position: absolute; left: -9999px; }
.skip-link:focus { left: 0.5rem; top: 0.5rem; background: var(--focus); color: var(--ink); padding: 0.5rem; }
code { background: #f3f2f1; padding: 0 0.2rem; font-size: 0.92em; }
pre { background: #f3f2f1; padding: 0.6rem; overflow-x: auto; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
footer { color: var(--muted); font-size: 0.85rem; padding: 0 1.25rem 1.5rem; }
`;
const md = readFileSync(join(ROOT, "engine/MODEL.md"), "utf8");
// The model number, as the engine states it (ENGINE_VERSION in sim/mod.rs).
const sim = readFileSync(join(ROOT, "engine/src/sim/mod.rs"), "utf8");
const version = (sim.match(/ENGINE_VERSION[^;]*"\s*model\s*(\d+)"/) || [])[1] || "unknown";

// Headings get ids so the page can link to a section.
const slug = (t) => t.toLowerCase().replace(/<[^>]+>/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const renderer = new marked.Renderer();
renderer.heading = function ({ tokens, depth }) {
  const text = this.parser.parseInline(tokens);
  return `<h${depth} id="${slug(text)}">${text}</h${depth}>\n`;
};
// Wide tables scroll inside a focusable region.
renderer.table = function (token) {
  const html = marked.Renderer.prototype.table.call(this, token);
  return `<div class="table-scroll" tabindex="0" role="region" aria-label="Table">${html}</div>\n`;
};
const body = marked.parse(md, { renderer, gfm: true });

const page = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>How the model works: Turnaround</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%23005a9c'/%3E%3Cpath d='M8 22c4-10 12-10 16 0' stroke='%23fff' stroke-width='3' fill='none'/%3E%3Ccircle cx='16' cy='11' r='3' fill='%23e69f00'/%3E%3C/svg%3E" />
<link rel="stylesheet" href="model.css" />
</head>
<body>
<a class="skip-link" href="#content">Skip to content</a>
<header><a href="./">&larr; Back to the Turnaround modeller</a></header>
<main id="content">
${body}
</main>
<footer><p>Generated from the model's own documentation (engine/MODEL.md), model ${version}.</p></footer>
</body>
</html>
`;
// The styles go in a file of their own: the page's Content-Security-Policy
// (style-src 'self') allows no inline <style>.
writeFileSync(join(out, "model.css"), MODEL_CSS);
writeFileSync(join(out, "model.html"), page);
console.log(`model-page: wrote ${join(out, "model.html")}`);
