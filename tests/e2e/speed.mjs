// Steps shared by tests/e2e/speed.test.mjs and scripts/bench-ui.mjs: each
// acts as a user would, waits for the app's performance measure and for
// the DOM to show the result, and returns the measured milliseconds.
const WAIT = { timeout: 60_000 };

/** Clears the app's measures so the next one is the action's own. */
async function clearMeasures(page) {
  await page.evaluate(() => performance.clearMeasures());
}

/** Waits for `name` to be measured and returns its duration in ms. */
async function measured(page, name) {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, WAIT);
  return page.evaluate((n) => performance.getEntriesByName(n).at(-1).duration, name);
}

/**
 * Edits the TTL of the first row whose name matches `name` to `ttl` (Enter
 * commits) and returns the edit-to-update time once the row shows it.
 */
export async function editTtl(page, name, ttl) {
  const row = page.locator(".rt-row", { has: page.locator("th", { hasText: name }) }).first();
  await row.locator(".rt-edit").click();
  const input = page.locator("#rt-ttl");
  await input.fill(ttl);
  await clearMeasures(page);
  await input.press("Enter");
  const ms = await measured(page, "dnsplay:edit-to-update");
  await page
    .locator(".rt-row", { has: page.locator("th", { hasText: name }) })
    .locator("td.rt-ttl", { hasText: new RegExp(`^${ttl}$`) })
    .first()
    .waitFor(WAIT);
  return ms;
}

/** Moves the timeline's scrubber to `ms` and returns scrub-to-update. */
export async function scrubTo(page, ms) {
  await clearMeasures(page);
  await page.locator(".tl-scrub").fill(String(ms));
  const took = await measured(page, "dnsplay:scrub-to-update");
  await page.locator(`.live-page[data-sim-time="${ms}"]`).waitFor(WAIT);
  return took;
}

/** Runs the sandbox's 5,000-record prompt; returns its edit-to-update. */
export async function loadBigZone(page) {
  await clearMeasures(page);
  await page.getByRole("button", { name: "Load a 5,000-record zone" }).click();
  await page.locator(".rt-count", { hasText: "5000 record sets" }).waitFor(WAIT);
  return measured(page, "dnsplay:edit-to-update");
}

/** How many record rows the table has in the DOM. */
export function renderedRows(page) {
  return page.locator(".rt-row").count();
}
