// The real-shaped national case (issue 18): a synthetic FindTreatment.gov export the size of the
// national listing (~17,000 sites with substance-use rows, ~31,000 rows, ~18 MB; the real mix of
// ~68 flags a row; scripts/make-findtreatment-export.py), imported with the CLI as a site owner
// would. Reports the export, the import and the catalogue's raw and gzip size; bench/browser.mjs
// times the first result with it.
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

export const NATIONAL_SITES = Number(process.env.BENCH_NATIONAL_SITES || 17000);
const DIR = "target/bench/data";
const GENERATOR = "scripts/make-findtreatment-export.py";
// A dated file name, as SAMHSA's downloads have: the importer takes the export date from it.
const EXPORT = `${DIR}/findtreatment-national-${NATIONAL_SITES}-2025-08-19.csv`;
const CATALOGUE = `${DIR}/catalogue-national.json`;
export const NATIONAL_URL = "/big/catalogue-national.json";

/** The export, made again only when the generator has changed since. */
function exportFile() {
  if (!existsSync(EXPORT) || statSync(EXPORT).mtimeMs < statSync(GENERATOR).mtimeMs) {
    const args = [GENERATOR, "--national", "--sites", String(NATIONAL_SITES), "--seed", "17", "-o", EXPORT];
    execFileSync("python3", args, { stdio: ["ignore", "ignore", "inherit"] });
  }
  const text = readFileSync(EXPORT, "latin1");
  return { sites: NATIONAL_SITES, rows: text.split("\r\n").length - 1, bytes: Buffer.byteLength(text, "latin1") };
}

/** `clinic-catalogue import findtreatment EXPORT -o CATALOGUE` (release build), timed. */
function importExport() {
  execFileSync("cargo", ["build", "--quiet", "--release", "--bin", "clinic-catalogue"], { stdio: "inherit" });
  const bin = `${process.env.CARGO_TARGET_DIR || "target"}/release/clinic-catalogue`;
  const t0 = performance.now();
  const run = spawnSync(bin, ["import", "findtreatment", EXPORT, "-o", CATALOGUE], { encoding: "utf8" });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`the national import failed:\n${run.stderr}`);
  // The summary's "name: number" lines (rows read, clinics written, rows skipped…), whatever the importer reports.
  const summary = Object.fromEntries(
    [...run.stderr.matchAll(/^([a-z][a-z ]+):\s+(\d+)\s*$/gm)].map((m) => [m[1].trim().replace(/ /g, "_"), Number(m[2])]),
  );
  return { seconds: +seconds.toFixed(2), summary };
}

/** Makes the export and the catalogue; returns the figures for report.national (the browser adds its own). */
export function prepareNational() {
  mkdirSync(DIR, { recursive: true });
  const made = exportFile();
  const imported = importExport();
  const body = readFileSync(CATALOGUE);
  return {
    export_sites: made.sites,
    export_rows: made.rows,
    export_bytes: made.bytes,
    import_s: imported.seconds,
    import_summary: imported.summary,
    clinics: JSON.parse(body).clinics.length,
    catalogue_raw_bytes: body.length,
    catalogue_gzip_bytes: gzipSync(body, { level: 9 }).length,
    catalogue_brotli_bytes: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).length,
  };
}

export function printNational(national) {
  if (!national) return;
  const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
  console.log("\nReal-shaped national case (synthetic FindTreatment.gov export, imported with the CLI)");
  console.log(`  export: ${national.export_sites} SU sites, ${national.export_rows} rows, ${mb(national.export_bytes)}; import ${national.import_s} s`);
  console.log(`  catalogue: ${national.clinics} clinics, ${mb(national.catalogue_raw_bytes)} raw, ${mb(national.catalogue_gzip_bytes)} gzip, ${mb(national.catalogue_brotli_bytes)} brotli`);
  console.log(`  first result painted: ${national.first_result_ms} ms (median; the synthetic 20,000 in alternating runs: ${national.synthetic_20000_same_runs_ms} ms); wasm heap ${national.wasm_heap_mb} MB`);
}
