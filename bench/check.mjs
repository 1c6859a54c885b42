// `make bench-check`: compares target/bench/report.json (and the engine's figures) with
// bench/budgets.toml; exits 1 naming every figure over budget.
import { readFileSync, existsSync } from "node:fs";

/** A minimal TOML reader for this file's shape: [sections] of `key = number`. */
function readBudgets(text) {
  const out = {};
  let section = "";
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    if (!line) continue;
    const head = /^\[(\w+)\]$/.exec(line);
    if (head) section = head[1];
    else {
      const [key, value] = line.split("=").map((s) => s.trim());
      out[`${section}.${key}`] = Number(value);
    }
  }
  return out;
}

const budgets = readBudgets(readFileSync("bench/budgets.toml", "utf8"));
const report = JSON.parse(readFileSync("target/bench/report.json", "utf8"));
const find = (rows, where) => rows?.find((r) => Object.entries(where).every(([k, v]) => r[k] === v));
const wasmEngine = existsSync("target/bench/wasm-engine.json") ? JSON.parse(readFileSync("target/bench/wasm-engine.json", "utf8")) : [];
const native = existsSync("target/bench/search-native.json") ? JSON.parse(readFileSync("target/bench/search-native.json", "utf8")) : null;
const nativeRow = Array.isArray(native) ? native.find((r) => r.clinics === 20000) : native?.sizes?.find?.((r) => r.clinics === 20000);

const measured = {
  "weight.widget_brotli_bytes": report.weight?.find((r) => r.file.startsWith("widget total"))?.brotli,
  "start.first_result_1000_ms": find(report.start, { clinics: 1000, throttle: 1 })?.median_ms,
  "start.first_result_20000_ms": find(report.start, { clinics: 20000, throttle: 1 })?.median_ms,
  "start.loading_shown_1000_ms": find(report.start, { clinics: 1000, throttle: 1 })?.loading_shown_ms,
  "start.longest_task_20000_ms": find(report.start, { clinics: 20000, throttle: 1 })?.longest_task_ms,
  "interaction.filter_click_p95_1000_ms": find(report.interaction, { clinics: 1000 })?.filter_click_p95_ms,
  "interaction.filter_click_p95_20000_ms": find(report.interaction, { clinics: 20000 })?.filter_click_p95_ms,
  "memory.wasm_heap_20000_mb": report.memory?.wasm_heap_mb,
  "engine.native_query_p50_ms": nativeRow?.query_p50_ms ?? nativeRow?.mix_p50_ms,
  "engine.wasm_query_p50_ms": wasmEngine.find((r) => r.clinics === 20000)?.query_p50_ms,
  "engine.wasm_build_ms": wasmEngine.find((r) => r.clinics === 20000)?.build_ms,
  "places.files_brotli_bytes": report.weight?.find((r) => r.file.startsWith("place files total"))?.brotli,
  "places.lookup_warm_ms": report.places?.length ? Math.max(...report.places.map((r) => r.warm_p50_ms)) : undefined,
  "language.es_file_brotli_bytes": report.weight?.find((r) => /^clinic-compare-glossary\..*\.es\.json$/.test(r.file))?.brotli,
  "language.es_first_result_ratio": report.language?.es_to_en,
  "national.catalogue_raw_bytes": report.national?.catalogue_raw_bytes,
  "national.catalogue_gzip_bytes": report.national?.catalogue_gzip_bytes,
  "national.first_result_ms": report.national?.first_result_ms,
};

let over = 0;
for (const [key, budget] of Object.entries(budgets)) {
  const value = measured[key];
  const status = value === undefined ? "not measured" : value <= budget ? "ok" : "OVER";
  if (status !== "ok") over++;
  const shown = value === undefined ? "-" : Number.isInteger(value) ? String(value) : String(+value.toPrecision(4));
  console.log(`${status.padEnd(13)} ${key.padEnd(40)} ${shown.padStart(10)}  (budget ${budget})`);
}
if (over) {
  console.log(`\n${over} figure(s) over budget or not measured.`);
  process.exit(1);
}
console.log("\nAll figures within budget.");
