// Hostile catalogues in the browser: no payload ever runs, text stays text, links stay safe.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useBrowserAndServer, urlOf, openPage, repoPath } from "./harness.mjs";

// The payloads, and one clinic whose links are safe: so the check of every link's address has
// links to check (a widget that showed no links at all would otherwise pass).
const SAFE = { website: "https://example.org/clinic", phone: "+44 20 7946 0000", email: "intake@example.org" };
const withSafeLinks = (() => {
  const catalogue = JSON.parse(readFileSync(repoPath("tests/hostile/script-injection.json"), "utf8"));
  const safe = structuredClone(catalogue.clinics[0]);
  Object.assign(safe, { id: "safe-links", name: "Safe Links Clinic", contact: SAFE });
  catalogue.clinics.push(safe);
  return JSON.stringify(catalogue);
})();

const suite = useBrowserAndServer({
  handler: (req, res) => {
    if (!req.url.startsWith("/script-injection-and-safe-links.json")) return false;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(withSafeLinks);
    return true;
  },
});

test("script-injection payloads in every text field and link never execute", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, "/site/blank.html"));
  await page.waitForFunction(() => window.ClinicCompare);
  await page.evaluate(() => ClinicCompare.mount(document.getElementById("app"), { catalogue: "/script-injection-and-safe-links.json" }));
  await page.locator(".cc-count").waitFor();
  const cards = await page.locator(".cc-card-name").allTextContents();
  assert.ok(cards.some((n) => n.includes("<img src=x onerror=")), "payloads are shown as text");
  assert.ok(cards.includes("Safe Links Clinic"), cards.join("\n"));
  // Visit every view, hover and click everything a family might.
  const seen = {};
  for (const name of cards) {
    await page.getByRole("button", { name: `Details of ${name}`, exact: true }).click();
    await page.getByRole("heading", { name, exact: true, level: 2 }).waitFor();
    for (const link of await page.locator(".cc-details a").all()) await link.hover();
    const hrefs = await page.locator(".cc-details a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    for (const href of hrefs) assert.match(href, /^(https?:|tel:\+?[0-9]+$|mailto:)/, `unsafe href ${href}`);
    seen[name] = hrefs;
    await page.getByRole("button", { name: "← Back to results" }).click();
  }
  // The safe clinic's links are there, so the loop above had links to judge.
  const safe = seen["Safe Links Clinic"];
  for (const expected of [SAFE.website, "tel:+442079460000", `mailto:${SAFE.email}`]) {
    assert.ok(safe.includes(expected), `${expected} among ${safe.join(", ")}`);
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
