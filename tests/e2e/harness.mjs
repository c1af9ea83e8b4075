// Shared harness for the browser tests: a static server for dist/ on
// 127.0.0.1 (a free port, closed by the test's `after` hook), and Debian's
// Chromium driven by playwright-core. No browser is downloaded.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";

export const DIST = resolve(import.meta.dirname, "../../dist");
/** Test pages (the embed host page), served under /fixtures/. */
export const FIXTURES = resolve(import.meta.dirname, "fixtures");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
};

/**
 * Serves dist/ (and tests/e2e/fixtures/ under /fixtures/) on 127.0.0.1 and
 * a free port; resolves to { url, close }. Every response carries
 * `Access-Control-Allow-Origin: *`, as a static host must for embeds: a
 * frame sandboxed without allow-same-origin has an opaque origin, so its
 * module script and wasm are cross-origin CORS fetches.
 */
export async function serveDist(root = DIST) {
  await stat(join(root, "index.html")).catch(() => {
    throw new Error(`${root}/index.html is missing: run \`trunk build --release\` first`);
  });
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const [base, rel] = path.startsWith("/fixtures/")
      ? [FIXTURES, path.slice("/fixtures".length)]
      : [root, path === "/" ? "index.html" : path];
    const file = normalize(join(base, rel));
    if (!file.startsWith(base + "/")) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "access-control-allow-origin": "*",
      });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** Launches headless Debian Chromium with the flags this machine needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    timeout: 30_000,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/**
 * Opens `url` in a fresh page that records console errors, page errors and
 * every request's host, so a test can assert none went elsewhere.
 */
export async function openPage(browser, url, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  const requests = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(url);
  return { page, context, errors, requests };
}

/** Waits until the Yew app has rendered its header. */
export async function appReady(page) {
  await page.waitForSelector("header.site-header .brand", { timeout: 15_000 });
}
