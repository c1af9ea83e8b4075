// The page itself: it renders, logs no errors, talks to no other host, keeps
// its CSP, and shows a banner (not a blank page) when the app panics.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launch, openPage, appReady } from "./harness.mjs";

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

test("the page renders with no console errors and no foreign requests", async () => {
  const { page, context, errors, requests } = await openPage(browser, `${server.url}/`);
  try {
    await appReady(page);
    assert.equal(await page.locator(".brand").textContent(), "dnsplay");
    assert.match(await page.locator(".promise").textContent(), /browser/);
    assert.match(await page.locator("footer").textContent(), /dnsplay \d+\.\d+\.\d+/);
    assert.equal(await page.locator("#panic-banner").isHidden(), true);
    await page.waitForLoadState("networkidle");
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("data:"));
    assert.deepEqual(foreign, [], "requests to other hosts");
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("the CSP forbids inline script and eval but the app still runs", async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/`);
  try {
    await appReady(page);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|CSP_SCRIPT_HASHES/);
    assert.match(csp, /'wasm-unsafe-eval'/);
    assert.match(csp, /'sha256-[A-Za-z0-9+/=]+'/);
    // An injected inline script must be blocked by that policy.
    const ran = await page.evaluate(() => {
      window.__injected = false;
      const s = document.createElement("script");
      s.textContent = "window.__injected = true";
      document.body.append(s);
      return window.__injected;
    });
    assert.equal(ran, false, "an inline script ran despite the CSP");
    assert.ok(errors.every((e) => /Content Security Policy/.test(e)), errors.join("\n"));
  } finally {
    await context.close();
  }
});

test("a panic shows the error banner instead of a blank page", async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/?test-panic`);
  try {
    const banner = page.locator("#panic-banner");
    await banner.waitFor({ state: "visible" });
    assert.match(await banner.textContent(), /test panic requested/);
    assert.equal(await banner.getAttribute("role"), "alert");
    assert.ok(errors.length > 0, "the panic is also logged to the console");
  } finally {
    await context.close();
  }
});

test("the page fits a phone-width screen without sideways scrolling", async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/`, { width: 375, height: 740 });
  try {
    await appReady(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
