// Embedding for site owners: isolation from host CSS, several widgets, strict CSP, cross-origin
// catalogues, attribute changes, en-US wording, the JS API and the events hosts can listen to.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, startServer, urlOf, openPage, sampleCatalogue, repoPath, eventually } from "./harness.mjs";
import { serve } from "../../scripts/serve.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let browser, server, otherOrigin;
before(async () => {
  [browser, server] = await Promise.all([
    launchBrowser(),
    startServer({ headers: (path) => (path.startsWith("/site/csp/") ? { "content-security-policy": CSP } : {}) }),
  ]);
  // A second origin (another port) serving catalogues, with CORS under /cors/ only.
  otherOrigin = await serve({
    mounts: { "/cors/": repoPath("data"), "/nocors/": repoPath("data") },
    headers: (path) => (path.startsWith("/cors/") ? { "access-control-allow-origin": "*" } : {}),
  });
});
after(async () => {
  await browser?.close();
  server?.close();
  otherOrigin?.close();
});

const total = () => sampleCatalogue().clinics.length;
const countOf = (scope) => scope.locator(".cc-count");

test("host CSS (all: unset, flex divs, 40px root font) cannot break the widget's layout", async () => {
  const page = await openPage(browser, urlOf(server, "/site/hostile.html"));
  await countOf(page).waitFor();
  assert.equal(await countOf(page).textContent(), `${total()} clinics`);
  const cards = page.locator(".cc-card");
  const boxes = [];
  for (let i = 0; i < Math.min(3, await cards.count()); i++) boxes.push(await cards.nth(i).boundingBox());
  // Cards stack vertically, each wide and tall enough to read, none overlapping.
  for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i].y >= boxes[i - 1].y + boxes[i - 1].height - 1, "cards stack");
  for (const b of boxes) assert.ok(b.width > 300 && b.height > 60, `card box ${JSON.stringify(b)}`);
  // Buttons keep their own styling: not the host's red, not absolutely positioned at the top.
  const button = page.getByRole("button", { name: /^Details of/ }).first();
  const style = await button.evaluate((b) => ({ color: getComputedStyle(b).color, position: getComputedStyle(b).position }));
  assert.notEqual(style.color, "rgb(255, 0, 0)");
  assert.equal(style.position, "static");
  const fontSize = await page.locator(".cc-count").evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(fontSize >= 16 && fontSize <= 32, `font size ${fontSize}`);
  await page.screenshot({ path: repoPath("target/e2e-hostile.png"), fullPage: false });
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("two widgets with different catalogues work independently on one page", async () => {
  const page = await openPage(browser, urlOf(server, "/site/two.html"));
  const first = page.locator("#first clinic-compare");
  const second = page.locator("#second clinic-compare");
  await countOf(first).waitFor();
  await countOf(second).waitFor();
  assert.equal(await countOf(first).textContent(), `${total()} clinics`);
  assert.equal(await countOf(second).textContent(), "2 clinics");
  // Shortlisting in one leaves the other alone.
  await second.getByRole("button", { name: "Compare Lakeside Program Center" }).click();
  await eventually(() => second.getByRole("button", { name: "Compare (1)" }).count(), 1);
  assert.equal(await first.getByRole("button", { name: "Compare (0)" }).count(), 1);
  // en-US spelling in the second widget only.
  assert.match(await second.locator(".cc-find").textContent(), /program length/i);
  assert.doesNotMatch(await second.locator(".cc-find").textContent(), /programme/i);
  assert.match(await first.locator(".cc-find").textContent(), /programme length/i);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("works under a strict Content-Security-Policy with no violation", async () => {
  const page = await openPage(browser, urlOf(server, "/site/csp/"));
  await countOf(page).waitFor();
  assert.equal(await countOf(page).textContent(), `${total()} clinics`);
  // Use it a little so every code path that might need inline styles or eval runs.
  await page.getByRole("button", { name: /^Details of/ }).first().click();
  await page.getByRole("button", { name: "← Back to results" }).click();
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(page.consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e)), []);
  await page.context().close();
});

test("a catalogue on another origin loads with CORS, and says clearly when CORS blocks it", async () => {
  const other = `http://127.0.0.1:${otherOrigin.address().port}`;
  const page = await openPage(browser, urlOf(server, "/site/blank.html"));
  await page.waitForFunction(() => window.ClinicCompare);
  await page.evaluate((url) => ClinicCompare.mount(document.getElementById("app"), { catalogue: url }), `${other}/cors/clinics.json`);
  await countOf(page).waitFor();
  assert.equal(await countOf(page).textContent(), `${total()} clinics`);

  await page.evaluate((url) => ClinicCompare.mount(document.querySelector("clinic-compare"), { catalogue: url }), `${other}/nocors/clinics.json`);
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /couldn't load the list of clinics/);
  assert.ok(page.consoleErrors.some((e) => /nocors\/clinics\.json/.test(e) && /CORS/.test(e)), page.consoleErrors.join("\n"));
  await page.context().close();
});

test("changing attributes after mount updates the widget; removing it cleans up", async () => {
  const page = await openPage(browser, urlOf(server, "/site/two.html"));
  const first = page.locator("#first clinic-compare");
  await countOf(first).waitFor();
  await first.evaluate((el) => el.setAttribute("catalogue", "small.json"));
  await first.locator(".cc-count", { hasText: "2 clinics" }).waitFor();
  await first.evaluate((el) => el.setAttribute("lang", "en-US"));
  await first.locator(".cc-find", { hasText: /program length/i }).waitFor();
  const left = await page.evaluate(() => {
    const el = document.querySelector("#first clinic-compare");
    el.remove();
    return el.shadowRoot.childNodes.length;
  });
  assert.equal(left, 0);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("invalid attribute values fall back to defaults with one console warning naming each", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto(urlOf(server, "/site/blank.html"));
  await page.waitForFunction(() => window.ClinicCompare);
  await page.evaluate(() =>
    ClinicCompare.mount(document.getElementById("app"), { catalogue: "/data/clinics.json", units: "furlongs", maxCompare: "99" }),
  );
  await countOf(page).waitFor();
  assert.equal(warnings.filter((w) => w.includes("units")).length, 1, warnings.join("\n"));
  assert.equal(warnings.filter((w) => w.includes("max-compare")).length, 1, warnings.join("\n"));
  await context.close();
});

test("hosts hear ready, filters-changed, compared and contact-clicked events without private data", async () => {
  const page = await openPage(browser, urlOf(server, "/site/blank.html"));
  await page.evaluate(() => {
    window.heard = [];
    for (const name of ["ready", "filters-changed", "compared", "contact-clicked"]) {
      document.addEventListener(`clinic-compare:${name}`, (e) => window.heard.push({ type: e.type, target: e.target.localName, detail: e.detail }));
    }
  });
  await page.waitForFunction(() => window.ClinicCompare);
  await page.evaluate(() => ClinicCompare.mount(document.getElementById("app"), { catalogue: "/data/clinics.json" }));
  await countOf(page).waitFor();
  const option = page.getByRole("checkbox").first();
  await option.check();
  const names = (await page.locator(".cc-card-name").allTextContents()).slice(0, 2);
  await option.uncheck();
  for (const name of names) await page.getByRole("button", { name: `Compare ${name}` }).click();
  await page.getByRole("button", { name: "Compare (2)" }).click();
  await page.locator(".cc-compare-table").waitFor();
  const heard = await page.evaluate(() => window.heard);
  const types = heard.map((h) => h.type);
  assert.equal(types[0], "clinic-compare:ready");
  assert.equal(heard[0].detail.clinics, total());
  assert.ok(heard.every((h) => h.target === "clinic-compare"), "events come from the element");
  const filters = heard.filter((h) => h.type === "clinic-compare:filters-changed");
  assert.equal(filters.length, 2);
  assert.equal(filters[0].detail.filters.length, 1);
  assert.match(filters[0].detail.filters[0], /^[a-z_]+:[a-z0-9_-]+$/);
  const compared = heard.find((h) => h.type === "clinic-compare:compared");
  const byName = new Map(sampleCatalogue().clinics.map((c) => [c.name, c.id]));
  assert.deepEqual(compared.detail.clinics, names.map((n) => byName.get(n)));
  await page.context().close();
});

test("theme follows the visitor's colour scheme unless the site sets light or dark", async () => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto(urlOf(server, "/site/two.html"));
  const first = page.locator("#first clinic-compare");
  await countOf(first).waitFor();
  const background = () => first.locator(".cc-root").evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(await background(), "rgb(22, 24, 29)", "auto follows prefers-color-scheme: dark");
  await first.evaluate((el) => el.setAttribute("theme", "light"));
  assert.equal(await background(), "rgb(255, 255, 255)");
  await page.emulateMedia({ colorScheme: "light" });
  await first.evaluate((el) => el.setAttribute("theme", "dark"));
  assert.equal(await background(), "rgb(22, 24, 29)");
  await context.close();
});
