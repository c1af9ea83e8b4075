// Embeds (issue 7): a blog page (fixtures/embed.html) holds two dnsplay
// frames sandboxed with allow-scripts only (opaque origin: no storage, no
// clipboard). Each shows its one panel without the site's chrome, tells the
// page its height (which the README's resize line applies), keeps working
// (an edit, playback), and links to the full page on the same scenario.
// A value off the ?embed= list shows a sentence naming the allowed ones.
// No test sleeps: each waits for the DOM or for a message.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { serveDist, launch, openPage, FIXTURES } from "./harness.mjs";

const WAIT = { timeout: 15_000 };
const ROOT = resolve(import.meta.dirname, "../..");
const golden = async (name) => (await readFile(resolve(ROOT, `tests/fixtures/links/v1/${name}.txt`), "utf8")).trim();

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

/** The last height message from frame `id`, once it names `section`. */
async function heightOf(page, id, section, more = 0) {
  const handle = await page.waitForFunction(
    ([id, section, more]) => {
      const mine = window.heights.filter((h) => h.frame === id && h.data?.type === "dnsplay:height");
      const last = mine.at(-1);
      return last && last.data.section === section && last.data.height > more && last;
    },
    [id, section, more],
    WAIT,
  );
  return handle.jsonValue();
}

/**
 * The frame's content height as the embed measures it, and whether it
 * scrolls, once the frame's own viewport has taken the height `h` that the
 * page applied: a sandboxed frame may live in another renderer process,
 * where the new size lands a frame or two after the parent's attribute.
 */
async function measure(frame, h) {
  await frame.waitForFunction((h) => window.innerHeight === h, h, WAIT);
  return frame.evaluate(() => ({
    height: Math.ceil(document.documentElement.getBoundingClientRect().height),
    scrolls: document.documentElement.scrollHeight > window.innerHeight,
  }));
}

const EMBEDS = [
  { id: "failover", embed: "timeline", section: "route53-failover", panel: "timeline" },
  { id: "cname", embed: "table", section: "cname", panel: "records" },
];

test("two sandboxed embeds render their panel, fit their height and keep working", async () => {
  // The fixture carries the golden links and the embed code's resize line.
  const html = await readFile(resolve(FIXTURES, "embed.html"), "utf8");
  const rust = await readFile(resolve(ROOT, "src/ui/embed/code.rs"), "utf8");
  const script = JSON.parse(`"${rust.match(/pub const RESIZE_SCRIPT: &str = "(.*)";\n/)[1]}"`);
  assert.ok(html.includes(script), "fixture uses RESIZE_SCRIPT");
  assert.ok(html.includes(`?embed=timeline${await golden("route53-failover")}"`));
  assert.ok(html.includes(`?embed=table${await golden("cname")}"`));

  const { page, context, errors } = await openPage(browser, `${server.url}/fixtures/embed.html`);
  try {
    for (const { id, embed, section, panel } of EMBEDS) {
      const frameEl = page.locator(`iframe#${id}`);
      assert.equal(await frameEl.getAttribute("sandbox"), "allow-scripts");
      const frame = await (await frameEl.elementHandle()).contentFrame();
      await frame.locator(`main.embed.embed-${embed} section.panel#${panel}`).waitFor(WAIT);
      // No site chrome, only the one panel; the section's heading is kept
      // for screen readers; no Share button inside an embed.
      assert.equal(await frame.locator("header, nav, footer").count(), 0, `${id}: chrome`);
      assert.deepEqual(await frame.locator("section.panel").evaluateAll((s) => s.map((e) => e.id)), [panel]);
      assert.equal(await frame.locator(".explanation").isVisible(), false);
      assert.equal(await frame.locator(".share").isVisible(), false);
      assert.equal(await frame.locator(".history").isVisible(), false, `${id}: undo bar`);
      assert.equal(await frame.locator("details.io").isVisible(), false, `${id}: import/export`);
      assert.equal(await frame.locator(".embed-missing").isVisible(), false);
      // Height: positive, the content's own, applied by the resize line, no scroll bar.
      const msg = await heightOf(page, id, section);
      assert.equal(msg.origin, "null", "sandboxed: opaque origin");
      assert.equal(msg.data.embed, embed);
      await page.waitForFunction(([id, h]) => document.getElementById(id).height === String(h), [id, msg.data.height], WAIT);
      assert.deepEqual(await measure(frame, msg.data.height), { height: msg.data.height, scrolls: false }, id);
      // The corner link opens the full page (no ?embed=) on the scenario.
      const open = frame.getByRole("link", { name: /Open in dnsplay/ });
      assert.equal(await open.getAttribute("target"), "_blank");
      assert.equal(await open.getAttribute("rel"), "noopener");
      assert.ok((await open.getAttribute("href")).startsWith(`${server.url}/index.html#s=1.`));
    }

    // Playback works in the frame: +10 s, then play until the clock moves.
    const frameOf = async (id) => (await page.locator(`iframe#${id}`).elementHandle()).contentFrame();
    const failover = await frameOf("failover");
    const live = failover.locator(".live-page");
    const t0 = Number(await live.getAttribute("data-sim-time"));
    await failover.getByRole("button", { name: "Forward 10 seconds" }).click();
    await failover.locator(`.live-page[data-sim-time="${t0 + 10_000}"]`).waitFor(WAIT);
    await failover.locator(".tl-play").click();
    await failover.waitForFunction((t) => Number(document.querySelector(".live-page").dataset.simTime) > t, t0 + 10_000, WAIT);
    await failover.locator(".tl-play").click();

    // An edit in the table embed: the table grows, the frame follows, and
    // "Open in dnsplay" carries the new record to the full page.
    const cname = await frameOf("cname");
    const before = await heightOf(page, "cname", "cname");
    const open = cname.getByRole("link", { name: /Open in dnsplay/ });
    const hrefBefore = await open.getAttribute("href");
    await cname.getByRole("button", { name: "Add record" }).click();
    await cname.getByLabel("Name of new record").fill("embed.example.com");
    await cname.getByLabel("Type of new record").selectOption("TXT");
    await cname.getByLabel(/^Values \/ alias target of new record/).fill('"from the embed"');
    await cname.getByRole("button", { name: "Save" }).click();
    await cname.locator(".rt-row", { hasText: "embed.example.com." }).waitFor(WAIT);
    const after = await heightOf(page, "cname", "cname", before.data.height);
    await page.waitForFunction((h) => document.getElementById("cname").height === String(h), after.data.height, WAIT);
    assert.deepEqual(await measure(cname, after.data.height), { height: after.data.height, scrolls: false });
    const href = await open.getAttribute("href");
    assert.notEqual(href, hrefBefore);

    const full = await openPage(browser, href);
    try {
      await full.page.locator("header.site-header").waitFor(WAIT);
      await full.page.locator(".rt-row", { hasText: "embed.example.com." }).waitFor(WAIT);
      assert.equal(await full.page.evaluate(() => location.hash), "#/cname");
      assert.deepEqual(full.errors, [], "full page: console errors");
    } finally {
      await full.context.close();
    }
    assert.deepEqual(errors, [], "console errors (page and frames)");
  } finally {
    await context.close();
  }
});

test("each embed value shows its panel or a clear sentence, never a crash", async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  const cases = [
    // A value off the list, in the query and after the hash route.
    ["?embed=map#/cname", { error: /"map" is not something dnsplay can embed\. Use embed=timeline, table, diagram, console or section\./ }],
    ["#/cname?embed=Table", { error: /"Table" is not something/ }],
    // The hash-route form works too; diagram means the page's own picture.
    ["#/route53-failover?embed=diagram", { panels: ["tree"] }],
    ["?embed=diagram#/what-is-dns", { panels: ["resolution"] }],
    ["?embed=console#/localstack", { panels: ["console"] }],
    // A section without that panel says so instead of showing nothing.
    ["?embed=timeline#/cname", { missing: /This section has no timeline to embed/ }],
    // The whole section: title, text and panels, no site chrome.
    ["?embed=section#/cname", { panels: ["records", "answer", "lints"], title: "CNAME records" }],
  ];
  try {
    for (const [address, want] of cases) {
      await page.goto("about:blank");
      await page.goto(`${server.url}/${address}`);
      await page.locator("main.embed").waitFor(WAIT);
      assert.equal(await page.locator("header, nav, footer").count(), 0, `${address}: chrome`);
      if (want.error) {
        const alert = page.locator("main.embed [role=alert].embed-error");
        await alert.waitFor(WAIT);
        assert.match(await alert.textContent(), want.error, address);
        assert.equal(await page.locator(".panel").count(), 0);
        continue;
      }
      await page.locator("main.embed .live-page").waitFor({ state: "attached", ...WAIT });
      const ids = await page.locator("section.panel:visible").evaluateAll((s) => s.map((e) => e.id));
      if (want.missing) {
        assert.match(await page.locator(".embed-missing").textContent(), want.missing);
        assert.ok(await page.locator(".embed-missing").isVisible(), address);
        assert.deepEqual(ids, [], address);
        continue;
      }
      assert.deepEqual(ids, want.panels, address);
      if (want.title) assert.ok(await page.locator("#page-title", { hasText: want.title }).isVisible());
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${address} is ${overflow}px wider than a phone`);
    }
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});
