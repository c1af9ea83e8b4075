// Import and export (issue 7, point 6): the zone downloads as a BIND file
// naming its records; a pasted zone file adds its rows through Route 53; a
// malformed or oversized file is refused with the line (or the limit) and
// the table is untouched; an edited scenario downloaded as JSON loads back
// into a fresh browser.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { serveDist, launch } from "./harness.mjs";

const WAIT = { timeout: 15_000 };

let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh context on `path` with the Import / export disclosure open. */
async function fresh(path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}/${path}`);
  await page.locator(".rt-row").first().waitFor(WAIT);
  await page.locator("summary", { hasText: "Import / export" }).click();
  await page.locator("#io-export-format").waitFor(WAIT);
  return { page, context, errors };
}

/** Clicks the download button and returns [file name, text]. */
async function download(page) {
  const [dl] = await Promise.all([
    page.waitForEvent("download"),
    page.locator("button.io-download").click(),
  ]);
  return [dl.suggestedFilename(), await readFile(await dl.path(), "utf8")];
}

test("the zone downloads as a BIND zone file naming its records", async () => {
  const { page, context, errors } = await fresh("#/cname");
  try {
    await page.locator("#io-export-format").selectOption("zonefile");
    const [name, text] = await download(page);
    assert.equal(name, "example.com.zone");
    assert.match(text, /^\$ORIGIN example\.com\./m);
    for (const owner of ["api.example.com.", "docs.example.com.", "my-gateway.example.com."]) {
      assert.ok(text.includes(owner), `${owner} missing from\n${text}`);
    }
    await page.locator(".io-ok", { hasText: "Sent example.com.zone" }).waitFor(WAIT);
    // The same text without a download, for phones and sandboxed iframes.
    await page.getByRole("button", { name: "Show text" }).click();
    assert.equal(await page.locator("#io-export-text").inputValue(), text);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a pasted zone file adds its rows; a malformed or huge file changes nothing", async () => {
  const { page, context, errors } = await fresh("#/cname");
  try {
    const before = await page.locator(".rt-row").count();
    await page.locator("#io-import-text").fill("$TTL 120\nfresh IN A 192.0.2.77\nfresh IN TXT \"hi\"\n");
    await page.getByRole("button", { name: "Import the text" }).click();
    await page.locator(".io-ok", { hasText: "Imported 2 record sets" }).waitFor(WAIT);
    await page.locator(".rt-row", { hasText: "fresh.example.com" }).nth(1).waitFor(WAIT);
    assert.equal(await page.locator(".rt-row").count(), before + 2);

    await page.locator("#io-import-file").setInputFiles({
      name: "broken.zone",
      mimeType: "text/plain",
      buffer: Buffer.from("$TTL 300\nok IN A 192.0.2.1\nbad IN A not-an-address\n"),
    });
    const alert = page.locator(".io-error", { hasText: "broken.zone" });
    await alert.waitFor(WAIT);
    assert.match(await alert.textContent(), /line 3/);
    await page.locator("#io-import-file").setInputFiles({
      name: "huge.zone",
      mimeType: "text/plain",
      buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 0x20),
    });
    await page.locator(".io-error", { hasText: "huge.zone: Too large" }).waitFor(WAIT);
    assert.equal(await page.locator(".rt-row").count(), before + 2);
    assert.equal(await page.locator(".rt-row", { hasText: "ok.example.com" }).count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("an edited scenario exported as JSON loads back in a fresh browser", async () => {
  const edited = await fresh("#/route53-failover");
  let file;
  try {
    await edited.page.getByRole("button", { name: "Raise the TTL to 3600" }).click();
    await edited.page.locator(".rt-row", { hasText: "3600" }).nth(1).waitFor(WAIT);
    await edited.page.locator("#io-export-format").selectOption("scenario");
    const [name, text] = await download(edited.page);
    assert.equal(name, "route53-failover.json");
    file = text;
    assert.deepEqual(edited.errors, []);
  } finally {
    await edited.context.close();
  }

  const { page, context, errors } = await fresh("#/route53-failover");
  try {
    assert.equal(await page.locator(".rt-row", { hasText: "3600" }).count(), 0);
    await page.locator("#io-import-file").setInputFiles({
      name: "route53-failover.json",
      mimeType: "application/json",
      buffer: Buffer.from(file),
    });
    await page.locator(".io-ok", { hasText: "Loaded the scenario" }).waitFor(WAIT);
    await page.locator(".rt-row", { hasText: "3600" }).nth(1).waitFor(WAIT);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
