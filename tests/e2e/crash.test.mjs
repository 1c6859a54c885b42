// The crash fallback of the shipped widget. Its standard library aborts at once on a panic
// (docs/build.md), so a crash is a WebAssembly trap that no Rust code sees: the loader notices the
// RuntimeError and replaces every widget on the page with the crash message, without calling into
// the wasm again. Other scripts' errors, other WebAssembly modules' traps among them, leave the
// widgets alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, urlOf, openPage, eventually } from "./harness.mjs";

const suite = useBrowserAndServer();

/** Opens the page with two widgets (en-GB and en-US) and waits until both list their clinics. */
async function twoWidgets() {
  const page = await openPage(suite.browser, urlOf(suite.server, "/site/two.html"));
  const widgets = [page.locator("#first clinic-compare"), page.locator("#second clinic-compare")];
  for (const widget of widgets) await widget.getByRole("status").filter({ hasText: /\d+ clinics?$/ }).waitFor();
  return { page, widgets };
}

/**
 * Makes the second widget's WebAssembly really trap, through the path the page itself takes: its
 * element's handle (a wasm-bindgen object, kept by the loader) is given an address far beyond the
 * wasm's memory, and an attribute change makes the loader call its `refresh`, whose first read
 * there traps ("memory access out of bounds"). A panic in the shipped build ends the same way, in a
 * trap (`unreachable`) inside the same module. `via` is how the call is made: "attribute" (the
 * trap reaches the page as an 'error' event) or "promise" (as an 'unhandledrejection').
 */
function trap(page, via) {
  return page.evaluate((via) => {
    const element = document.querySelector("#second clinic-compare");
    element._widget.__wbg_ptr = 0xf0000000;
    if (via === "attribute") element.setAttribute("units", "miles");
    else Promise.resolve().then(() => element._widget.refresh());
  }, via);
}

async function expectCrashMessages(page, widgets) {
  for (const [widget, catalogue] of [[widgets[0], "/data/clinics.json"], [widgets[1], "/site/small.json"]]) {
    const alert = widget.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.textContent(), /^Sorry, the clinic finder stopped working\. Please reload the page/);
    const link = alert.getByRole("link", { name: "You can also open the clinic list directly." });
    assert.equal(await link.getAttribute("href"), urlOf(suite.server, catalogue));
    // The message replaces the widget: none of its controls are left to tap.
    assert.equal(await widget.getByRole("button").count(), 0);
    assert.equal(await widget.getByRole("status").count(), 0);
  }
  assert.ok(page.pageErrors.some((e) => /^RuntimeError: memory access out of bounds/.test(e)), `${page.pageErrors}`);
  assert.ok(page.consoleErrors.some((e) => /^clinic-compare crashed:.*RuntimeError/.test(e)), `${page.consoleErrors}`);
}

test("a trap in an event the page sends replaces every widget on the page with the crash message", async () => {
  const { page, widgets } = await twoWidgets();
  await trap(page, "attribute");
  await expectCrashMessages(page, widgets);
  await page.context().close();
});

test("a trap in a promise callback does the same", async () => {
  const { page, widgets } = await twoWidgets();
  await trap(page, "promise");
  await expectCrashMessages(page, widgets);
  // A widget added after the crash is not started on the broken WebAssembly: it says so at once.
  await page.evaluate(() => document.body.append(document.createElement("clinic-compare")));
  const late = page.locator("body > clinic-compare").getByRole("alert");
  await late.waitFor();
  assert.match(await late.textContent(), /the clinic finder could not start/);
  await page.context().close();
});

test("other scripts' errors and other WebAssembly modules' traps leave the widgets working", async () => {
  const { page, widgets } = await twoWidgets();
  await page.evaluate(() => {
    // Registered after the loader's listeners, so each error has been through those when it is here.
    window.seen = 0;
    addEventListener("error", () => window.seen++);
    addEventListener("unhandledrejection", () => window.seen++);
    // (module (func (export "f") unreachable)): a trap, in a module that is not the widget's.
    const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0,
      7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11]);
    const other = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    setTimeout(() => other.exports.f());
    Promise.resolve().then(() => other.exports.f());
    setTimeout(() => { throw new Error("another script's bug"); });
    Promise.reject(new TypeError("another script's rejected promise"));
  });
  await page.waitForFunction(() => window.seen === 4);
  assert.equal(page.pageErrors.filter((e) => /^RuntimeError: unreachable/.test(e)).length, 2);
  // Both widgets still answer: a tap in the second one shortlists a clinic.
  await widgets[1].getByRole("button", { name: "Compare Lakeside Program Center" }).click();
  await eventually(() => widgets[1].getByRole("button", { name: "Compare (1)" }).count(), 1);
  for (const widget of widgets) assert.equal(await widget.getByRole("alert").count(), 0);
  assert.deepEqual(page.consoleErrors.filter((e) => /clinic-compare/.test(e)), []);
  await page.context().close();
});
