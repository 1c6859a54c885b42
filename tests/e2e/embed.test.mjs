// The embedding contract v0: one script tag and one element, classic or module script, from any folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, urlOf, openPage, sampleCatalogue } from "./harness.mjs";

const suite = useBrowserAndServer();

async function expectSampleClinics(page) {
  const clinics = sampleCatalogue().clinics;
  const count = page.getByRole("status").filter({ hasText: /clinics?$/ });
  await count.waitFor();
  assert.equal(await count.textContent(), `${clinics.length} clinics`);
  // Sorted by name, the first page starts with the alphabetically first clinics.
  const byName = clinics.map((c) => c.name).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  for (const name of byName.slice(0, 3)) {
    await page.getByRole("heading", { name, exact: true }).first().waitFor();
  }
  assert.deepEqual(page.pageErrors, []);
  assert.deepEqual(page.consoleErrors, []);
}

test("the demo page lists the sample clinics with a count, through a classic script tag", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, "/"));
  await expectSampleClinics(page);
  // The widget lives in the element's shadow root, not in the host page's DOM.
  const inShadow = await page.evaluate(() => {
    const el = document.querySelector("clinic-compare");
    return { shadow: !!el.shadowRoot?.querySelector(".cc-root"), light: el.children.length };
  });
  assert.deepEqual(inShadow, { shadow: true, light: 0 });
  await page.context().close();
});

test("a type=module script tag works the same", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, "/site/module.html"));
  await expectSampleClinics(page);
  await page.context().close();
});

test("a page in a sub-folder loads the widget from another folder, which finds its wasm itself", async () => {
  const requested = [];
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  page.pageErrors = [];
  page.consoleErrors = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  page.on("pageerror", (e) => page.pageErrors.push(String(e)));
  await page.goto(urlOf(suite.server, "/site/sub/folder/"));
  await expectSampleClinics(page);
  const wasm = requested.filter((p) => p.endsWith(".wasm"));
  assert.equal(wasm.length, 1);
  assert.match(wasm[0], /^\/cdn\/v1\/clinic-compare\.[0-9a-f]{12}\.wasm$/);
  await context.close();
});

test("a missing catalogue shows a readable message in the widget and an error in the console", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, "/site/missing-catalogue.html"));
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /couldn't load the list of clinics/);
  assert.ok(
    page.consoleErrors.some((e) => /no-such-file\.json/.test(e) && /404/.test(e)),
    `console errors: ${page.consoleErrors}`,
  );
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("a catalogue that is not JSON shows a readable message, never a blank box", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, "/site/not-json.html"));
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /couldn't load the list of clinics/);
  assert.ok(page.consoleErrors.some((e) => /not-json\.txt/.test(e)), `console errors: ${page.consoleErrors}`);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});
