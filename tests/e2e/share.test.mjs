// Share links (issue 7): Share copies the page's link; opening it in a fresh
// browser shows the same table, answer and time, on every section the
// navigation lists; "Copy embed code" gives a frame that works pasted into
// a page; a tampered link shows a banner and leaves the page at its preset;
// the golden v1 link opens.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { serveDist, launch } from "./harness.mjs";

const WAIT = { timeout: 15_000 };
const GOLDEN = resolve(import.meta.dirname, "../fixtures/links/v1/route53-failover.txt");

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

/** A fresh context (clipboard granted) on `path`, recording console errors. */
async function fresh(path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}/${path}`);
  await page.waitForSelector("header.site-header .brand", WAIT);
  return { page, context, errors };
}

/** What a reader sees: the table's rows, the answer and the clock. */
async function snapshot(page) {
  await page.locator(".live-page pre.dig").waitFor(WAIT);
  return {
    rows: await page.locator(".rt-row").allTextContents(),
    answer: await page.locator("pre.dig").textContent(),
    time: await page.locator(".live-page").getAttribute("data-sim-time"),
    title: await page.locator("#page-title").textContent(),
  };
}

async function presetFailover() {
  const { page, context } = await fresh("#/route53-failover");
  try {
    return await snapshot(page);
  } finally {
    await context.close();
  }
}

test("a shared failover page opens the same in a fresh browser", async () => {
  const { page, context, errors } = await fresh("#/route53-failover");
  let link;
  let shared;
  try {
    // A table edit (both failover records to TTL 3600), so the link must
    // carry the edited zone, not the preset.
    await page.getByRole("button", { name: "Raise the TTL to 3600" }).click();
    await page.locator(".rt-row", { hasText: "3600" }).nth(1).waitFor(WAIT);
    // Move the clock past the switch to app-b, so the link must carry it.
    const at = Number((await page.locator(".live-page").getAttribute("data-answer-changes")).split(",")[0]);
    const when = Math.ceil(at / 100) * 100;
    await page.locator(".tl-scrub").fill(String(when));
    await page.locator(`.live-page[data-sim-time="${when}"]`).waitFor(WAIT);
    await page.locator("ol.trace li", { hasText: /routing: .*→ app-b$/ }).waitFor(WAIT);
    shared = await snapshot(page);
    assert.match(shared.answer, /\b3600\s+IN\s+A\b/);

    await page.getByRole("button", { name: "Share" }).click();
    await page.locator(".share-status", { hasText: "Link copied" }).waitFor(WAIT);
    link = await page.locator(".share-link").inputValue();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    assert.ok(link.startsWith(`${server.url}/#s=1.`), link);
    assert.match(await page.locator(".share-label").textContent(), new RegExp(`\\(${link.length} characters\\)`));
    assert.ok(link.length <= 600 + server.url.length, `link is ${link.length} characters`);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }

  const other = await fresh(link.slice(server.url.length + 1));
  try {
    await other.page.locator(`.live-page[data-sim-time="${shared.time}"]`).waitFor(WAIT);
    assert.deepEqual(await snapshot(other.page), shared);
    assert.equal(await other.page.evaluate(() => location.hash), "#/route53-failover");
    assert.equal(await other.page.locator("[role=alert].link-banner").count(), 0);
    assert.deepEqual(other.errors, [], "console errors");
  } finally {
    await other.context.close();
  }
});

test("share works on every section: an edit and the clock open the same in a fresh browser", async () => {
  // The sections come from the navigation, so new ones are covered too.
  const home = await fresh("#/");
  const slugs = await home.page
    .locator("nav[aria-label=Sections] a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href").replace(/^#\//, "")));
  await home.context.close();
  assert.ok(slugs.length >= 8 && slugs.includes("sandbox"), slugs.join(" "));

  for (const slug of slugs) {
    const { page, context, errors } = await fresh(`#/${slug}`);
    let link;
    let shared;
    try {
      await page.locator(".live-page .rt-row").first().waitFor(WAIT);
      // An edit every section allows: a TXT record at a new name in its zone.
      const caption = await page.locator(".rt-table caption").textContent();
      const apex = caption.match(/Record sets in (\S+) \(/)[1];
      const name = `shared-${slug}.${apex}`;
      await page.getByRole("button", { name: "Add record" }).click();
      await page.getByLabel("Name of new record").fill(name);
      await page.getByLabel("Type of new record").selectOption("TXT");
      await page.getByLabel(/^Values \/ alias target of new record/).fill(`"${slug}"`);
      await page.getByRole("button", { name: "Save" }).click();
      await page.locator(".rt-row", { hasText: name }).waitFor(WAIT);
      // Where the page has a timeline, move its clock.
      if (await page.locator(".tl-scrub").count()) {
        await page.locator(".tl-scrub").fill("95000");
        await page.locator('.live-page[data-sim-time="95000"]').waitFor(WAIT);
      }
      shared = await snapshot(page);
      await page.getByRole("button", { name: "Share", exact: true }).click();
      await page.locator(".share-status", { hasText: "Link copied" }).waitFor(WAIT);
      link = await page.locator(".share-link").inputValue();
      assert.ok(link.startsWith(`${server.url}/#s=1.`), `${slug}: ${link}`);
      assert.deepEqual(errors, [], `${slug}: console errors`);
    } finally {
      await context.close();
    }

    const other = await fresh(link.slice(server.url.length + 1));
    try {
      await other.page.locator(".rt-row", { hasText: `shared-${slug}.` }).waitFor(WAIT);
      await other.page.locator(`.live-page[data-sim-time="${shared.time}"]`).waitFor(WAIT);
      assert.deepEqual(await snapshot(other.page), shared, slug);
      assert.equal(await other.page.evaluate(() => location.hash), `#/${slug}`);
      assert.deepEqual(other.errors, [], `${slug}: console errors after opening`);
    } finally {
      await other.context.close();
    }
  }
});

test("the copied embed code, pasted into a page, shows the panel and fits it", async () => {
  const { page, context, errors } = await fresh("#/route53-failover");
  let code;
  try {
    const kinds = await page.locator(".share-embed-kind option").allTextContents();
    assert.deepEqual(kinds, ["Timeline", "Record table", "Diagram", "Whole section"]);
    await page.locator(".share-embed-kind").selectOption("timeline");
    await page.getByRole("button", { name: "Copy embed code" }).click();
    await page.locator(".share-status", { hasText: "Embed code copied" }).waitFor(WAIT);
    code = await page.locator(".share-code").inputValue();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
    const [frame, script] = code.split("\n");
    assert.match(frame, new RegExp(`^<iframe class="dnsplay-embed" src="${server.url}/\\?embed=timeline#s=1\\.[^"]+" title="dnsplay: Route 53 failover, timeline" width="100%" height="\\d+" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" loading="lazy"></iframe>$`));
    assert.match(script, /^<script>.*dnsplay:height.*<\/script>$/);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }

  // Pasted into a blog page: the frame renders the timeline and the
  // script line sets its height to what the embed reports.
  const blog = await browser.newContext({ viewport: { width: 800, height: 600 } });
  try {
    const page = await blog.newPage();
    const errs = [];
    page.on("console", (m) => m.type() === "error" && errs.push(m.text()));
    await page.goto(`${server.url}/fixtures/embed.html`);
    await page.setContent(
      `<!doctype html><title>blog</title><link rel="icon" href="data:,"><p>Before</p>` +
        `<script>window.h = []; addEventListener("message", (e) => h.push(e.data.height));</script>${code}<p>After</p>`,
    );
    const frame = page.frameLocator("iframe.dnsplay-embed");
    await frame.locator("main.embed-timeline section.panel#timeline").waitFor(WAIT);
    const fitted = await page.waitForFunction(() => {
      const f = document.querySelector("iframe.dnsplay-embed");
      return window.h.length > 0 && f.height === String(window.h.at(-1)) && window.h.at(-1);
    }, null, WAIT);
    assert.ok((await fitted.jsonValue()) > 200);
    assert.deepEqual(errs, [], "console errors");
  } finally {
    await blog.close();
  }
});

test("a tampered link shows a banner and leaves the page at its preset", async () => {
  const preset = await presetFailover();
  const golden = (await readFile(GOLDEN, "utf8")).trim();
  // Flip characters in the middle of the payload.
  const mid = Math.floor(golden.length / 2);
  const flip = (c) => (c === "A" ? "B" : "A");
  const tampered = golden.slice(0, mid) + flip(golden[mid]) + flip(golden[mid + 1]) + golden.slice(mid + 2);
  assert.notEqual(tampered, golden);

  const { page, context, errors } = await fresh("#/route53-failover");
  try {
    await page.evaluate((h) => { location.hash = h; }, tampered);
    const banner = page.locator("[role=alert].link-banner");
    await banner.waitFor(WAIT);
    assert.match(await banner.textContent(), /This share link could not be opened: /);
    assert.deepEqual(await snapshot(page), preset);
    assert.equal(await page.evaluate(() => location.hash), "#/route53-failover");
    await banner.getByRole("button", { name: "Dismiss" }).click();
    await banner.waitFor({ state: "detached", ...WAIT });
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }

  // Opened straight from the address bar: the banner over the home page.
  const direct = await fresh(tampered);
  try {
    await direct.page.locator("[role=alert].link-banner").waitFor(WAIT);
    assert.equal(await direct.page.locator(".live-page").count(), 0);
    assert.deepEqual(direct.errors, [], "console errors");
  } finally {
    await direct.context.close();
  }
});

test("the golden v1 failover link opens on the failover page", async () => {
  const preset = await presetFailover();
  const golden = (await readFile(GOLDEN, "utf8")).trim();
  const { page, context, errors } = await fresh(golden);
  try {
    await page.locator(".live-page").waitFor(WAIT);
    const opened = await snapshot(page);
    assert.equal(opened.title, "Route 53 failover");
    assert.deepEqual(opened.rows, preset.rows);
    assert.equal(await page.evaluate(() => location.hash), "#/route53-failover");
    assert.equal(await page.locator(".link-banner").count(), 0);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("without a clipboard the link is selected in its field to copy by hand", async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  // As on plain http or in a locked-down iframe: no navigator.clipboard.
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
  });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  try {
    await page.goto(`${server.url}/#/cname`);
    await page.getByRole("button", { name: "Share" }).click();
    await page.locator(".share-status", { hasText: "the link is selected" }).waitFor(WAIT);
    const sel = await page.evaluate(() => {
      const el = document.activeElement;
      return { cls: el.className, start: el.selectionStart, end: el.selectionEnd, len: el.value.length };
    });
    assert.equal(sel.cls, "share-link");
    assert.deepEqual([sel.start, sel.end], [0, sel.len]);
    assert.ok(sel.len > 0);
    // The embed code too: selected in its field.
    await page.getByRole("button", { name: "Copy embed code" }).click();
    await page.locator(".share-status", { hasText: "the embed code is selected" }).waitFor(WAIT);
    const code = await page.evaluate(() => {
      const el = document.activeElement;
      return { cls: el.className, start: el.selectionStart, end: el.selectionEnd, len: el.value.length };
    });
    assert.equal(code.cls, "share-code");
    assert.deepEqual([code.start, code.end], [0, code.len]);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});
