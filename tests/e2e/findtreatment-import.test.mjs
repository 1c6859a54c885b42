// A realistic FindTreatment.gov export (the synthetic Massachusetts-sized fixture: every code of the
// key, the real file's quirks), imported with the command-line tool and shown in the widget, reads
// as a family needs: "only" groups only where only that sex is taken, telehealth and naloxone as
// filters with the right counts, languages by name, a filter panel of at most 150 options, and the
// sites that do not treat opioid use disorder left out and reported.
//
// The expected figures are worked out here from the CSV itself (an oracle independent of the
// importer), following the rules in docs/catalogue.md.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowserAndServer, urlOf, openPage, repoPath } from "./harness.mjs";

const FIXTURE = repoPath("tests/fixtures/import/findtreatment-synthetic-ma-2025-08-19.csv");

/** The CSV's rows as objects keyed by trimmed header names (RFC 4180 quoting, CRLF). */
function readExport(path) {
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  const split = (line) => {
    const out = [];
    let cell = "", quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = !quoted;
      else if (c === "," && !quoted) { out.push(cell); cell = ""; }
      else cell += c;
    }
    out.push(cell);
    return out;
  };
  const names = split(lines[0]).map((h) => h.trim().toLowerCase());
  return lines.slice(1).filter((l) => l.length).map((l, i) => {
    const cells = split(l);
    const row = { line: i + 2, flags: new Set() };
    names.forEach((n, c) => {
      if (c < 17) row[n] = cells[c].trim();
      else if (cells[c] === "1") row.flags.add(n);
    });
    return row;
  });
}

/** Sites as the import groups them, and which of them belong in the catalogue. */
function expectedSites(rows) {
  const key = (r) => ["name1", "street1", "city", "state"].map((c) => r[c].split(/\s+/).join(" ").toLowerCase()).join("|");
  const sites = new Map();
  for (const r of rows) {
    if (!sites.has(key(r))) sites.set(key(r), []);
    sites.get(key(r)).push(r);
  }
  const kept = [], excluded = [];
  for (const site of sites.values()) {
    const su = site.filter((r) => r.type_facility === "SU");
    if (!su.length) continue;
    const notOud = su.every((r) => ["noop", "audo", "duo"].some((c) => r.flags.has(c)));
    const flags = new Set(site.flatMap((r) => [...r.flags]));
    (notOud ? excluded : kept).push({ name: su[0].name1, flags, lines: site.map((r) => r.line) });
  }
  return { kept, excluded };
}

let catalogue, report, expected;
before(() => {
  const dir = mkdtempSync(join(tmpdir(), "ft-import-"));
  try {
    const out = join(dir, "catalogue.json");
    const run = spawnSync("cargo", ["run", "--quiet", "--bin", "clinic-catalogue", "--", "import", "findtreatment", FIXTURE, "-o", out], {
      encoding: "utf8",
    });
    assert.equal(run.status, 0, run.stderr);
    report = run.stderr;
    catalogue = readFileSync(out, "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expected = expectedSites(readExport(FIXTURE));
});

const suite = useBrowserAndServer({
  handler: (req, res) => {
    if (!req.url.startsWith("/findtreatment.json")) return false;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(catalogue);
    return true;
  },
});

async function widget() {
  const page = await openPage(suite.browser, urlOf(suite.server, "/site/blank.html"));
  await page.waitForFunction(() => window.ClinicCompare);
  await page.evaluate(() => ClinicCompare.mount(document.getElementById("app"), { catalogue: "/findtreatment.json", lang: "en-US" }));
  await page.locator(".cc-count", { hasText: `${expected.kept.length} clinics` }).waitFor({ timeout: 30_000 });
  return page;
}

/** Every filter group, opened, with its options' labels and counts. */
async function filterPanel(page) {
  const groups = page.locator("details.cc-filter-group:has(fieldset)");
  const panel = [];
  for (let i = 0; i < (await groups.count()); i++) {
    const group = groups.nth(i);
    if (!(await group.evaluate((d) => d.open))) await group.locator("summary").click();
    const title = (await group.locator("legend").textContent()).trim();
    const fieldset = page.getByRole("group", { name: title, exact: true });
    await fieldset.getByRole("checkbox").first().waitFor();
    const labels = await fieldset.locator(".cc-option label").allTextContents();
    const options = labels.map((l) => {
      const m = l.match(/^(.*) \((\d+)\)$/s);
      return { label: m[1].trim(), count: Number(m[2]) };
    });
    panel.push({ title, options });
  }
  return panel;
}

const option = (panel, title, label) => panel.find((g) => g.title === title)?.options.find((o) => o.label === label);
const count = (pred) => expected.kept.filter((s) => pred(s.flags)).length;

test("a FindTreatment.gov export reads as a family needs it in the widget", async () => {
  const page = await widget();
  const panel = await filterPanel(page);
  const sizes = panel.map((g) => `${g.title}: ${g.options.length}`);
  console.log(`filter panel (${panel.reduce((n, g) => n + g.options.length, 0)} options): ${sizes.join("; ")}`);
  await page.screenshot({ path: repoPath("target/findtreatment-filters.png"), fullPage: true });

  // At most 150 options in all, none of the groups a wall of checkboxes.
  const total = panel.reduce((n, g) => n + g.options.length, 0);
  assert.ok(total <= 150, `${total} options`);
  for (const g of panel) assert.ok(g.options.length <= 25, `${g.title}: ${g.options.length} options`);
  assert.ok(!panel.some((g) => g.title === "Other features"), "no catch-all group of source codes");

  // "Women only" / "Men only" only where that sex is the only one taken; a programme for women at
  // a mixed service is not one.
  const womenOnly = count((f) => f.has("fem") && !f.has("male"));
  const menOnly = count((f) => f.has("male") && !f.has("fem"));
  assert.ok(womenOnly > 0 && menOnly > 0, "the fixture has single-sex services");
  assert.equal(option(panel, "Who the service is for", "Women only")?.count, womenOnly);
  assert.equal(option(panel, "Who the service is for", "Men only")?.count, menOnly);
  assert.equal(option(panel, "Who the service is for", "Program for women")?.count, count((f) => f.has("wn")));
  assert.equal(option(panel, "Who they take", "Women")?.count, count((f) => f.has("fem")));

  // Telehealth and naloxone are filters, with the export's counts.
  assert.equal(option(panel, "Other help", "Video or phone appointments (telehealth)")?.count, count((f) => f.has("tele")));
  assert.equal(option(panel, "Other help", "Naloxone and overdose training")?.count, count((f) => f.has("noe")));

  // Every language by its name, never a bare code.
  const languages = panel.find((g) => g.title === "Languages").options.map((o) => o.label);
  assert.ok(languages.includes("Spanish") && languages.includes("American Sign Language"), languages.join(", "));
  for (const name of languages) assert.doesNotMatch(name, /^[a-z]{2,3}(-[a-z]{2})?$/i, `language shown as a code: ${name}`);

  // Sites that do not treat opioid use disorder are absent, and the import said so.
  assert.ok(expected.excluded.length > 0, "the fixture has sites that do not treat OUD");
  const reported = [...report.matchAll(/(\d+) × not for opioid use disorder/g)].reduce((n, m) => n + Number(m[1]), 0);
  assert.equal(reported, expected.excluded.reduce((n, s) => n + s.lines.length, 0), report);
  // (A name the export also gives a kept site elsewhere would be found for that site.)
  const gone = expected.excluded.find((s) => !expected.kept.some((k) => k.name.toLowerCase() === s.name.toLowerCase()))?.name;
  assert.ok(gone, "an excluded site with a name of its own");
  // Searching for its name finds the sites that share words with it, never the site itself; a
  // site that is in the catalogue is found the same way.
  const search = page.getByRole("searchbox", { name: "Search by name or town" });
  await search.fill(expected.kept[0].name);
  await page.getByRole("button", { name: `Details of ${expected.kept[0].name}`, exact: true }).first().waitFor();
  await search.fill(gone);
  await page.locator(".cc-count").filter({ hasNotText: `${expected.kept.length} clinics` }).waitFor();
  await page.getByRole("button", { name: `Details of ${expected.kept[0].name}`, exact: true }).first().waitFor({ state: "detached" }).catch(() => {});
  assert.equal(await page.getByRole("button", { name: `Details of ${gone}`, exact: true }).count(), 0);
  assert.deepEqual(page.pageErrors, []);
});
