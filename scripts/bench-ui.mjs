#!/usr/bin/env node
// UI speed figures, never pass/fail: the median (and min/max) of N runs
// of each timed action, read from the app's performance measures
// (`dnsplay:edit-start` → `dnsplay:<kind>-to-update`, see
// src/ui/hooks/use_update_timing.rs). Needs a release build in dist/
// (scripts/bench.sh makes one). Usage: node scripts/bench-ui.mjs [runs]
import { serveDist, launch, openPage, appReady } from "../tests/e2e/harness.mjs";
import { editTtl, scrubTo, loadBigZone, renderedRows } from "../tests/e2e/speed.mjs";

const runs = Math.max(1, Number(process.argv[2] ?? process.env.RUNS ?? 7));

function summary(label, xs) {
  const s = [...xs].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  const f = (x) => x.toFixed(1).padStart(7);
  console.log(`${label.padEnd(44)} median ${f(median)} ms   min ${f(s[0])}   max ${f(s.at(-1))}   (${s.length} runs)`);
}

async function measureFault(page, prompt) {
  await page.evaluate(() => performance.clearMeasures());
  await page.getByRole("button", { name: prompt }).click();
  await page.waitForFunction(() => performance.getEntriesByName("dnsplay:fault-to-update").length > 0);
  return page.evaluate(() => performance.getEntriesByName("dnsplay:fault-to-update").at(-1).duration);
}

const server = await serveDist();
const browser = await launch();
try {
  {
    const { page, context, errors } = await openPage(browser, `${server.url}/#/route53-failover`);
    await appReady(page);
    await page.locator(".rt-row").first().waitFor();
    const edits = [];
    const scrubs = [];
    const faults = [];
    for (let i = 0; i < runs; i++) {
      edits.push(await editTtl(page, /^api\.hello-localstack\.com\.$/, i % 2 ? "60" : "120"));
      scrubs.push(await scrubTo(page, 60_000 + (i % 2) * 30_000));
      faults.push(await measureFault(page, "Bring app-a back at 5 min"));
    }
    summary("failover page: edit-to-update (TTL edit)", edits);
    summary("failover page: scrub-to-update", scrubs);
    summary("failover page: fault-to-update (toggle)", faults);
    if (errors.length) console.log("console errors:", errors);
    await context.close();
  }
  {
    const { page, context, errors } = await openPage(browser, `${server.url}/#/sandbox`);
    await appReady(page);
    await page.locator(".rt-row").first().waitFor();
    const load = await loadBigZone(page);
    console.log(`sandbox: load 5,000 record sets (5 change batches)  ${load.toFixed(1)} ms, ${await renderedRows(page)} rows in the DOM`);
    const edits = [];
    for (let i = 0; i < runs; i++) {
      edits.push(await editTtl(page, /^host-0001\./, i % 2 ? "300" : "120"));
    }
    summary("sandbox, 5,000 record sets: edit-to-update", edits);
    if (errors.length) console.log("console errors:", errors);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
