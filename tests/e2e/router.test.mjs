// The hash router: an unknown section gets a polite page with a way home,
// and following links or the back button moves between pages without a
// reload or a console error.
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

for (const [label, size] of [["wide", { width: 1280, height: 900 }], ["phone", { width: 375, height: 740 }]]) {
  test(`an unknown section says so and links home (${label})`, async () => {
    const { page, context, errors } = await openPage(browser, `${server.url}/#/no-such-page`, size);
    try {
      await appReady(page);
      const notFound = page.locator(".not-found");
      await notFound.waitFor();
      assert.match(await notFound.locator("h1").textContent(), /No such section/);
      assert.match(await notFound.textContent(), /no-such-page/);
      assert.match(await page.title(), /No such section/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);

      await notFound.getByRole("link", { name: /start page/ }).click();
      await page.locator("main h1", { hasText: "failover, live" }).waitFor();
      assert.equal(await page.locator(".not-found").count(), 0);
      // The new page's heading takes focus, so a screen reader hears the change.
      assert.equal(await page.evaluate(() => document.activeElement?.id), "page-title");

      await page.goBack();
      await page.locator(".not-found").waitFor();
      assert.deepEqual(errors, [], "console errors");
    } finally {
      await context.close();
    }
  });
}
