// Privacy, verified: only our own files and the catalogue are fetched, no cookies, nothing stored
// until the family opts in, "Forget everything" leaves none of our keys, and storage that is disabled
// or full does not break the widget.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, urlOf } from "./harness.mjs";

const suite = useBrowserAndServer();

async function mount(page) {
  await page.goto(urlOf(suite.server, "/site/blank.html"));
  await page.waitForFunction(() => window.ClinicCompare);
  await page.evaluate(() => ClinicCompare.mount(document.getElementById("app"), { catalogue: "small.json", persist: true }));
  await page.locator(".cc-count").waitFor();
}

const ourKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("clinic-compare")));

test("a family's whole path fetches only our files and the catalogue, sets no cookie, stores only on opt-in", async () => {
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await mount(page);

  await page.getByRole("textbox", { name: "Near (town, postcode or ZIP code)" }).fill("Albany");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Clear all" }).click();
  await page.getByRole("button", { name: "Compare Lakeside Program Center" }).click();
  await page.getByRole("button", { name: "Compare Hillview Recovery Center" }).click();
  await page.getByRole("button", { name: "Compare (2)" }).click();
  await page.getByRole("button", { name: "Questions to ask" }).click();
  await page.getByRole("textbox", { name: /^Your notes on Lakeside/ }).first().fill("Ring after 10am");
  assert.deepEqual(await ourKeys(page), [], "nothing stored before opting in");

  await page.getByRole("checkbox", { name: "Keep my shortlist and notes on this device" }).check();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("clinic-compare")));
  const stored = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith("clinic-compare"))[1]);
  assert.match(stored, /Ring after 10am/);

  // Kept across a reload.
  await mount(page);
  await page.getByRole("button", { name: "Compare (2)" }).waitFor();
  await page.getByRole("button", { name: "Questions to ask" }).click();
  assert.equal(await page.getByRole("textbox", { name: /^Your notes on Lakeside/ }).first().inputValue(), "Ring after 10am");

  // A kept clinic that the catalogue no longer lists leaves the shortlist when it is restored.
  await page.evaluate(() => {
    const [key, value] = Object.entries(localStorage).find(([k]) => k.startsWith("clinic-compare"));
    const kept = JSON.parse(value);
    kept.shortlist.push("no-longer-listed");
    localStorage.setItem(key, JSON.stringify(kept));
  });
  await mount(page);
  await page.getByRole("button", { name: "Compare (2)" }).waitFor();
  await page.getByRole("button", { name: "Questions to ask" }).click();

  await page.getByRole("button", { name: "Forget everything" }).click();
  await page.getByRole("button", { name: "Compare (0)" }).waitFor();
  assert.deepEqual(await ourKeys(page), [], "forget everything leaves none of our keys");

  assert.deepEqual(await context.cookies(), []);
  const origin = new URL(urlOf(suite.server, "/")).origin;
  const allowed = /^\/(site\/blank\.html|site\/small\.json|cdn\/v1\/clinic-compare(\.[0-9a-f]{12})?\.(js|wasm)|cdn\/v1\/clinic-compare-glossary\.[0-9a-f]{12}\.en\.json|favicon\.ico)$/;
  for (const url of requests) {
    const u = new URL(url);
    assert.equal(u.origin, origin, `request to another origin: ${url}`);
    assert.match(u.pathname, allowed, `unexpected request: ${url}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("storage that is disabled or full does not break the widget", async () => {
  const context = await suite.browser.newContext();
  await context.addInitScript(() => {
    const fail = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
    Storage.prototype.setItem = fail;
    Storage.prototype.getItem = fail;
    Storage.prototype.removeItem = fail;
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await mount(page);
  await page.getByRole("button", { name: "Compare Lakeside Program Center" }).click();
  await page.getByRole("button", { name: "Questions to ask" }).click();
  await page.getByRole("checkbox", { name: "Keep my shortlist and notes on this device" }).check();
  await page.getByRole("textbox", { name: /^Your notes on Lakeside/ }).first().fill("still works");
  await page.getByRole("button", { name: "Forget everything" }).click();
  await page.getByRole("button", { name: "Compare (0)" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
