// Hostile catalogues in the browser: no payload ever runs, text stays text, links stay safe.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, urlOf, openPage } from "./harness.mjs";

const suite = useBrowserAndServer();

test("script-injection payloads in every text field and link never execute", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, "/site/blank.html"));
  await page.waitForFunction(() => window.ClinicCompare);
  await page.evaluate(() => ClinicCompare.mount(document.getElementById("app"), { catalogue: "/hostile/script-injection.json" }));
  await page.locator(".cc-count").waitFor();
  const cards = await page.locator(".cc-card-name").allTextContents();
  assert.ok(cards.some((n) => n.includes("<img src=x onerror=")), "payloads are shown as text");
  // Visit every view, hover and click everything a family might.
  for (const name of cards) {
    await page.getByRole("button", { name: `Details of ${name}`, exact: true }).click();
    for (const link of await page.locator(".cc-details a").all()) await link.hover();
    const hrefs = await page.locator(".cc-details a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    for (const href of hrefs) assert.match(href, /^(https?:|tel:\+?[0-9]+$|mailto:)/, `unsafe href ${href}`);
    await page.getByRole("button", { name: "← Back to results" }).click();
  }
  for (const name of cards.slice(0, 4)) await page.getByRole("button", { name: `Compare ${name}`, exact: true }).click();
  await page.getByRole("button", { name: "Compare (4)" }).click();
  await page.getByRole("table").waitFor();
  await page.getByRole("button", { name: "Questions to ask" }).click();
  await page.locator(".cc-questions").first().waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "a payload ran");
  const injected = await page.evaluate(() => {
    const root = document.querySelector("clinic-compare").shadowRoot;
    return root.querySelectorAll("script, img, svg, iframe, object, embed, [onerror], [onload], [onmouseover]").length;
  });
  assert.equal(injected, 0);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});
