// `make bench`: what a family waits for and what a site owner ships. Prints tables and writes
// target/bench/report.json (the engine's own figures are added by bench/search.sh and
// bench/wasm-engine.sh; `make bench-check` compares everything with bench/budgets.toml).
//   BENCH_ONLY=national node bench/run.mjs   only the real-shaped national case, merged into the
//                                            existing report (the other figures are kept)
//   BENCH_ONLY=places node bench/run.mjs     only the weights and the place lookup, likewise
//   BENCH_ONLY=language node bench/run.mjs   only the weights and the first result in Spanish
//                                            against English, likewise
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { weigh, printWeight } from "./weight.mjs";
import { browserBench, printBrowser } from "./browser.mjs";
import { printNational } from "./national.mjs";

const only = process.env.BENCH_ONLY;
const REPORT = "target/bench/report.json";

const report = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${process.platform} ${process.arch}, node ${process.version}`,
  date: new Date().toISOString(),
};
report.weight = weigh("dist");
printWeight(report.weight);
Object.assign(report, await browserBench({ only }));
printBrowser(report);
printNational(report.national);

mkdirSync("target/bench", { recursive: true });
let written = report;
if (only && existsSync(REPORT)) {
  // A partial run replaces only its own figures.
  written = JSON.parse(readFileSync(REPORT, "utf8"));
  if (only === "places") {
    Object.assign(written, { weight: report.weight, places: report.places, places_date: report.date });
  } else if (only === "language") {
    Object.assign(written, { weight: report.weight, language: report.language, language_date: report.date });
  } else {
    written.national = report.national;
    written.start = [...(written.start ?? []).filter((r) => !r.case), ...report.start];
    written.national_date = report.date;
  }
}
writeFileSync(REPORT, JSON.stringify(written, null, 2));
console.log(`\nwrote ${REPORT}`);
