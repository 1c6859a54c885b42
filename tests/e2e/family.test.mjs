// A family's path through the widget, found the way assistive technology finds things (by role and
// name): near a town, buprenorphine with aftercare, an explanation, a shortlist of three, the
// comparison, the checklist and the print view. axe-core checks every view; a keyboard-only run too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, urlOf, openPage, sampleCatalogue, repoPath, eventually, expectNoAxeViolations } from "./harness.mjs";

const suite = useBrowserAndServer();

const shot = (page, name) => page.screenshot({ path: repoPath(`target/e2e-${name}.png`) });

// The test's own expectations come from the same catalogue file, by brute force.
const clinics = sampleCatalogue().clinics;
// A medicine given only for detox is not a medication option (the filter leaves it out).
const offers = (c, med) => (c.medications || []).some((m) => m.code === med && m.purpose !== "detox");
const aftercareKinds = (c) => c.aftercare?.kinds || [];
const withBup = clinics.filter((c) => offers(c, "buprenorphine") && aftercareKinds(c).length > 0);
const town = withBup[0]?.location.town;

test("a family finds buprenorphine with aftercare near a town, compares three and fills the checklist", async () => {
  assert.ok(town, "the sample catalogue has a clinic with buprenorphine and aftercare");
  const page = await openPage(suite.browser, urlOf(suite.server, "/"), { viewport: { width: 360, height: 740 } });
  await page.locator(".cc-count").waitFor();
  await expectNoAxeViolations(page, "find");
  await shot(page, "find");
  // The emergency panel, open.
  await page.locator("summary", { hasText: "Emergency? Overdose signs" }).click();
  await page.locator(".cc-emergency-body").waitFor({ state: "visible" });
  assert.match(await page.locator(".cc-emergency-body").textContent(), /call 999/);
  await expectNoAxeViolations(page, "emergency");
  await shot(page, "emergency");
  await page.locator("summary", { hasText: "Emergency? Overdose signs" }).click();

  // Near a town.
  await page.getByRole("textbox", { name: "Near (town, postcode or ZIP code)" }).fill(town);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await until(async () => (await page.getByRole("combobox", { name: "Sort by" }).inputValue()) === "nearest");
  assert.match(await page.locator(".cc-card-place").first().textContent(), new RegExp(town));

  // Filters live behind a button on a phone.
  await page.getByRole("button", { name: /^Filters/ }).click();
  const bup = page.getByRole("checkbox", { name: /^Buprenorphine \(\d+\)$/ });
  await bup.check();
  // Read what it is, in plain words.
  const help = page.getByRole("button", { name: "What is this? Buprenorphine", exact: true });
  const explanation = page.locator(`#${await help.getAttribute("aria-controls")}`);
  assert.equal(await explanation.isVisible(), false, "explanations start closed");
  await help.click();
  await eventually(() => help.getAttribute("aria-expanded"), "true");
  await eventually(() => explanation.isVisible(), true);
  assert.ok((await explanation.textContent()).length > 40);
  // It stays open while the counts around it change.
  await bup.uncheck();
  await bup.check();
  assert.equal(await explanation.isVisible(), true);
  assert.equal(await help.getAttribute("aria-expanded"), "true");
  await expectNoAxeViolations(page, "filters panel");
  await shot(page, "filters");

  // Aftercare: pick the first kind offered by a buprenorphine clinic.
  await page.locator("summary", { hasText: /^Aftercare$/ }).click();
  const kind = aftercareKinds(withBup[0])[0];
  const kindBox = page.locator(`#cc-opt-aftercare-${kind}`);
  await kindBox.check();
  const expected = clinics.filter((c) => offers(c, "buprenorphine") && aftercareKinds(c).includes(kind)).length;
  const show = page.getByRole("button", { name: /^Show \d+ clinics?$/ });
  assert.equal(await show.textContent(), `Show ${expected} clinic${expected === 1 ? "" : "s"}`);
  await show.click();
  await eventually(() => page.locator(".cc-count").textContent(), `${expected} clinic${expected === 1 ? "" : "s"}`);
  // Chips show what is on, and can be removed.
  assert.equal(await page.getByRole("button", { name: /remove this filter/ }).count(), 3); // place, medicine, aftercare

  // Shortlist the first result, then loosen the filters and add two more.
  const firstName = await page.locator(".cc-card-name").first().textContent();
  await page.getByRole("button", { name: `Compare ${firstName}` }).click();
  await page.getByRole("button", { name: "Clear all" }).click();
  const names = [firstName];
  for (const name of await page.locator(".cc-card-name").allTextContents()) {
    if (names.length === 3) break;
    if (names.includes(name)) continue;
    await page.getByRole("button", { name: `Compare ${name}` }).click();
    names.push(name);
  }
  await expectNoAxeViolations(page, "results");
  await shot(page, "results");

  // Details of one, with its answers.
  const shown = await page.locator(".cc-card-name").first().textContent();
  await page.getByRole("button", { name: `Details of ${shown}`, exact: true }).click();
  await page.getByRole("heading", { name: shown, level: 2 }).waitFor();
  await expectNoAxeViolations(page, "details");
  await shot(page, "details");
  await page.getByRole("button", { name: "← Back to results" }).click();

  // Compare side by side.
  await page.getByRole("button", { name: "Compare (3)" }).click();
  const table = page.getByRole("table");
  await table.waitFor();
  assert.deepEqual(await table.getByRole("columnheader").locator(".cc-col-name").allTextContents(), names);
  // Rows where all three clinics say the same: there must be some, or the option has nothing to hide.
  const sameEverywhere = () =>
    table.locator("tbody tr:not(.cc-topic)").evaluateAll((rows) =>
      rows.filter((r) => new Set([...r.querySelectorAll("td")].map((td) => td.textContent)).size === 1).length,
    );
  const rowsBefore = await table.getByRole("row").count();
  const sameBefore = await sameEverywhere();
  assert.ok(sameBefore > 0, "the three clinics agree on something");
  await page.getByRole("checkbox", { name: "Only show differences" }).check();
  await eventually(sameEverywhere, 0, "only differences hides rows where all clinics agree");
  const rowsAfter = await table.getByRole("row").count();
  assert.ok(rowsAfter <= rowsBefore - sameBefore && rowsAfter > 1, `${rowsBefore} rows, ${sameBefore} the same, ${rowsAfter} after`);
  await expectNoAxeViolations(page, "compare");
  await shot(page, "compare");

  // Questions to ask.
  await page.getByRole("button", { name: "Questions to ask" }).click();
  await page.getByRole("heading", { name: "Questions to ask", level: 2 }).waitFor();
  const asked = page.getByRole("checkbox", { name: new RegExp(`^Asked \\(${escape(names[0])}`) }).first();
  await asked.check();
  const note = page.getByRole("textbox", { name: new RegExp(`^Your notes on ${escape(names[0])}`) }).first();
  await note.fill("They call back within a day");
  // "Copy as text" puts the questions, their answers and the family's notes on the clipboard.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy as text" }).click();
  await page.getByRole("status").filter({ hasText: "Copied." }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /\[x\] .*\n {4}Their answer: /);
  assert.match(copied, /My notes: They call back within a day/);
  await expectNoAxeViolations(page, "checklist");
  await shot(page, "checklist");
  assert.equal(await page.evaluate(() => localStorage.length), 0, "nothing stored without opting in");

  // Print view hides the controls.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.getByRole("button", { name: "Copy as text" }).isVisible(), false);
  assert.equal(await page.getByRole("textbox", { name: new RegExp(`^Your notes on ${escape(names[0])}`) }).first().isVisible(), true);
  await shot(page, "print");
  await page.emulateMedia({ media: "screen" });
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

async function until(check, timeout = 5000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${check}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The focused element, looking inside shadow roots. */
const deepFocus = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const label = el?.labels?.[0]?.textContent || el?.getAttribute("aria-label") || el?.textContent || "";
    return { tag: el?.localName, label: label.trim().replace(/\s+/g, " "), id: el?.id };
  });

async function tabUntil(page, matches, limit = 400, key = "Tab") {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const f = await deepFocus(page);
    if (matches(f)) return f;
  }
  throw new Error("never reached the control by Tab");
}

test("the whole path works with the keyboard alone", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, "/"), { viewport: { width: 1280, height: 900 } });
  await page.locator(".cc-count").waitFor();
  await tabUntil(page, (f) => f.id === "cc-place-input");
  await page.keyboard.type(town);
  await page.keyboard.press("Enter");
  await page.locator(".cc-chip", { hasText: town }).waitFor();
  await tabUntil(page, (f) => f.tag === "input" && /^Buprenorphine/.test(f.label));
  await page.keyboard.press("Space");
  await page.locator(".cc-chip", { hasText: "Buprenorphine" }).waitFor();
  await tabUntil(page, (f) => f.tag === "button" && /^Compare /.test(f.label) && f.label !== "Compare (0)");
  await page.keyboard.press("Enter");
  await tabUntil(page, (f) => f.tag === "button" && /^Details of /.test(f.label));
  await page.keyboard.press("Enter");
  const focusedHeading = await deepFocus(page);
  assert.equal(focusedHeading.tag, "h2", "focus moves to the details heading");
  // Back up to the tabs, then open the comparison.
  await tabUntil(page, (f) => f.label === "Compare (1)", 50, "Shift+Tab");
  await page.keyboard.press("Enter");
  await page.getByRole("table").waitFor();
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("an empty result says which choice to undo and how many clinics that brings back", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, "/"));
  await page.locator(".cc-count").waitFor();
  await page.getByRole("checkbox", { name: /^Ibogaine \(\d+\)$/ }).check();
  await page.locator("summary", { hasText: /^Price and programme length$/ }).click();
  await page.getByRole("combobox", { name: "Price per week, up to" }).selectOption("500");
  await page.getByText("No clinics match all of these choices.").waitFor();
  assert.equal(await page.locator(".cc-count").textContent(), "0 clinics");
  const ibogaine = clinics.filter((c) => (c.medications || []).some((m) => m.code === "ibogaine")).length;
  const undo = page.getByRole("button", { name: new RegExp(`^Remove “Up to 500 a week” \\(${ibogaine} clinics?\\)$`) });
  await undo.click();
  await eventually(() => page.locator(".cc-count").textContent(), `${ibogaine} clinic${ibogaine === 1 ? "" : "s"}`);
  await page.context().close();
});

test("a length limit keeps the services with no fixed length, and its chip says so", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, "/"));
  await page.locator(".cc-count").waitFor();
  await page.locator("summary", { hasText: /^Price and programme length$/ }).click();
  await page.getByRole("combobox", { name: "Programme length, up to" }).selectOption("14");
  const days = (c) => c.programme_days || [];
  const open = clinics.filter((c) => days(c).length === 0).length;
  const expected = clinics.filter((c) => days(c).length === 0 || days(c).some((d) => d <= 14)).length;
  assert.ok(open > 0 && expected < clinics.length, "the sample has both kinds");
  await page.getByRole("button", { name: "Programme up to 14 days, or no fixed length — remove this filter" }).waitFor();
  await until(async () => (await page.locator(".cc-count").textContent()) === `${expected} clinics`);
  await page.context().close();
});

test("“Use my location” sorts by distance from where the family is, without sending it anywhere", async () => {
  const context = await suite.browser.newContext({
    geolocation: { latitude: 53.4808, longitude: -2.2426 },
    permissions: ["geolocation"],
  });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(urlOf(suite.server, "/"));
  await page.locator(".cc-count").waitFor();
  const before = requests.length;
  await page.getByRole("button", { name: "Use my location" }).click();
  await page.locator(".cc-chip", { hasText: "Nearest to your location" }).waitFor();
  const first = await page.locator(".cc-card-place").first().textContent();
  assert.match(first, /(Manchester|Salford).*miles/);
  assert.equal(requests.length, before, "no request carries the location");
  await context.close();
});

test("the place box keeps what is typed until it is searched, and shows the place searched for", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, "/"));
  await page.locator(".cc-count").waitFor();
  const box = page.getByRole("textbox", { name: "Near (town, postcode or ZIP code)" });
  await box.fill("Qwxyzzy");
  // Anything else the family does in between leaves the typing alone.
  await page.locator("summary", { hasText: /^Cost and funding$/ }).click();
  await page.getByRole("checkbox", { name: /^Free on the NHS \(\d+\)$/ }).check();
  assert.equal(await box.inputValue(), "Qwxyzzy");
  await box.press("Enter");
  await page.getByText("We couldn't find “Qwxyzzy”").waitFor();
  await box.fill(`  ${town} `);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.locator(".cc-chip", { hasText: town }).waitFor();
  assert.equal(await page.getByText("We couldn't find").count(), 0, "the message goes once a place is found");
  assert.equal(await box.inputValue(), town);
  // After another view, the box still shows the place the list is sorted by.
  await page.getByRole("button", { name: "Compare (0)" }).click();
  await page.getByRole("button", { name: "Find clinics" }).click();
  assert.equal(await box.inputValue(), town);
  await page.context().close();
});
