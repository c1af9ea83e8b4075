// The API Gateway page and the Kubernetes cluster picture: the page
// renders from its preset; pinning the endpoint's address of the moment
// brings the pinned-address lint, and after the next change the pinned
// record is drawn stale while the CNAME follows the new addresses; the
// Kubernetes picture puts both NodePorts on the node's one address. Every
// wait is for a DOM condition; no console errors.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launch, openPage, appReady } from "./harness.mjs";

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

async function open(slug) {
  const opened = await openPage(browser, `${server.url}/#/${slug}`);
  await appReady(opened.page);
  await opened.page.locator(".live-page .rt-row").first().waitFor(WAIT);
  return opened;
}

const currentIps = (page) =>
  page.locator(".agw-current").evaluateAll((els) => els.map((e) => e.dataset.ip));

test("api-gateway renders from its preset, with three current addresses", async () => {
  const { page, context, errors } = await open("api-gateway");
  try {
    assert.equal((await page.locator("#page-title").textContent()).trim(), "API Gateway");
    assert.ok(await page.locator(".rt-row th", { hasText: "api.example.com." }).count() > 0);
    await page.locator(".agw-diagram").waitFor(WAIT);
    assert.equal((await currentIps(page)).length, 3);
    assert.equal(await page.locator(".agw-retired").count(), 0, "nothing retired at 0:00");
    assert.equal(await page.locator(".agw-pinned").count(), 0);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("pinning today's address lints, and the next change leaves it stale", async () => {
  const { page, context, errors } = await open("api-gateway");
  try {
    const before = await currentIps(page);
    await page.getByRole("button", { name: "Pin today's address as an A record" }).click();
    await page.locator('.agw-pinned[data-current="true"]').waitFor(WAIT);
    assert.equal(await page.locator(".agw-pinned").getAttribute("data-ip"), before[0]);
    await page.locator(".lint-code", { hasText: "a-record-pinned-to-managed-address" }).waitFor(WAIT);

    await page.getByRole("button", { name: "Move the clock past the next change" }).click();
    await page.locator('.agw-diagram[data-since="120000"]').waitFor(WAIT);
    const after = await currentIps(page);
    assert.equal(after.length, 3);
    assert.notDeepEqual(after, before, "the endpoint's addresses moved");
    const retired = await page.locator(".agw-retired").evaluateAll((els) => els.map((e) => e.dataset.ip));
    assert.ok(retired.includes(before[0]), "the pinned address is retired");
    await page.locator('.agw-pinned[data-current="false"]').waitFor(WAIT);
    assert.match(await page.locator(".agw-pinned").textContent(), /stale/);

    await page.getByRole("button", { name: "Switch pinned.example.com back to a CNAME" }).click();
    await page.locator(".agw-pinned").waitFor({ state: "detached", ...WAIT });
    await page.waitForFunction(
      () => ![...document.querySelectorAll(".lint-code")].some((e) => e.textContent === "a-record-pinned-to-managed-address"),
      null,
      WAIT,
    );
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("the Kubernetes picture puts both NodePorts on the node's one address", async () => {
  const { page, context, errors } = await open("kubernetes");
  try {
    await page.locator(".k8s-diagram").waitFor(WAIT);
    const ports = await page.locator(".k8s-row").evaluateAll((els) => els.map((e) => e.dataset.port));
    assert.ok(ports.includes(":30001") && ports.includes(":30002"), ports.join(" "));
    const values = await page.locator(".k8s-record").evaluateAll((els) => els.map((e) => e.dataset.value));
    assert.ok(values.length >= 2);
    assert.ok(values.every((v) => v === "192.168.49.2"), values.join(" "));
    assert.match(await page.locator(".k8s-diagram svg").getAttribute("aria-label"), /Node minikube at 192\.168\.49\.2/);
    assert.match(await page.locator(".k8s-caption").textContent(), /carries no port/);

    await page.getByRole("button", { name: "Scale app-a to 0 replicas at 30 s" }).click();
    await page.locator(".tl-scrub").fill("300000");
    await page.locator('.k8s-row[data-port=":30001"][data-replicas="0"]').waitFor(WAIT);
    await page.locator(".k8s-check-unhealthy").waitFor(WAIT);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});
