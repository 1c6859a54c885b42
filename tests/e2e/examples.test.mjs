// Every embedding example page in www/examples/ works as documented, and theming reaches the widget.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { useBrowserAndServer, urlOf, openPage, repoPath } from "./harness.mjs";

const suite = useBrowserAndServer();

const pages = readdirSync(repoPath("www/examples")).filter((f) => f.endsWith(".html") && f !== "index.html");

for (const file of pages) {
  test(`example ${file} shows the clinics`, async () => {
    const page = await openPage(suite.browser, urlOf(suite.server, `/examples/${file}`));
    const widgets = page.locator("clinic-compare");
    await page.locator(".cc-count").first().waitFor();
    const n = await widgets.count();
    for (let i = 0; i < n; i++) assert.match(await widgets.nth(i).locator(".cc-count").textContent(), /^\d+ clinics?$/);
    assert.deepEqual(page.pageErrors, []);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
}

test("custom properties and ::part() from the host page theme the widget", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, "/examples/themed.html"));
  await page.locator(".cc-count").waitFor();
  const search = page.getByRole("button", { name: "Search", exact: true });
  assert.equal(await search.evaluate((b) => getComputedStyle(b).backgroundColor), "rgb(0, 127, 59)");
  const card = page.locator(".cc-card").first();
  assert.equal(await card.evaluate((c) => getComputedStyle(c).borderLeftWidth), "6px");
  await page.context().close();
});

test("the en-US example speaks American English and kilometres", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, "/examples/us-english.html"));
  await page.locator(".cc-count").waitFor();
  const text = await page.locator("clinic-compare .cc-app").textContent();
  assert.match(text, /program/);
  assert.doesNotMatch(text, /programme|licence|counselling/i);
  await page.locator("summary", { hasText: "Emergency? Overdose signs" }).click();
  await page.locator(".cc-emergency-body").waitFor({ state: "visible" });
  assert.match(await page.locator(".cc-emergency-body").textContent(), /call 911/);
  await page.context().close();
});
