// The Choosing page: the two questions lead to a recommendation, and each
// option is tried as a real change batch. Alias at the apex is accepted and
// the answer turns into the load balancer's addresses; a CNAME at the apex
// is refused in Route 53's words and the table stays as it was. No test
// sleeps: each waits for the DOM.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launch, openPage, appReady } from "./harness.mjs";

const WAIT = { timeout: 15_000 };
const REFUSAL =
  "InvalidChangeBatch: [RRSet of type CNAME with DNS name hello-app.com. is not permitted at apex in zone hello-app.com.]";

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

async function open() {
  const opened = await openPage(browser, `${server.url}/#/choosing`);
  await appReady(opened.page);
  await opened.page.locator(".live-page .rt-row").first().waitFor(WAIT);
  return opened;
}

/** Answers "an AWS resource" with the mouse and "the apex" with the keyboard. */
async function awsAtTheApex(page) {
  await page.getByLabel("An AWS resource Route 53 can alias").check();
  await page.locator("#choose-placement-below-apex").focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowUp");
  await page.locator('.choosing-rec[data-best="Alias"]').waitFor(WAIT);
  assert.ok(await page.locator("#choose-placement-apex").isChecked(), "arrow keys move within the group");
}

const dig = (page) => page.locator("pre.dig").textContent();

test("an AWS resource at the apex gets Alias, and trying it changes the answer", async () => {
  const { page, context, errors } = await open();
  try {
    await page.locator(".choosing-pending").waitFor(WAIT);
    assert.match(await dig(page), /status: NOERROR/);
    assert.doesNotMatch(await dig(page), /192\.0\.2\.41/);
    await awsAtTheApex(page);
    assert.match(await page.locator(".choosing-rec").textContent(), /^For hello-app\.com\. use an alias\./);
    // The CNAME is there to try, marked as refused; no button for nothing.
    assert.match(await page.locator('.choosing-choice[data-kind="CNAME"]').textContent(), /Route 53 refuses it/);
    await page.getByRole("button", { name: "Try Alias at hello-app.com." }).click();
    await page.locator("pre.dig", { hasText: "192.0.2.41" }).waitFor(WAIT);
    // Plain A records under the apex, with the balancer's TTL.
    assert.match(await dig(page), /hello-app\.com\.\s+60\s+IN\s+A\s+192\.0\.2\.41/);
    assert.match(await dig(page), /hello-app\.com\.\s+60\s+IN\s+A\s+192\.0\.2\.42/);
    assert.match(
      await page.locator(".choosing-outcome-accepted").textContent(),
      /took the change batch: .* now gets A 192\.0\.2\.41, A 192\.0\.2\.42 \(TTL 60 s\)\.$/,
    );
    const apexRows = page.locator(".rt-row", { has: page.locator("th", { hasText: /^hello-app\.com\.$/ }) });
    assert.equal(await apexRows.count(), 3, "SOA, NS and the new alias");
    assert.equal(await apexRows.filter({ hasText: "hello-app-alb-1234567890.us-east-1.elb.amazonaws.com" }).count(), 1);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("a CNAME at the apex is refused in Route 53's words and the table stays as it was", async () => {
  const { page, context, errors } = await open();
  try {
    await awsAtTheApex(page);
    const table = await page.locator(".rt-table tbody").textContent();
    const before = await dig(page);
    await page.getByRole("button", { name: "Try CNAME at hello-app.com." }).click();
    const refused = page.locator(".choosing-outcome-refused");
    await refused.waitFor(WAIT);
    assert.ok((await refused.textContent()).includes(REFUSAL), await refused.textContent());
    assert.match(await refused.textContent(), /still gets no A record \(NOERROR, empty answer\)\.$/);
    assert.equal(await page.locator(".rt-table tbody").textContent(), table);
    assert.equal(await page.locator(".last-change").count(), 0, "no batch was applied");
    assert.equal(await dig(page), before);
    // The prompt sends the same batch and gets the same answer.
    await page.getByRole("button", { name: "CNAME the apex to the load balancer" }).click();
    await page.locator(".page-status", { hasText: REFUSAL }).waitFor(WAIT);
    assert.equal(await page.locator(".rt-table tbody").textContent(), table);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});
