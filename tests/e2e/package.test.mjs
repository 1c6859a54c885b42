// The npm package (scripts/package.mjs, `make package`): packed with `npm pack`, installed from the
// tarball into an empty site folder (offline: it has no dependencies), and the widget loads from
// node_modules/ in Chromium, every file from the installed package.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser, repoPath, sampleCatalogue } from "./harness.mjs";
import { serve } from "../../scripts/serve.mjs";
import { makePackage, cargoPackage, DEMO } from "../../scripts/package.mjs";

const INSTALLED = "/node_modules/clinic-compare/dist/";
const work = mkdtempSync(join(tmpdir(), "cc-package-"));
const site = join(work, "site");
const lockBefore = readFileSync(repoPath("package-lock.json"));
let made;
let browser;
let server;

before(async () => {
  made = makePackage(work);
  mkdirSync(site);
  writeFileSync(join(site, "package.json"), JSON.stringify({ name: "example-site", private: true }));
  execFileSync("npm", ["install", made.tarball, "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
    cwd: site,
    stdio: ["ignore", "ignore", "inherit"],
  });
  copyFileSync(repoPath("data/clinics.json"), join(site, "clinics.json"));
  writeFileSync(
    join(site, "index.html"),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Example site</title>
     <script src="${INSTALLED}clinic-compare.js" defer></script>
     <main><clinic-compare catalogue="/clinics.json"></clinic-compare></main></html>`,
  );
  [browser, server] = await Promise.all([launchBrowser(), serve({ mounts: { "/": site } })]);
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

test("the package holds the widget, the schema and the template, and no demo", () => {
  const files = made.files;
  for (const wanted of ["package.json", "README.md", "dist/clinic-compare.js", "data/catalogue.schema.json", "data/clinics-template.csv"]) {
    assert.ok(files.includes(wanted), `${wanted} in ${files.join(", ")}`);
  }
  assert.ok(files.some((f) => /^dist\/clinic-compare\.[0-9a-f]{12}\.wasm$/.test(f)), "hashed wasm");
  assert.ok(files.some((f) => /^dist\/clinic-compare\.[0-9a-f]{12}\.js$/.test(f)), "hashed glue");
  for (const demo of ["dist/index.html", "dist/clinics.json", "dist/demo.css"]) assert.ok(!files.includes(demo), demo);
  // Whatever else the build puts beside the widget (locales, places, glossary…) comes along.
  const built = readdirSync(repoPath("dist"), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(repoPath("dist/").length))
    .filter((p) => !DEMO.has(p.split("/")[0]));
  assert.ok(built.includes("clinic-compare.js"), built.join(", "));
  for (const file of built) assert.ok(files.includes(`dist/${file}`), `dist/${file} is in the package`);

  const installed = JSON.parse(readFileSync(join(site, "node_modules/clinic-compare/package.json"), "utf8"));
  const cargo = cargoPackage();
  assert.equal(installed.name, "clinic-compare");
  assert.equal(installed.version, cargo.version);
  assert.equal(installed.license, cargo.license);
  assert.deepEqual(installed.dependencies ?? {}, {});
  const readme = readFileSync(join(site, "node_modules/clinic-compare/README.md"), "utf8");
  assert.ok(readme.includes(`https://cdn.jsdelivr.net/npm/clinic-compare@${cargo.version}/dist/clinic-compare.js`), "README gives the CDN line");
});

test("the widget loads from the installed package and shows the clinics", async () => {
  const page = await browser.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const count = page.getByRole("status").filter({ hasText: /^\d+ clinics$/ });
  await count.waitFor();
  assert.equal(await count.textContent(), `${sampleCatalogue().clinics.length} clinics`);
  const widgetFiles = requests.filter((p) => p.startsWith("/node_modules/"));
  assert.ok(widgetFiles.some((p) => p.endsWith(".wasm")) && widgetFiles.every((p) => p.startsWith(INSTALLED)), requests.join(", "));
  assert.deepEqual(requests.filter((p) => !p.startsWith(INSTALLED) && !["/", "/clinics.json", "/favicon.ico"].includes(p)), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("packing and installing leave the repository's own npm files alone", () => {
  assert.ok(readFileSync(repoPath("package-lock.json")).equals(lockBefore), "package-lock.json unchanged");
  assert.ok(!existsSync(repoPath("node_modules/clinic-compare")), "not installed into the repository");
});
