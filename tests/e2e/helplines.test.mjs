// The emergency panel gives the numbers for the clinics' country (both when the list spans the UK
// and the US), as tel: links, and the same numbers are on the printed comparison and checklist and
// in "Copy as text". Catalogues of one country are the sample's clinics of that country.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, urlOf, sampleCatalogue } from "./harness.mjs";

const suite = useBrowserAndServer();
const sample = sampleCatalogue();
const only = (country) => ({ ...sample, clinics: sample.clinics.filter((c) => c.location.country === country) });

/** Opens `path`, its catalogue replaced by `catalogue` when given. */
async function open(path, catalogue) {
  const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
  if (catalogue) await context.route("**/clinics.json", (route) => route.fulfill({ json: catalogue }));
  const page = await context.newPage();
  page.pageErrors = [];
  page.on("pageerror", (e) => page.pageErrors.push(String(e)));
  await page.goto(urlOf(suite.server, path));
  await page.locator(".cc-count").waitFor();
  await page.locator("summary", { hasText: "Emergency? Overdose signs" }).click();
  return page;
}

const link = (page, name) => page.getByRole("link", { name, exact: true });

async function expectLink(page, name, href) {
  await link(page, name).waitFor();
  assert.equal(await link(page, name).getAttribute("href"), href, name);
}

test("en-GB with UK clinics: 999, NHS 111 and FRANK, and no US numbers", async () => {
  const page = await open("/", only("GB"));
  await expectLink(page, "Call 999", "tel:999");
  await expectLink(page, "NHS 111", "tel:111");
  await expectLink(page, "FRANK 0300 123 6600", "tel:03001236600");
  await page.getByRole("heading", { name: "Helplines in the UK" }).waitFor();
  assert.equal(await page.getByRole("link", { name: /911|988|1-800/ }).count(), 0);
  const body = await page.locator(".cc-emergency-body").textContent();
  assert.match(body, /call 999 now/);
  assert.match(body, /second dose/);
  assert.doesNotMatch(body, /muscle spasms/);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("en-US with US clinics: 911, 988 and SAMHSA's 1-800-662-4357, and no UK numbers", async () => {
  const page = await open("/examples/us-english.html", only("US"));
  await expectLink(page, "Call 911", "tel:911");
  await expectLink(page, "988 Suicide & Crisis Lifeline", "tel:988");
  await expectLink(page, "SAMHSA National Helpline 1-800-662-4357", "tel:18006624357");
  assert.equal(await page.getByRole("link", { name: /999|111|FRANK/ }).count(), 0);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("a list spanning both countries shows both, each under its heading", async () => {
  const page = await open("/");
  await page.getByRole("heading", { name: "Helplines in the UK" }).waitFor();
  await page.getByRole("heading", { name: "Helplines in the US" }).waitFor();
  await expectLink(page, "Call 999 (the UK)", "tel:999");
  await expectLink(page, "Call 911 (the US)", "tel:911");
  await expectLink(page, "FRANK 0300 123 6600", "tel:03001236600");
  await expectLink(page, "SAMHSA National Helpline 1-800-662-4357", "tel:18006624357");
  await page.context().close();
});

/** The print-only helplines box, visible on paper and nowhere else. */
async function expectPrintedHelplines(page, numbers) {
  const box = page.locator(".cc-print-helplines");
  assert.equal(await box.isVisible(), false, "the box is for paper only");
  await page.emulateMedia({ media: "print" });
  await box.waitFor({ state: "visible" });
  const text = await box.innerText();
  for (const n of numbers) assert.ok(text.includes(n), `${n} is printed: ${text}`);
  assert.equal(await page.getByRole("button", { name: "Print" }).isVisible(), false);
  await page.emulateMedia({ media: "screen" });
  await box.waitFor({ state: "hidden" });
}

for (const [country, path, numbers] of [
  ["GB", "/", ["999", "111", "FRANK 0300 123 6600"]],
  ["US", "/examples/us-english.html", ["911", "988", "1-800-662-4357"]],
]) {
  test(`the printed and copied comparison and checklist carry the ${country} numbers`, async () => {
    const page = await open(path, only(country));
    await page.locator("summary", { hasText: "Emergency? Overdose signs" }).click();
    for (const button of await page.getByRole("button", { name: /^Compare (?!\()/ }).all().then((b) => b.slice(0, 2))) {
      await button.click();
    }
    await page.getByRole("button", { name: "Compare (2)" }).click();
    await page.getByRole("table").waitFor();
    await expectPrintedHelplines(page, numbers);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    for (const view of ["Compare (2)", "Questions to ask"]) {
      await page.getByRole("button", { name: view }).click();
      await page.getByRole("button", { name: "Print" }).waitFor();
      if (view !== "Compare (2)") await expectPrintedHelplines(page, numbers);
      await page.evaluate(() => navigator.clipboard.writeText(""));
      await page.getByRole("button", { name: "Copy as text" }).click();
      await page.getByRole("status").filter({ hasText: "Copied." }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      for (const n of numbers) assert.ok(copied.includes(n), `${n} is in the copied ${view}`);
    }
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
}
