// Shared set-up for the end-to-end tests: one static server over the built dist/ and the test pages,
// and Debian's Chromium driven by playwright-core (never a downloaded browser).
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import assert from "node:assert/strict";
import { serve } from "../../scripts/serve.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
export const repoPath = (p) => root + p;

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export function launchBrowser() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** Serves dist/ at "/" and again at "/cdn/v1/" (as a site owner's CDN would), and the test pages at "/site/". */
export function startServer({ mounts, ...options } = {}) {
  return serve({
    mounts: {
      "/": repoPath("dist"),
      "/cdn/v1/": repoPath("dist"),
      "/site/": repoPath("tests/e2e/pages"),
      "/data/": repoPath("data"),
      "/hostile/": repoPath("tests/hostile"),
    },
    ...options,
  });
}

export const urlOf = (server, path) => `http://127.0.0.1:${server.address().port}${path}`;

export const sampleCatalogue = () => JSON.parse(readFileSync(repoPath("data/clinics.json"), "utf8"));

/** Opens a page that records console errors and uncaught exceptions. */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.pageErrors = [];
  page.on("console", (m) => {
    // Browsers ask every host for /favicon.ico; that 404 is the host page's, not ours.
    if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) page.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => page.pageErrors.push(String(e)));
  await page.goto(url);
  return page;
}

/**
 * The usual suite set-up: one browser and one server for all tests in a file. Returns an object whose
 * `browser` and `server` are filled in before the first test.
 */
export function useBrowserAndServer(serverOptions = {}) {
  const suite = {};
  before(async () => {
    [suite.browser, suite.server] = await Promise.all([launchBrowser(), startServer(serverOptions)]);
  });
  after(async () => {
    await suite.browser?.close();
    suite.server?.closeAllConnections?.();
    suite.server?.close();
  });
  return suite;
}

/**
 * Waits (up to 5 s) until `read()` gives `expected`, then asserts it, so the failure shows what was
 * read last. For what an action changes: the widget re-renders after the click, not during it.
 */
export async function eventually(read, expected, message) {
  const end = Date.now() + 5000;
  let got = await read();
  while (!isDeepStrictEqual(got, expected) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 25));
    got = await read();
  }
  assert.deepEqual(got, expected, message);
}

/** axe-core's source, for pages to run it. */
export const AXE = readFileSync(repoPath("node_modules/axe-core/axe.min.js"), "utf8");

/** axe-core over the page, shadow roots included; WCAG 2.0–2.2 A and AA rules. */
export async function expectNoAxeViolations(page, view) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const result = await axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")})`);
  });
  assert.deepEqual(violations, [], `axe violations in ${view}`);
}
