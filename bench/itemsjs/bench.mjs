// ItemsJS on the same synthetic catalogues and the same query mix as the Rust search benchmark
// (benches/search.rs): every facet is an OR ("conjunction: false") aggregation, so ItemsJS also
// computes disjunctive counts for every value; results sorted by name, first page of 20.
//
// node bench/itemsjs/bench.mjs <data-dir> <sizes, e.g. 1000,20000,100000>
// Reads <data-dir>/items-<n>.json and queries.json (written by `cargo run --example synth`),
// writes target/bench/search-itemsjs.json, and if target/bench/search-native.json exists prints
// both engines side by side with the ratio.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import itemsjs from "itemsjs";

const [dataDir = "target/bench/data", sizeList = "1000,20000,100000"] = process.argv.slice(2);
const sizes = sizeList.split(",").map(Number).filter(Boolean);
const queries = JSON.parse(readFileSync(`${dataDir}/queries.json`, "utf8"));

const FACETS = ["setting", "detox", "medication", "medication_form", "stance", "therapy", "condition", "aftercare", "funding",
  "credential", "special_group", "language", "country", "extra"];

const now = () => Number(process.hrtime.bigint()) / 1e6;
function percentiles(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))];
  return [at(50), at(95)];
}

const report = { engine: `itemsjs (node ${process.version})`, sizes: [] };
for (const n of sizes) {
  const items = JSON.parse(readFileSync(`${dataDir}/items-${n}.json`, "utf8"));
  const config = {
    native_search_enabled: false,
    aggregations: Object.fromEntries(FACETS.map((f) => [f, { conjunction: false, size: 10000 }])),
    sortings: { name_asc: { field: "name", order: "asc" } },
  };
  const t0 = now();
  const engine = itemsjs(items, config);
  const buildMs = now() - t0;

  const run = (q) => engine.search({ filters: q.filters, per_page: 20, page: 1, sort: "name_asc" });
  for (let i = 0; i < 3; i++) queries.forEach(run); // warm-up for the JIT
  const perQuery = queries.map(() => []);
  const rounds = Math.max(5, Math.min(200, Math.floor(200000 / n)));
  for (let r = 0; r < rounds; r++) {
    queries.forEach((q, k) => {
      const t = now();
      run(q);
      perQuery[k].push(now() - t);
    });
  }
  const [mixP50, mixP95] = percentiles(perQuery.flat());
  console.log(`\n${n} clinics (itemsjs): build ${buildMs.toFixed(1)} ms · query mix p50 ${mixP50.toFixed(3)} ms p95 ${mixP95.toFixed(3)} ms`);
  const rows = queries.map((q, k) => {
    const total = run(q).pagination.total;
    const [p50, p95] = percentiles(perQuery[k]);
    console.log(`  ${q.name.padEnd(45)} ${String(total).padStart(7)} hits  p50 ${p50.toFixed(3)} ms  p95 ${p95.toFixed(3)} ms`);
    return { name: q.name, total, p50_ms: p50, p95_ms: p95 };
  });
  report.sizes.push({ clinics: n, build_ms: buildMs, mix_p50_ms: mixP50, mix_p95_ms: mixP95, queries: rows });
}

mkdirSync("target/bench", { recursive: true });
writeFileSync("target/bench/search-itemsjs.json", JSON.stringify(report, null, 2));

const nativePath = "target/bench/search-native.json";
if (existsSync(nativePath)) {
  const native = JSON.parse(readFileSync(nativePath, "utf8"));
  console.log("\nSide by side: query with every facet count, p50 / p95 in ms (ratio = ItemsJS ÷ Rust)");
  console.log(`${"clinics".padStart(8)}  ${"query".padEnd(45)} ${"rust p50".padStart(9)} ${"itemsjs p50".padStart(11)} ${"ratio".padStart(7)}   ${"rust p95".padStart(9)} ${"itemsjs p95".padStart(11)}`);
  let mismatches = 0;
  for (const js of report.sizes) {
    const rs = native.sizes.find((s) => s.clinics === js.clinics);
    if (!rs) continue;
    const line = (name, r, j) => console.log(
      `${String(js.clinics).padStart(8)}  ${name.padEnd(45)} ${r.p50_ms.toFixed(3).padStart(9)} ${j.p50_ms.toFixed(3).padStart(11)} ${(j.p50_ms / r.p50_ms).toFixed(1).padStart(6)}×   ${r.p95_ms.toFixed(3).padStart(9)} ${j.p95_ms.toFixed(3).padStart(11)}`);
    js.queries.forEach((j) => {
      const r = rs.queries.find((q) => q.name === j.name);
      if (!r) return;
      if (r.total !== j.total) {
        mismatches++;
        console.log(`  ! "${j.name}": Rust found ${r.total}, ItemsJS ${j.total}`);
      }
      line(j.name, r, j);
    });
    line("whole mix", { p50_ms: rs.mix_p50_ms, p95_ms: rs.mix_p95_ms }, { p50_ms: js.mix_p50_ms, p95_ms: js.mix_p95_ms });
    console.log(`${String(js.clinics).padStart(8)}  index build: Rust ${rs.build_ms.toFixed(1)} ms, ItemsJS ${js.build_ms.toFixed(1)} ms; Rust index ${(rs.index_bytes / 1e6).toFixed(1)} MB`);
  }
  if (mismatches) {
    console.log(`\n${mismatches} result totals differ between the engines: the comparison is not like for like.`);
    process.exitCode = 1;
  } else {
    console.log("\nResult totals agree for every query.");
  }
}
