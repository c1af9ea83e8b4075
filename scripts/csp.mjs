// Trunk post_build hook: replaces CSP_SCRIPT_HASHES in the staged index.html
// with the sha256 hashes of every inline <script>, so the Content-Security-
// Policy allows exactly Trunk's loader and nothing else inline.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error("csp.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)");
  process.exit(1);
}
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
if (!html.includes("CSP_SCRIPT_HASHES")) {
  console.error("csp.mjs: index.html has no CSP_SCRIPT_HASHES placeholder");
  process.exit(1);
}
const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/.test(m[1])) continue;
  hashes.push(`'sha256-${createHash("sha256").update(m[2], "utf8").digest("base64")}'`);
}
writeFileSync(file, html.replace("CSP_SCRIPT_HASHES", hashes.join(" ")));
console.log(`csp.mjs: ${hashes.length} inline script hash(es) added to the CSP`);
