// Autosave, undo and redo (issue 7, points 4 and 5): an edit survives a
// reload; undo and redo walk back and forth with the buttons and the keys
// (a text field keeps its own undo); reset puts the blog's version back; a
// share link opened over saved work does not overwrite it until edited; a
// browser that blocks storage shows a quiet warning and the page works.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { serveDist, launch } from "./harness.mjs";

const WAIT = { timeout: 15_000 };
const KEY = "dnsplay.saved.a-records";
const GOLDEN = resolve(import.meta.dirname, "../fixtures/links/v1/a-records.txt");

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

/** A fresh context on the A records page, recording console errors. */
async function fresh({ init } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}/#/a-records`);
  await page.locator(".live-page .rt-row").first().waitFor(WAIT);
  return { page, context, errors };
}

/** Waits until api's A record holds `ip` in the table. */
const shows = (page, ip) => page.locator(".rt-row td.rt-values", { hasText: ip }).first().waitFor(WAIT);

/** Edits api's A record to `ip` through the table. */
async function setApi(page, ip) {
  await page.getByRole("button", { name: "Edit api.hello.com. A" }).click();
  await page.locator("#rt-values").fill(ip);
  await page.getByRole("button", { name: "Save" }).click();
  await shows(page, ip);
}

const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const undo = (page) => page.locator(".history-undo");
const redo = (page) => page.locator(".history-redo");

test("an edit survives a reload, and reset puts the blog's version back", async () => {
  const { page, context, errors } = await fresh();
  try {
    assert.equal(await stored(page), null, "an untouched page stores nothing");
    await setApi(page, "192.0.2.55");
    await page.waitForFunction((k) => localStorage.getItem(k)?.startsWith("1."), KEY);
    await page.reload();
    await shows(page, "192.0.2.55");
    assert.equal(await undo(page).isDisabled(), true, "a reload starts a new history");

    await page.getByRole("button", { name: "Reset to the blog's version" }).click();
    await shows(page, "192.168.49.2");
    await page.waitForFunction((k) => localStorage.getItem(k) === null, KEY);
    const reset = page.getByRole("button", { name: "Reset to the blog's version", exact: true });
    assert.equal(await reset.isDisabled(), true);
    await page.getByRole("button", { name: "Undo: reset to the blog's version" }).click();
    await shows(page, "192.0.2.55");
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("undo and redo walk back and forth, by button and by key", async () => {
  const { page, context, errors } = await fresh();
  try {
    assert.equal(await undo(page).isDisabled(), true);
    assert.equal(await redo(page).isDisabled(), true);
    await setApi(page, "192.0.2.55");
    await setApi(page, "192.0.2.66");
    await page.getByRole("button", { name: "Undo: edit api A" }).click();
    await shows(page, "192.0.2.55");
    assert.equal(await redo(page).textContent(), "Redo: edit api A");
    await page.keyboard.press("Control+z");
    await shows(page, "192.168.49.2");
    assert.equal(await undo(page).isDisabled(), true, "back at the preset");
    await page.keyboard.press("Control+Shift+z");
    await shows(page, "192.0.2.55");
    await page.keyboard.press("Control+y");
    await shows(page, "192.0.2.66");
    assert.equal(await redo(page).isDisabled(), true);
    await page.keyboard.press("Meta+z");
    await shows(page, "192.0.2.55");
    await page.getByRole("button", { name: "Redo: edit api A" }).click();
    await shows(page, "192.0.2.66");

    // In a text field Ctrl+Z is the field's own undo, not the page's.
    await page.getByRole("button", { name: "Edit api.hello.com. A" }).click();
    const field = page.locator("#rt-values");
    await field.fill("");
    await field.pressSequentially("10.0.0.1");
    await page.keyboard.press("Control+z");
    await page.getByRole("button", { name: "Cancel" }).click();
    await shows(page, "192.0.2.66");
    // Events run in order: had the page undone, redo would be enabled now.
    assert.equal(await redo(page).isDisabled(), true);
    assert.equal(await undo(page).textContent(), "Undo: edit api A");
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("a share link opened over saved work leaves it until the reader edits", async () => {
  const golden = (await readFile(GOLDEN, "utf8")).trim();
  const { page, context, errors } = await fresh();
  try {
    await setApi(page, "192.0.2.55");
    await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
    const mine = await stored(page);

    await page.evaluate((h) => { location.hash = h; }, golden);
    await page.locator('.live-page[data-sim-time="90000"]').waitFor(WAIT);
    await shows(page, "192.168.49.2");
    assert.equal(await stored(page), mine);
    // Undo returns to the saved work under the link; redo shows the link.
    await page.getByRole("button", { name: "Undo: open a shared link" }).click();
    await shows(page, "192.0.2.55");
    await page.getByRole("button", { name: "Redo: open a shared link" }).click();
    await shows(page, "192.168.49.2");
    await page.reload();
    await shows(page, "192.0.2.55");
    assert.equal(await stored(page), mine, "opening the link saved nothing");

    await page.evaluate((h) => { location.hash = h; }, golden);
    await page.locator('.live-page[data-sim-time="90000"]').waitFor(WAIT);
    await setApi(page, "192.0.2.77");
    await page.waitForFunction(([k, v]) => localStorage.getItem(k) !== v, [KEY, mine]);
    await page.reload();
    await shows(page, "192.0.2.77");
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("blocked storage gives a quiet warning and the page still works", async () => {
  // As in <iframe sandbox="allow-scripts">: reading localStorage throws.
  const init = () => {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("The document is sandboxed and lacks the 'allow-same-origin' flag.", "SecurityError");
      },
    });
  };
  const { page, context, errors } = await fresh({ init });
  try {
    const notice = page.locator(".save-notice[role=status]");
    await notice.waitFor(WAIT);
    assert.match(await notice.textContent(), /^Your changes are not being saved in this browser: .*SecurityError/);
    assert.equal(await page.locator("[role=alert]:visible").count(), 0, "not an error");
    await setApi(page, "192.0.2.55");
    await page.getByRole("button", { name: "Undo: edit api A" }).click();
    await shows(page, "192.168.49.2");
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await notice.waitFor({ state: "detached", ...WAIT });
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});
