// A national-size catalogue (20,000 clinics) never freezes the host page: every main-thread task
// from mounting to the first results stays under 200 ms (the browser's long-task API).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, urlOf, openPage, sampleCatalogue } from "./harness.mjs";

/** 20,000 clinics made from the sample's, with new ids, names and nearby places. */
function bigCatalogue(n = 20_000) {
  const sample = sampleCatalogue();
  const clinics = [];
  for (let i = 0; i < n; i++) {
    const c = structuredClone(sample.clinics[i % sample.clinics.length]);
    c.id = `${c.id}-${i}`;
    c.name = `${c.name} ${i}`;
    if (c.location.lat !== undefined) {
      c.location.lat = Math.round((c.location.lat + ((i * 7919) % 100) / 500 - 0.1) * 1e4) / 1e4;
      c.location.lon = Math.round((c.location.lon + ((i * 104729) % 100) / 500 - 0.1) * 1e4) / 1e4;
    }
    clinics.push(c);
  }
  return JSON.stringify({ ...sample, clinics });
}

const body = bigCatalogue();
const suite = useBrowserAndServer({
  handler: (req, res) => {
    if (!req.url.startsWith("/big.json")) return false;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(body);
    return true;
  },
});

/** The long tasks (ms) seen from mounting the widget to its first results. */
async function longTasksWhileLoading() {
  const context = await suite.browser.newContext();
  await context.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longTasks.push(Math.round(e.duration));
    }).observe({ type: "longtask", buffered: true });
  });
  const page = await context.newPage();
  await page.goto(urlOf(suite.server, "/site/blank.html"));
  await page.waitForFunction(() => window.ClinicCompare);
  await page.evaluate(() => ClinicCompare.mount(document.getElementById("app"), { catalogue: "/big.json" }));
  await page.locator(".cc-count", { hasText: "20000 clinics" }).waitFor({ timeout: 30_000 });
  const tasks = await page.evaluate(() => window.longTasks);
  await context.close();
  console.log(`long tasks while loading 20,000 clinics (ms): ${tasks.join(", ") || "none"}`);
  return tasks;
}

test("loading 20,000 clinics keeps every main-thread task under 200 ms", async () => {
  // These machines are shared and noisy: one retry before calling it a regression.
  let worst = Math.max(0, ...(await longTasksWhileLoading()));
  if (worst >= 200) worst = Math.max(0, ...(await longTasksWhileLoading()));
  assert.ok(worst < 200, `a task took ${worst} ms`);
});
