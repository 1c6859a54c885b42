// "Near" with any home postcode, ZIP or town (issue #19): the demo finds the nearest services from the
// place files beside the widget, asks which town when a name is shared, explains what it cannot find,
// and fetches nothing but the widget's own files. A missing or broken place file leaves the rest working.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, openPage, urlOf } from "./harness.mjs";

const suite = useBrowserAndServer();
const BOX = { name: "Near (town, postcode or ZIP code)" };

async function demo() {
  const page = await openPage(suite.browser, urlOf(suite.server, "/"));
  page.requests = [];
  page.on("request", (r) => page.requests.push(r.url()));
  await page.locator(".cc-count").waitFor();
  return page;
}

async function search(page, text) {
  await page.getByRole("textbox", BOX).fill(text);
  await page.getByRole("button", { name: "Search", exact: true }).click();
}

/** The distances on the cards shown, in order, as numbers (the demo's units). */
async function distances(page) {
  const texts = await page.locator(".cc-distance").allTextContents();
  return texts.map((t) => parseFloat(t.replace(/,/g, "")));
}

async function nearestFirst(page, chip) {
  await page.locator(".cc-chip", { hasText: chip }).waitFor();
  const d = await distances(page);
  assert.ok(d.length >= 3, `${chip}: distances shown (${d})`);
  assert.deepEqual([...d].sort((a, b) => a - b), d, `${chip}: nearest first (${d})`);
  assert.ok(d[0] < 400, `${chip}: the nearest is near (${d[0]})`);
  return d;
}

test("postcodes, ZIPs and towns give a nearest-first list saying what was understood", async () => {
  const page = await demo();
  const cases = [
    ["SW1A 1AA", /Nearest to SW1A 1 \(City of Westminster, Greater London/],
    ["M1 1AA", /Nearest to M1 1/],
    ["LS1 4AP", /Nearest to LS1 4 \(Leeds/],
    ["Leicester", /Nearest to Leicester/],
    ["90210", /Nearest to 90210 \(Beverly Hills, Los Angeles County, CA\)/],
    ["Worcester, MA", /Nearest to Worcester/],
    ["Leicster", /Nearest to Leicster/],
  ];
  for (const [text, chip] of cases) {
    await search(page, text);
    await nearestFirst(page, chip);
  }
  // The misspelt town is the catalogue's own Leicester (close spellings are forgiven).
  assert.match(await page.locator(".cc-card-place").first().textContent(), /Leicester/);
  // Worcester, MA is in the US: its nearest clinic is Worcester's own, not England's.
  await search(page, "Worcester, MA");
  await page.locator(".cc-chip", { hasText: "Worcester" }).waitFor();
  assert.match(await page.locator(".cc-card-place").first().textContent(), /MA/);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("a shared town name asks which one, most populous first, and the choice sorts the list", async () => {
  const page = await demo();
  await search(page, "Springfield");
  const group = page.getByRole("group", { name: "Which Springfield do you mean?" });
  await group.waitFor();
  const choices = group.getByRole("button");
  assert.ok((await choices.count()) >= 4);
  assert.match(await choices.first().textContent(), /^Springfield \(Greene County, MO\)$/);
  await group.getByRole("button", { name: "Springfield (Hampden County, MA)" }).click();
  await nearestFirst(page, "Nearest to Springfield (Hampden County, MA)");
  assert.equal(await page.getByRole("group", { name: /Which Springfield/ }).count(), 0, "the question goes");
  // With the choices shown, Enter in the box still searches for what is in the box.
  await search(page, "Springfield");
  await group.waitFor();
  await page.getByRole("textbox", BOX).fill("LS1 4AP");
  await page.getByRole("textbox", BOX).press("Enter");
  await nearestFirst(page, "Nearest to LS1 4");
  assert.equal(await group.count(), 0);
  await page.context().close();
});

test("what cannot be found is explained, and the rest keeps working", async () => {
  const page = await demo();
  const error = page.locator("#cc-place-error");
  await search(page, "ZZ9 9ZZ");
  await page.getByText("We couldn't find the UK postcode “ZZ9 9ZZ”").waitFor();
  await search(page, "🏠🏠🏠");
  await page.getByText("We couldn't find “🏠🏠🏠”").waitFor();
  await search(page, "x".repeat(10_000));
  await page.getByText("That is too long for a place.").waitFor();
  await search(page, "Qwxyzzy");
  await page.getByText("We couldn't find “Qwxyzzy”").waitFor();
  // After all that, a real place still works and the message goes.
  await search(page, "LS1 4AP");
  await nearestFirst(page, "Nearest to LS1 4");
  assert.equal(await error.textContent(), "");
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("only the widget's own origin is contacted, and place files only when the catalogue cannot place the text", async () => {
  const page = await demo();
  const origin = new URL(urlOf(suite.server, "/")).origin;
  const footer = page.locator(".cc-footer");
  await search(page, "Leicester");
  await page.locator(".cc-chip", { hasText: "Nearest to Leicester" }).waitFor();
  assert.equal(page.requests.filter((u) => /places/.test(u)).length, 0, "the catalogue knew Leicester");
  assert.doesNotMatch(await footer.textContent(), /GeoNames/, "no place data used, none credited");
  await search(page, "SW1A 1AA");
  await page.locator(".cc-chip", { hasText: "Nearest to SW1A 1" }).waitFor();
  // The data used is credited where the catalogue is, as its licences ask.
  await footer.getByText(/Open Government Licence v\.3\.0/).waitFor();
  await search(page, "90210");
  await page.locator(".cc-chip", { hasText: "Nearest to 90210" }).waitFor();
  await footer.getByText(/US Census Bureau/).waitFor();
  const foreign = page.requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:"));
  assert.deepEqual(foreign, []);
  assert.ok(page.requests.some((u) => /\/places-gb-codes\.[0-9a-f]{12}\.bin$/.test(u)));
  assert.ok(page.requests.every((u) => !/SW1A|90210/.test(u)), "the typed place is in no address");
  await page.context().close();
});

for (const [name, fault] of [
  ["missing (404)", (route) => route.fulfill({ status: 404, body: "Not found" })],
  ["a web page", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><p>Hi" })],
  ["cut short", async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, body.length / 2) });
  }],
]) {
  test(`a place file that is ${name} gives a clear message and the catalogue's own places still work`, async () => {
    const context = await suite.browser.newContext();
    await context.route(/places-gb-codes\.[0-9a-f]+\.bin$/, fault);
    const page = await context.newPage();
    page.pageErrors = [];
    page.on("pageerror", (e) => page.pageErrors.push(String(e)));
    await page.goto(urlOf(suite.server, "/"));
    await page.locator(".cc-count").waitFor();
    await search(page, "SW1A 1AA");
    await page.getByText("Sorry, we can't look up places outside this list right now").waitFor();
    await search(page, "Leicester");
    await nearestFirst(page, "Nearest to Leicester");
    await search(page, "90210");
    await nearestFirst(page, "Nearest to 90210");
    assert.deepEqual(page.pageErrors, []);
    await context.close();
  });
}
