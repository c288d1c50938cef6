// Bundle budget: the brotli-compressed size of the page's wasm and js must
// stay within a budget (KB, 1000 bytes). Prints the figure on every run.
// Usage: node scripts/bundle-size.mjs <dist dir> <budget KB>
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const [dist = "dist", budgetArg = "350"] = process.argv.slice(2);
const budget = Number(budgetArg) * 1000;
let total = 0;
for (const name of readdirSync(dist).sort()) {
  if (!/\.(wasm|js)$/.test(name)) continue;
  const raw = readFileSync(join(dist, name));
  const br = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  total += br;
  console.log(`  ${name}: ${(raw.length / 1000).toFixed(1)} KB raw, ${(br / 1000).toFixed(1)} KB brotli`);
}
if (total === 0) {
  console.error(`bundle: no .wasm or .js files in ${dist}`);
  process.exit(1);
}
const verdict = total <= budget ? "within" : "OVER";
console.log(`bundle: ${(total / 1000).toFixed(1)} KB brotli (wasm + js), ${verdict} the ${budget / 1000} KB budget`);
process.exit(total <= budget ? 0 : 1);
