// Start-up order: the catalogue downloads while the widget's WebAssembly is still arriving, once, and
// the widget takes that download over — unless the page changed the catalogue in the meantime.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { useBrowserAndServer, urlOf, openPage } from "./harness.mjs";

// A slow WebAssembly download, so the order of requests is plain to see; `?slow` catalogues are
// slower still, so they are still on their way when the widget starts.
const WASM_DELAY_MS = 500;
/** While set, the WebAssembly is held back until this promise resolves (the test lets it go). */
let wasmHeld = null;
const suite = useBrowserAndServer({
  handler: async (req) => {
    if (req.url.endsWith(".wasm") && wasmHeld) await wasmHeld;
    if (req.url.endsWith(".wasm")) await sleep(WASM_DELAY_MS);
    if (req.url.endsWith("?slow")) await sleep(WASM_DELAY_MS * 4);
    return false;
  },
});

/** Records, in page time order, each request's start and each response's arrival. */
function recordNetwork(page) {
  const events = [];
  page.on("request", (r) => events.push({ kind: "request", path: new URL(r.url()).pathname }));
  page.on("response", (r) => events.push({ kind: "response", path: new URL(r.url()).pathname }));
  page.on("requestfailed", (r) => events.push({ kind: "failed", path: new URL(r.url()).pathname }));
  return events;
}

test("the catalogue is requested once, before the widget's code has arrived", async () => {
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  const events = recordNetwork(page);
  await page.goto(urlOf(suite.server, "/"));
  const count = page.getByRole("status").filter({ hasText: /clinics?$/ });
  await count.waitFor();
  assert.match(await count.textContent(), /^\d+ clinics$/);

  const catalogueRequests = events.filter((e) => e.kind === "request" && e.path === "/clinics.json");
  assert.equal(catalogueRequests.length, 1, JSON.stringify(events));
  const asked = events.findIndex((e) => e.kind === "request" && e.path === "/clinics.json");
  const wasmArrived = events.findIndex((e) => e.kind === "response" && e.path.endsWith(".wasm"));
  assert.ok(wasmArrived > 0 && asked < wasmArrived, `catalogue asked at ${asked}, wasm arrived at ${wasmArrived}`);
  await context.close();
});

test("a catalogue changed before the widget starts is the one shown, and the first download is cancelled", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, "/site/blank.html"));
  const events = recordNetwork(page);
  await page.evaluate(() => {
    const element = document.createElement("clinic-compare");
    element.setAttribute("catalogue", "/data/clinics.json?slow");
    document.querySelector("#app").append(element);
    // The widget's code is still on its way: the page changes its mind.
    element.setAttribute("catalogue", "/site/small.json");
  });
  const count = page.getByRole("status").filter({ hasText: /clinics?$/ });
  await count.waitFor();
  assert.equal(await count.textContent(), "2 clinics");
  assert.ok(
    events.some((e) => e.kind === "failed" && e.path === "/data/clinics.json"),
    `the first catalogue download should be cancelled: ${JSON.stringify(events)}`,
  );
  assert.equal(events.filter((e) => e.kind === "request" && e.path === "/site/small.json").length, 1);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("the page says the clinic finder is loading while its code is on its way, then the widget replaces it", async () => {
  // The WebAssembly is held until the message has been seen: it cannot be the widget's doing. (How
  // soon it shows is a figure for `make bench-check`, start.loading_shown_1000_ms.)
  let release;
  wasmHeld = new Promise((r) => (release = r));
  const context = await suite.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(urlOf(suite.server, "/"));
    const loading = page.getByRole("status").filter({ hasText: "Loading the clinic finder…" });
    await loading.waitFor();
    release();
    await page.getByRole("status").filter({ hasText: /clinics?$/ }).waitFor();
    assert.equal(await loading.count(), 0);
  } finally {
    release();
    wasmHeld = null;
    await context.close();
  }
});
