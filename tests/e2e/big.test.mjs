// A national-size catalogue (20,000 clinics) loads in the browser. That the host page never freezes
// meanwhile (no main-thread task over 200 ms) is a figure for `make bench-check`
// (start.longest_task_20000_ms), not a test here: a busy CI machine stretches every task.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, urlOf, openPage, sampleCatalogue } from "./harness.mjs";

/** 20,000 clinics made from the sample's, with new ids, names and nearby places. */
function bigCatalogue(n = 20_000) {
  const sample = sampleCatalogue();
  const clinics = [];
  for (let i = 0; i < n; i++) {
    const c = structuredClone(sample.clinics[i % sample.clinics.length]);
    c.id = `${c.id}-${i}`;
    c.name = `${c.name} ${i}`;
    if (c.location.lat !== undefined) {
      c.location.lat = Math.round((c.location.lat + ((i * 7919) % 100) / 500 - 0.1) * 1e4) / 1e4;
      c.location.lon = Math.round((c.location.lon + ((i * 104729) % 100) / 500 - 0.1) * 1e4) / 1e4;
    }
    clinics.push(c);
  }
  return JSON.stringify({ ...sample, clinics });
}

const body = bigCatalogue();
const suite = useBrowserAndServer({
  handler: (req, res) => {
    if (!req.url.startsWith("/big.json")) return false;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(body);
    return true;
  },
});

test("20,000 clinics load and are all counted", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, "/site/blank.html"));
  await page.waitForFunction(() => window.ClinicCompare);
  await page.evaluate(() => ClinicCompare.mount(document.getElementById("app"), { catalogue: "/big.json" }));
  await page.locator(".cc-count", { hasText: "20000 clinics" }).waitFor({ timeout: 60_000 });
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});
