// The catalogue workshop (dist/workshop/): a site owner's file read in the browser by the CLI's own
// importers and validation, the report, the preview widget, the download, and nothing uploaded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowserAndServer, urlOf, openPage, repoPath, AXE } from "./harness.mjs";

const suite = useBrowserAndServer();
const EXAMPLE = repoPath("data/clinics-example.csv");
// An MA-sized synthetic export (scripts/make-findtreatment-export.py), dated in its file name.
const FINDTREATMENT = repoPath("tests/fixtures/import/findtreatment-synthetic-ma-2025-08-19.csv");
const UNDATED_EXPORT = repoPath("tests/fixtures/import/findtreatment-sample.csv");

/** The site owner's CLI, as the README tells them to run it. */
function cli(...args) {
  try {
    const stdout = execFileSync("cargo", ["run", "--quiet", "--bin", "clinic-catalogue", "--", ...args], {
      cwd: repoPath(""),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { code: 0, stdout };
  } catch (e) {
    return { code: e.status, stdout: String(e.stdout) + String(e.stderr) };
  }
}

/** Clinics the CLI's import makes from a CSV file (with `options`, e.g. `--keep-non-opioid`). */
function cliClinicCount(kind, file, ...options) {
  const dir = mkdtempSync(join(tmpdir(), "workshop-"));
  const out = join(dir, "clinics.json");
  const { code, stdout } = cli("import", kind, file, "--date", "2026-01-01", "-o", out, ...options);
  assert.equal(code, 0, stdout);
  return JSON.parse(readFileSync(out, "utf8")).clinics.length;
}

async function openWorkshop(options) {
  const page = await openPage(suite.browser, urlOf(suite.server, "/workshop/"), options);
  page.requests = [];
  page.on("request", (r) => page.requests.push({ url: r.url(), method: r.method() }));
  // Requests made before the listener (the page itself and its files) are checked through the
  // context's record below; open a fresh page for a complete log.
  return page;
}

const fileInput = (page) => page.getByLabel("Choose a file, or drag it here");
const report = (page) => page.getByRole("region", { name: "2. What the workshop found" });
const preview = (page) => page.getByRole("region", { name: "3. Preview: what families will see" });

async function widgetCount(page) {
  const count = preview(page).getByRole("status").filter({ hasText: /clinics?$/ });
  await count.waitFor();
  return count.textContent();
}

test("the example spreadsheet: report, preview, download, and the download validates with the CLI", async () => {
  const expected = cliClinicCount("csv", EXAMPLE);
  assert.ok(expected >= 5, `the example has clinics (${expected})`);
  const context = await suite.browser.newContext({ acceptDownloads: true });
  const requests = [];
  context.on("request", (r) => requests.push({ url: r.url(), method: r.method() }));
  const page = await context.newPage();
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(urlOf(suite.server, "/workshop/"));

  await fileInput(page).setInputFiles(EXAMPLE);
  await report(page).getByText(`${expected} clinics will show.`).waitFor();
  await report(page).getByText(/^0 errors, \d+ warnings?\.$/).waitFor();
  await report(page).getByText("This file was read as a spreadsheet in the template layout.").waitFor();
  assert.equal(await widgetCount(page), `${expected} clinics`);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download clinics.json" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "clinics.json");
  const saved = join(mkdtempSync(join(tmpdir(), "workshop-")), "clinics.json");
  await download.saveAs(saved);
  const validated = cli("validate", saved);
  assert.equal(validated.code, 0, validated.stdout);
  assert.match(validated.stdout, new RegExp(`${expected} clinics loaded, 0 errors`));

  // Nothing left the machine: every request went to the page's own server or to a blob: address
  // the page made, and none sent anything.
  const origin = new URL(urlOf(suite.server, "/")).origin;
  const elsewhere = requests.filter((r) => !r.url.startsWith(origin + "/") && !r.url.startsWith("blob:" + origin + "/"));
  assert.deepEqual(elsewhere, []);
  assert.deepEqual(requests.filter((r) => r.method !== "GET"), []);
  assert.ok(requests.some((r) => /\/workshop\/workshop\.[0-9a-f]{12}\.wasm$/.test(r.url)), "the workshop's wasm is in the log");
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a FindTreatment.gov export: report and preview", async () => {
  const expected = cliClinicCount("findtreatment", FINDTREATMENT);
  const page = await openWorkshop();
  await fileInput(page).setInputFiles(FINDTREATMENT);
  await report(page).getByText("This file was read as a FindTreatment.gov export.").waitFor();
  await report(page).getByText(`${expected} clinic${expected === 1 ? "" : "s"} will show.`).waitFor();
  assert.equal(await widgetCount(page), `${expected} clinic${expected === 1 ? "" : "s"}`);
  await report(page).getByText("The catalogue is dated 2025-08-19, the date in the file name.").waitFor();

  // The CLI's --keep-non-opioid as a labelled checkbox: ticking it reads the file again, keeping the
  // sites that say they do not treat opioid use disorder, as the CLI does; unticking leaves them out.
  const keptByCli = cliClinicCount("findtreatment", FINDTREATMENT, "--keep-non-opioid");
  assert.ok(keptByCli > expected, `the export has such sites (${keptByCli} > ${expected})`);
  await report(page).getByText(/rows left out: not for opioid use disorder .*“Keep services that say they do not treat opioid addiction” keeps them/).first().waitFor();
  await page.getByText("More settings").click();
  const keep = page.getByRole("checkbox", { name: "Keep services that say they do not treat opioid addiction" });
  await keep.check();
  await report(page).getByText(`${keptByCli} clinics will show.`).waitFor();
  await preview(page).getByRole("status").filter({ hasText: new RegExp(`^${keptByCli} clinics$`) }).waitFor();
  await keep.uncheck();
  await report(page).getByText(`${expected} clinics will show.`).waitFor();
  assert.ok(await page.getByRole("checkbox", { name: "Keep FindTreatment.gov’s information-only codes" }).isVisible());

  // An export whose file name has no date is not dated today: the page asks for the date.
  await fileInput(page).setInputFiles(UNDATED_EXPORT);
  await report(page).getByText(/file name has no date.*Fill in "Date the list was last checked"/i).waitFor();
  assert.equal(await preview(page).count(), 0, "no preview without a catalogue");
  await page.getByLabel("Date the list was last checked").fill("2025-09-01");
  const sampleClinics = cliClinicCount("findtreatment", UNDATED_EXPORT);
  await report(page).getByText(`${sampleClinics} clinic${sampleClinics === 1 ? "" : "s"} will show.`).waitFor();
  await report(page).getByText("The catalogue is dated with the date you gave.").waitFor();
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

/** Sets a file made from `bytes` on the file input. */
async function drop(page, name, bytes, mimeType = "text/csv") {
  await fileInput(page).setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
}

async function expectAlert(page, pattern) {
  const alert = report(page).getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), pattern);
}

test("hostile and mistaken files each get a clear message, and the page keeps working", async () => {
  const page = await openWorkshop();
  await drop(page, "empty.csv", "");
  await expectAlert(page, /The file is empty/);
  await drop(page, "clinics.xlsx", Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(200)]), "application/zip");
  await expectAlert(page, /Excel or OpenDocument workbook.*CSV UTF-8/);
  await drop(page, "photo.png", Buffer.concat([Buffer.from([0x89]), Buffer.from("PNG\r\n\x1a\n"), Buffer.alloc(50)]), "image/png");
  await expectAlert(page, /picture/);
  await drop(page, "broken.json", "{\"schema_version\": 1, \"clinics\": [");
  await report(page).getByText(/not valid JSON: expected .* at line 1/).waitFor();
  await report(page).getByText("No catalogue was made: fix the problems below, save the file, and choose it again.").waitFor();

  // A column the layout requires is missing: the header row is named, and the column.
  const withoutTown = readFileSync(EXAMPLE, "utf8").replace(/,town,/, ",");
  await drop(page, "no-town.csv", withoutTown);
  const header = report(page).getByRole("heading", { name: "Row 1 (the header row)" });
  await header.waitFor();
  await report(page).getByText(/the header has no "town" column, which is required/i).waitFor();

  // A 200 MB file is refused before it is read (made in the page: a drop, as a site owner would).
  await page.evaluate(() => {
    const big = new File([new Uint8Array(200 * 1024 * 1024)], "national.csv", { type: "text/csv" });
    const data = new DataTransfer();
    data.items.add(big);
    document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expectAlert(page, /The file is 200 MB, more than the 64 MB/);

  // Other encodings are read, with a note: Windows-1252 and UTF-16 (with its byte-order mark).
  const example = readFileSync(EXAMPLE, "utf8").replace("Example House Recovery Centre", "Example Café Recovery Centre");
  await drop(page, "latin.csv", Buffer.from(example, "latin1"));
  await report(page).getByText(/read as Windows-1252/).waitFor();
  await report(page).getByText(/clinics will show\./).waitFor();
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(example, "utf16le")]);
  await drop(page, "utf16.csv", utf16);
  await report(page).getByText(/saved as UTF-16 text/).waitFor();
  await preview(page).getByRole("heading", { name: "Example Café Recovery Centre" }).first().waitFor();
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("axe finds no WCAG 2.2 AA violations on the workshop, before and after a file is read", async () => {
  const page = await openWorkshop({ viewport: { width: 360, height: 740 } });
  await page.evaluate(AXE);
  const check = async (when) => {
    const violations = await page.evaluate(async () => {
      const result = await axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    assert.deepEqual(violations, [], `axe violations ${when}`);
  };
  await check("before a file is chosen");
  await fileInput(page).setInputFiles(EXAMPLE);
  await widgetCount(page);
  await page.getByText("More settings").click();
  await check("with the report, the settings and the preview");
  await page.context().close();
});

test("keyboard only: choose a file, read the report, download", async () => {
  const context = await suite.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  // Listening before the page loads: Playwright turns on file-chooser interception asynchronously when
  // the first listener is added, so a listener added together with the key press can miss the chooser.
  const chosen = page.waitForEvent("filechooser");
  await page.goto(urlOf(suite.server, "/workshop/"));
  const focusedName = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);
  // Tab from the top of the page to the file input; Space opens the file chooser.
  for (let i = 0; i < 10 && (await focusedName()) !== "file"; i++) await page.keyboard.press("Tab");
  assert.equal(await focusedName(), "file");
  const [chooser] = await Promise.all([chosen, page.keyboard.press("Space")]);
  await chooser.setFiles(EXAMPLE);
  await report(page).getByText(/clinics will show\./).waitFor();
  for (let i = 0; i < 40 && (await focusedName()) !== "download"; i++) await page.keyboard.press("Tab");
  assert.equal(await focusedName(), "download");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.equal(download.suggestedFilename(), "clinics.json");
  await context.close();
});
