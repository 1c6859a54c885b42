// The hostile catalogue corpus through the widget in Chromium: every file ends in either the
// expected number of clinics or a readable message — never a blank box, never a page error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useBrowserAndServer, urlOf, repoPath } from "./harness.mjs";

const manifest = JSON.parse(readFileSync(repoPath("tests/hostile/expected.json"), "utf8"));
const suite = useBrowserAndServer();

test(`all ${Object.keys(manifest).length} hostile catalogues end in clinics or a clear message`, async () => {
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(urlOf(suite.server, "/site/blank.html"));
  await page.waitForFunction(() => window.ClinicCompare);
  for (const [name, expected] of Object.entries(manifest)) {
    await page.evaluate((url) => {
      document.getElementById("app").replaceChildren();
      ClinicCompare.mount(document.getElementById("app"), { catalogue: url });
    }, `/hostile/${name}`);
    const outcome = page.locator("clinic-compare .cc-count, clinic-compare [role=alert]").first();
    await outcome.waitFor({ timeout: 10_000 });
    const text = await outcome.textContent();
    if (expected.fatal) {
      assert.match(text, /couldn't load the list of clinics/, `${name}: ${text}`);
    } else {
      assert.equal(text, `${expected.clinics} clinic${expected.clinics === 1 ? "" : "s"}`, name);
    }
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});
