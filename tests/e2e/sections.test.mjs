// The live section pages: each renders from its preset with no console
// errors; table edits go through Route 53's validation and change the
// answer (or show Route 53's message in the cell and change nothing); the
// failover page's answer moves to app-b at the instant the engine predicts;
// the LocalStack page runs the blog's command; axe finds no serious or
// critical accessibility problem. No test sleeps: each waits for the DOM.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { serveDist, launch, openPage, appReady } from "./harness.mjs";

const SECTIONS = [
  ["what-is-dns", "What is DNS", "api.example.com."],
  ["a-records", "A records", "api.hello.com."],
  ["cname", "CNAME records", "api.example.com."],
  ["api-gateway", "API Gateway", "api.example.com."],
  ["route53-failover", "Route 53 failover", "api.hello-localstack.com."],
  ["localstack", "LocalStack", "hello-localstack.com."],
  ["kubernetes", "Kubernetes + Spring Boot", "api.hello-localstack.com."],
  ["why-not-cname", "Why A, not CNAME, in Kubernetes", "app.hello.com."],
  ["choosing", "Choosing A, CNAME or Alias", "hello-app.com."],
  ["sandbox", "Sandbox", "api.hello-localstack.com."],
];
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

async function open(slug, size) {
  const opened = await openPage(browser, `${server.url}/#/${slug}`, size);
  await appReady(opened.page);
  await opened.page.locator(".live-page .rt-row").first().waitFor(WAIT);
  return opened;
}

const dig = (page) => page.locator("pre.dig").textContent();

for (const [slug, title, name] of SECTIONS) {
  test(`${slug} renders from its preset with no console errors`, async () => {
    const { page, context, errors, requests } = await open(slug);
    try {
      assert.equal((await page.locator("#page-title").textContent()).trim(), title);
      assert.ok(await page.locator(".rt-row th", { hasText: name }).count() > 0, `a row for ${name}`);
      assert.match(await dig(page), /status: (NOERROR|NXDOMAIN)/);
      assert.ok(await page.locator(".prompts button").count() >= 2, "try-this prompts");
      assert.equal(await page.locator(`nav a[href="#/${slug}"][aria-current="page"]`).count(), 1);
      const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("data:"));
      assert.deepEqual(foreign, [], "requests to other hosts");
      assert.deepEqual(errors, [], "console errors");
    } finally {
      await context.close();
    }
  });
}

test("every section fits a phone screen", async () => {
  for (const [slug] of SECTIONS) {
    const { page, context, errors } = await open(slug, { width: 375, height: 740 });
    try {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${slug} is ${overflow}px wider than the screen`);
      assert.deepEqual(errors, [], `${slug}: console errors`);
    } finally {
      await context.close();
    }
  }
});

test("a table edit goes out as a change batch and changes the answer", async () => {
  const { page, context, errors } = await open("a-records");
  try {
    assert.match(await dig(page), /api\.hello\.com\.\s+300\s+IN\s+A\s+192\.168\.49\.2/);
    await page.getByRole("button", { name: "Edit api.hello.com. A" }).click();
    await page.locator("#rt-values").fill("192.0.2.55");
    await page.getByRole("button", { name: "Save" }).click();
    await page.locator("pre.dig", { hasText: "192.0.2.55" }).waitFor(WAIT);
    assert.doesNotMatch(await dig(page), /192\.168\.49\.2/);
    // The batch and the equivalent CLI command are there to read.
    await page.locator(".last-change summary").click();
    const cli = await page.locator(".last-change pre").nth(1).textContent();
    assert.match(cli, /^aws route53 change-resource-record-sets --hosted-zone-id Z\S+ --change-batch '\{"Changes":\[\{"Action":"DELETE"/);
    assert.match(cli, /192\.0\.2\.55/);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("an invalid edit shows Route 53's message in the cell and changes nothing", async () => {
  const { page, context, errors } = await open("a-records");
  try {
    const before = await dig(page);
    await page.getByRole("button", { name: "Edit api.hello.com. A" }).click();
    await page.locator("#rt-values").fill("not-an-ip");
    await page.getByRole("button", { name: "Save" }).click();
    const message = page.locator("#rt-values-err");
    await message.waitFor(WAIT);
    assert.match(
      await message.textContent(),
      /ARRDATAIllegalIPv4Address \(Value is not a valid IPv4 address\) encountered with 'not-an-ip'/,
    );
    assert.equal(await page.locator("#rt-values").getAttribute("aria-invalid"), "true");
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.locator(".rt-row td.rt-values", { hasText: "192.168.49.2" }).waitFor(WAIT);
    assert.equal(await page.locator(".last-change").count(), 0, "no batch was applied");
    assert.equal(await dig(page), before);
    // The prompt makes the same edit in the table and gets the same verdict.
    await page.getByRole("button", { name: "Set api to not-an-ip" }).click();
    await page.locator("#rt-values-err", { hasText: "ARRDATAIllegalIPv4Address" }).waitFor(WAIT);
    assert.equal(await page.locator("#rt-values").inputValue(), "not-an-ip");
    assert.equal(await dig(page), before);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("a CNAME at the apex is refused in Route 53's words", async () => {
  const { page, context, errors } = await open("cname");
  try {
    await page.getByRole("button", { name: "Put a CNAME at the apex" }).click();
    await page.locator(".page-status", { hasText: "is not permitted at apex in zone example.com." }).waitFor(WAIT);
    assert.equal(await page.locator(".rt-row th", { hasText: /^example\.com\.$/ }).count(), 3, "SOA, NS, A only");
    await page.getByRole("button", { name: "Ask docs.example.com" }).click();
    await page.locator("pre.dig", { hasText: "my-gateway.example.com" }).waitFor(WAIT);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("on the failover page the answer moves to app-b when the engine says", async () => {
  const { page, context, errors } = await open("route53-failover");
  try {
    const changes = await page.locator(".live-page").getAttribute("data-answer-changes");
    const at = Number(changes.split(",")[0]);
    assert.ok(at > 30_000 && at < 120_000, `switch at ${at} ms`);
    const trace = page.locator("ol.trace");
    await trace.locator("li", { hasText: /routing: .*→ app-a$/ }).waitFor(WAIT);
    // The scrubber moves in 100 ms steps: the last step before the predicted
    // instant still answers app-a, the first step at or after it app-b.
    const before = Math.floor((at - 1) / 100) * 100;
    const after = Math.ceil(at / 100) * 100;
    await page.locator(".tl-scrub").fill(String(before));
    await page.locator(`.live-page[data-sim-time="${before}"]`).waitFor(WAIT);
    assert.equal(await trace.locator("li", { hasText: /→ app-a$/ }).count(), 1);
    await page.locator(".tl-scrub").fill(String(after));
    await page.locator(`.live-page[data-sim-time="${after}"]`).waitFor(WAIT);
    await trace.locator("li", { hasText: /routing: .*→ app-b$/ }).waitFor(WAIT);
    // The tree says the SECONDARY answers now.
    assert.match(await page.locator(".failover-tree").textContent(), /SECONDARY.*answering/);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("playing the failover page reaches app-b", async () => {
  const { page, context, errors } = await open("route53-failover");
  try {
    const at = Number((await page.locator(".live-page").getAttribute("data-answer-changes")).split(",")[0]);
    await page.getByRole("button", { name: "60×" }).click();
    await page.getByRole("button", { name: "Play" }).click();
    await page.locator("ol.trace li", { hasText: /routing: .*→ app-b$/ }).waitFor({ timeout: 30_000 });
    const now = Number(await page.locator(".live-page").getAttribute("data-sim-time"));
    assert.ok(now >= at, `app-b shown at ${now} ms, predicted ${at} ms`);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("the same-IP lint shows on the failover page and points at both rows", async () => {
  const { page, context, errors } = await open("route53-failover");
  try {
    const lint = page.locator(".lint", { hasText: "failover-same-address" });
    await lint.waitFor(WAIT);
    await lint.getByRole("button", { name: /Show me/ }).click();
    await page.locator(".rt-highlighted").nth(1).waitFor(WAIT);
    assert.equal(await page.locator(".rt-highlighted").count(), 2);
    // Giving app-b its own address (a change batch) clears the lint.
    await page.getByRole("button", { name: "Give app-b its own address" }).click();
    await page.locator(".rt-row td.rt-values", { hasText: "192.168.49.3" }).waitFor(WAIT);
    assert.equal(await page.locator(".lint", { hasText: "failover-same-address" }).count(), 0);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("the failover prompts change the scenario through the engine", async () => {
  const { page, context, errors } = await open("route53-failover");
  try {
    const live = page.locator(".live-page");
    const first = Number((await live.getAttribute("data-answer-changes")).split(",")[0]);
    // A TTL edit is a change batch: both rows change, the timing does not.
    await page.getByRole("button", { name: "Raise the TTL to 3600" }).click();
    await page.locator(".rt-row td.rt-ttl", { hasText: "3600" }).nth(1).waitFor(WAIT);
    assert.match(await page.locator(".page-status").textContent(), /accepted the change batch/);
    assert.equal(Number((await live.getAttribute("data-answer-changes")).split(",")[0]), first);
    // Mending app-a at 5 min adds a fail-back after 5:00.
    await page.getByRole("button", { name: "Bring app-a back at 5 min" }).click();
    await page.locator('.live-page[data-answer-changes*=","]').waitFor(WAIT);
    const back = Number((await live.getAttribute("data-answer-changes")).split(",")[1]);
    assert.ok(back > 300_000, `fails back at ${back} ms`);
    // Moving the fault to 2 min moves the failover with it.
    await page.getByRole("button", { name: "Break app-a at 2 min instead" }).click();
    await page.waitForFunction(
      (old) => Number(document.querySelector(".live-page").dataset.answerChanges.split(",")[0]) !== old,
      first,
      WAIT,
    );
    const moved = Number((await live.getAttribute("data-answer-changes")).split(",")[0]);
    assert.ok(moved > 120_000 && moved < 240_000, `switch at ${moved} ms`);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("on the LocalStack page the blog's command adds the CNAME row", async () => {
  const { page, context, errors } = await open("localstack");
  try {
    assert.equal(await page.locator(".rt-row th", { hasText: "12345.hello-localstack.com." }).count(), 0);
    await page.getByRole("button", { name: "Run: the blog's command" }).click();
    await page.locator(".rt-row th", { hasText: "12345.hello-localstack.com." }).waitFor(WAIT);
    const row = page.locator(".rt-row", { hasText: "12345.hello-localstack.com." });
    assert.match(await row.textContent(), /CNAME.*60.*12345\.execute-api\.localhost\.localstack\.cloud/);
    assert.match(await page.locator(".console-log").textContent(), /"Status": "PENDING"/);
    // AWS's answer to a CNAME at the apex, which LocalStack would accept.
    await page.getByRole("button", { name: "Try a CNAME at the apex in the console" }).click();
    await page.locator(".con-stderr", { hasText: "InvalidChangeBatch" }).waitFor(WAIT);
    assert.match(await page.locator(".console-log").textContent(), /is not permitted at apex/);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("on the What is DNS page the path walks root, TLD and Route 53, then the cache answers", async () => {
  const { page, context, errors } = await open("what-is-dns");
  try {
    const res = page.locator(".resolution");
    await page.locator('.resolution[data-from-cache="false"][data-queries="3"]').waitFor(WAIT);
    assert.equal(await page.locator('.rd-svg[aria-label="Resolution path with 5 steps"]').count(), 1);
    assert.match(await page.locator(".rd-caption").textContent(), /^Step 1 of 5: The client asks its resolver: api\.example\.com\. A/);
    await page.getByRole("button", { name: "Next step →" }).click();
    await page.locator(".rd-caption", { hasText: /^Step 2 of 5: .*root-servers\.net/ }).waitFor(WAIT);
    assert.match(await res.locator(".res-headline").textContent(), /A 203\.0\.113\.10; 3 queries sent; clients may keep it for 300 s/);
    // Ten seconds later the same question never leaves the resolver.
    await page.getByRole("button", { name: "Ask for api.example.com again" }).click();
    await page.locator('.resolution[data-from-cache="true"][data-queries="0"]').waitFor(WAIT);
    assert.match(await res.locator(".res-headline").textContent(), /^At 10 s: .*for 290 s/);
    // A missing name: NXDOMAIN, cached for the SOA's minimum.
    await page.getByRole("button", { name: "Ask for a name that does not exist" }).click();
    await page.locator('.resolution[data-rcode="NXDOMAIN"]').waitFor(WAIT);
    assert.match(await res.locator(".res-headline").textContent(), /negative answer for 900 s/);
    await page.locator("pre.dig", { hasText: "status: NXDOMAIN" }).waitFor(WAIT);
    // Route 53's step routes as the answer panel does, for its client: a
    // geolocation record for Europe answers Frankfurt, Virginia gets none.
    await page.getByRole("button", { name: "Edit api.example.com. A" }).click();
    await page.locator("#rt-routing").selectOption("geolocation");
    await page.getByLabel("Continent").selectOption("EU");
    await page.getByLabel("Set id").fill("europe");
    await page.getByRole("button", { name: "Save" }).click();
    await page.locator(".rt-row td.rt-routing", { hasText: "geolocation continent EU · set europe" }).waitFor(WAIT);
    await page.getByRole("button", { name: "Ask for api.example.com again" }).click();
    for (const [client, answer] of [["frankfurt", "A 203.0.113.10"], ["virginia", "no records of that type (NODATA)"]]) {
      await page.locator("#ap-client").selectOption(client);
      await page.getByRole("button", { name: "Ask", exact: true }).click();
      await res.locator(".res-headline", { hasText: `api.example.com. A: ${answer};` }).waitFor(WAIT);
      assert.equal(await res.getAttribute("data-from-cache"), "false", `${client} asks its own resolver`);
    }
    await res.locator("ol.res-steps li", { hasText: /routing: .*no record matches/ }).waitFor(WAIT);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("on the Kubernetes page the same-IP lint shows and scaling app-a to 0 fails over", async () => {
  const { page, context, errors } = await open("kubernetes");
  try {
    const live = page.locator(".live-page");
    await page.locator(".lint", { hasText: "failover-same-address" }).waitFor(WAIT);
    assert.equal(await live.getAttribute("data-answer-changes"), "", "nothing is broken yet");
    // Scaling is a world fault: NodePort 30001 refuses, the check fails.
    await page.getByRole("button", { name: "Scale app-a to 0 replicas at 30 s" }).click();
    await page.locator('.live-page[data-answer-changes]:not([data-answer-changes=""])').waitFor(WAIT);
    const at = Number((await live.getAttribute("data-answer-changes")).split(",")[0]);
    assert.ok(at > 30_000 && at < 120_000, `switch at ${at} ms`);
    await page.locator(".tl-scrub").fill(String(Math.ceil(at / 100) * 100));
    await page.locator("ol.trace li", { hasText: /routing: .*→ app-b$/ }).waitFor(WAIT);
    // Both answers are still the node's address: the lint stays.
    assert.match(await dig(page), /IN\s+A\s+192\.168\.49\.2\b/);
    // app-b's own LoadBalancer address (a change batch) clears it.
    await page.getByRole("button", { name: "Give app-b a LoadBalancer IP of its own" }).click();
    await page.locator(".rt-row td.rt-values", { hasText: "192.168.49.100" }).waitFor(WAIT);
    await page.locator("pre.dig", { hasText: "192.168.49.100" }).waitFor(WAIT);
    assert.equal(await page.locator(".lint", { hasText: "failover-same-address" }).count(), 0);
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("on the Why-not-CNAME page the CNAME costs a second walk and cannot sit at the apex or share its name", async () => {
  const { page, context, errors } = await open("why-not-cname");
  try {
    const res = page.locator(".resolution");
    await page.locator('.resolution[data-queries="3"]').waitFor(WAIT);
    await page.getByRole("button", { name: "Ask for app.hello.com, the CNAME" }).click();
    await page.locator('.resolution[data-queries="6"][data-from-cache="false"]').waitFor(WAIT);
    assert.match(await res.locator(".res-headline").textContent(), /CNAME minikube\.hello-k8s\.net\., A 192\.168\.49\.2/);
    assert.equal(await page.locator('.rd-svg[aria-label="Resolution path with 8 steps"]').count(), 1);
    await page.getByRole("button", { name: "Point the apex hello.com at the node name" }).click();
    await page.locator(".page-status", { hasText: "is not permitted at apex in zone hello.com." }).waitFor(WAIT);
    await page.getByRole("button", { name: "Add a TXT record beside app's CNAME" }).click();
    await page.locator(".page-status", { hasText: "refused the change batch" }).waitFor(WAIT);
    assert.match(await page.locator(".page-status").textContent(), /CNAME/);
    assert.equal(await page.locator(".rt-row th", { hasText: /^app\.hello\.com\.$/ }).count(), 1, "only the CNAME");
    assert.equal(await page.locator(".rt-row th", { hasText: /^hello\.com\.$/ }).count(), 2, "SOA and NS only");
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("the routing editor makes a geolocation record that answers by where the client is", async () => {
  // The page's CSP blocks injected scripts: this context bypasses it for axe.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  try {
    await page.goto(`${server.url}/#/a-records`);
    await page.locator(".live-page .rt-row").first().waitFor(WAIT);
    await page.getByRole("button", { name: "Edit api.hello.com. A" }).click();
    await page.locator("#rt-routing").selectOption("geolocation");
    await page.getByLabel("Continent").selectOption("EU");
    await page.getByLabel("Set id").fill("europe");
    await page.getByRole("button", { name: "Save" }).click();
    await page.locator(".rt-row td.rt-routing", { hasText: "geolocation continent EU · set europe" }).waitFor(WAIT);
    // Route 53 answers Europe from the record and has none for Virginia.
    const ask = async (client) => {
      await page.locator("#ap-client").selectOption(client);
      await page.getByRole("button", { name: "Ask", exact: true }).click();
    };
    await ask("frankfurt");
    await page.locator("pre.dig", { hasText: /api\.hello\.com\.\s+300\s+IN\s+A\s+192\.168\.49\.2/ }).waitFor(WAIT);
    await ask("virginia");
    await page.locator("ol.trace li", { hasText: "no record matches the client's location and there is no default record" }).waitFor(WAIT);
    assert.doesNotMatch(await dig(page), /192\.168\.49\.2/);
    // DG routing-policy-geo "no answer": the name exists, so NOERROR/NODATA (RFC 8020).
    assert.match(await dig(page), /status: NOERROR/);
    // An alias to a name the zone lacks: Route 53's message, in the values cell.
    await page.getByRole("button", { name: "Edit api.hello.com. A" }).click();
    await page.getByLabel("Alias", { exact: true }).check();
    await page.locator("#rt-values").fill("nowhere.hello.com");
    await page.getByRole("button", { name: "Save" }).click();
    await page.locator("#rt-values-err", { hasText: "but that target was not found" }).waitFor(WAIT);
    assert.equal(await page.locator("#rt-ttl").count(), 0, "an alias takes its target's TTL");
    const axe = await readFile(resolve(import.meta.dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");
    await page.addScriptTag({ content: axe });
    const found = await page.evaluate(async () => {
      const r = await window.axe.run(document.querySelector(".record-table"), { resultTypes: ["violations"] });
      return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
    });
    assert.deepEqual(found, [], "axe on the open editor");
    assert.deepEqual(errors, [], "console errors");
  } finally {
    await context.close();
  }
});

test("axe finds no serious or critical problem on any section", async () => {
  const axe = await readFile(resolve(import.meta.dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");
  // The page's CSP blocks injected scripts: only this test's context bypasses it.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  try {
    for (const [slug] of SECTIONS) {
      for (const scheme of ["light", "dark"]) {
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${server.url}/#/${slug}`);
        await page.locator(".live-page .rt-row").first().waitFor(WAIT);
        await page.addScriptTag({ content: axe });
        const found = await page.evaluate(async () => {
          const r = await window.axe.run(document, { resultTypes: ["violations"] });
          return r.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
        });
        assert.deepEqual(found, [], `${slug} (${scheme})`);
        await page.close();
      }
    }
  } finally {
    await context.close();
  }
});
