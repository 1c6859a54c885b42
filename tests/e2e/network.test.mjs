// Network faults between the widget and the catalogue: each shows a clear message, and "Try again"
// works once the fault clears.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useBrowserAndServer, urlOf, openPage, sampleCatalogue, repoPath } from "./harness.mjs";

const catalogue = readFileSync(repoPath("data/clinics.json"));
/** The fault each /fault/<name>.json answers with while it is switched on. */
const faults = new Map();

function inject(req, res) {
  if (/\/clinic-compare-glossary\.[0-9a-f]{12}\.en\.json$/.test(req.url) && faults.has("glossary")) {
    if (faults.get("glossary") === "hang") return true;
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
    return true;
  }
  const match = /^\/fault\/([\w-]+)\.json/.exec(req.url);
  if (!match) return false;
  const fault = faults.get(match[1]);
  switch (fault) {
    case undefined:
      res.writeHead(200, { "content-type": "application/json" });
      res.end(catalogue);
      return true;
    case "404":
    case "500":
      res.writeHead(Number(fault), { "content-type": "text/plain" });
      res.end("error");
      return true;
    case "hang":
      return true; // never answers
    case "stall-body":
      // Answers, sends half the file, then nothing more.
      res.writeHead(200, { "content-type": "application/json" });
      res.write(catalogue.subarray(0, catalogue.length >> 1));
      return true;
    case "html":
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<!doctype html><h1>Site maintenance</h1>");
      return true;
    case "text-plain":
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(catalogue);
      return true;
    case "trickle": {
      res.writeHead(200, { "content-type": "application/json" });
      const parts = 6;
      const size = Math.ceil(catalogue.length / parts);
      let i = 0;
      const timer = setInterval(() => {
        res.write(catalogue.subarray(i * size, (i + 1) * size));
        if (++i === parts) {
          clearInterval(timer);
          res.end();
        }
      }, 1000);
      return true;
    }
  }
  return false;
}

const suite = useBrowserAndServer({ handler: inject });

async function mountWith(name, extra = {}) {
  const page = await openPage(suite.browser, urlOf(suite.server, "/site/blank.html"));
  await page.waitForFunction(() => window.ClinicCompare);
  await page.evaluate(
    ([url, extra]) => ClinicCompare.mount(document.getElementById("app"), { catalogue: url, ...extra }),
    [`/fault/${name}.json`, extra],
  );
  return page;
}

const total = () => `${sampleCatalogue().clinics.length} clinics`;

const timeouts = ["hang", "stall-body"];
for (const [fault, extra] of [["404"], ["500"], ["html"], ["hang", { timeout: 2 }], ["stall-body", { timeout: 2 }]]) {
  test(`a ${fault} answer shows a clear message, and "Try again" works once it clears`, async () => {
    faults.set(fault, fault);
    const page = await mountWith(fault, extra);
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 10_000 });
    assert.match(await alert.textContent(), /couldn't load the list of clinics/);
    if (timeouts.includes(fault)) assert.match(await alert.textContent(), /took too long/);
    else assert.doesNotMatch(await alert.textContent(), /took too long/);
    assert.ok(page.consoleErrors.some((e) => e.includes(`/fault/${fault}.json`)), page.consoleErrors.join("\n"));
    assert.deepEqual(page.pageErrors, []);
    faults.delete(fault);
    await page.getByRole("button", { name: "Try again" }).click();
    await page.locator(".cc-count", { hasText: total() }).waitFor();
    await page.context().close();
  });
}

for (const fault of ["404", "hang"]) {
  test(`without the glossary file (${fault}) the finder still works, with names only and a short note`, async (t) => {
    faults.set("glossary", fault);
    t.after(() => faults.delete("glossary"));
    const page = await mountWith("glossary-fine", { timeout: 2 });
    await page.locator(".cc-count", { hasText: total() }).waitFor({ timeout: 10_000 });
    await page.getByText("The explanations of terms and the standard questions could not be loaded").waitFor();
    // (The medication group starts open.)
    await page.getByRole("checkbox", { name: /^Methadone \(\d+\)$/ }).waitFor();
    assert.equal(await page.getByRole("button", { name: /^What is this\?/ }).count(), 0);
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
}

test("a slow trickle says it is still loading, then shows the list", async () => {
  faults.set("trickle", "trickle");
  const page = await mountWith("trickle");
  await page.getByRole("status").filter({ hasText: /Still loading/ }).waitFor({ timeout: 6000 });
  await page.locator(".cc-count", { hasText: total() }).waitFor({ timeout: 15_000 });
  await page.context().close();
});

test("JSON served with the wrong content type still loads, with a warning for the site owner", async () => {
  faults.set("text-plain", "text-plain");
  const warnings = [];
  const page = await openPage(suite.browser, urlOf(suite.server, "/site/blank.html"));
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.waitForFunction(() => window.ClinicCompare);
  await page.evaluate(() => ClinicCompare.mount(document.getElementById("app"), { catalogue: "/fault/text-plain.json" }));
  await page.locator(".cc-count", { hasText: total() }).waitFor();
  assert.ok(warnings.some((w) => /text\/plain/.test(w) && /application\/json/.test(w)), warnings.join("\n"));
  await page.context().close();
});
