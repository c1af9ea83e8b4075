// Prints the release bundle's sizes: raw, gzip -9 and brotli (quality 11),
// for the wasm, the JS glue and the CSS Trunk wrote into dist/.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const kinds = [
  ["wasm", /\.wasm$/],
  ["js glue", /\.js$/],
  ["css", /\.css$/],
  ["html", /\.html$/],
];
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
console.log(`${"file".padEnd(10)} ${"raw".padStart(11)} ${"gzip -9".padStart(11)} ${"brotli".padStart(11)}`);
const total = [0, 0, 0];
for (const [label, re] of kinds) {
  const files = readdirSync(dir).filter((f) => re.test(f));
  let raw = 0, gz = 0, br = 0;
  for (const f of files) {
    const data = readFileSync(join(dir, f));
    raw += data.length;
    gz += gzipSync(data, { level: 9 }).length;
    br += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  total[0] += raw; total[1] += gz; total[2] += br;
  console.log(`${label.padEnd(10)} ${kb(raw)} ${kb(gz)} ${kb(br)}`);
}
console.log(`${"total".padEnd(10)} ${kb(total[0])} ${kb(total[1])} ${kb(total[2])}`);
