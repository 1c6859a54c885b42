// `make bench`: what a family waits for and what a site owner ships. Prints tables and writes
// target/bench/report.json (the engine's own figures are added by bench/search.sh and
// bench/wasm-engine.sh; `make bench-check` compares everything with bench/budgets.toml).
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { weigh, printWeight } from "./weight.mjs";
import { browserBench, printBrowser } from "./browser.mjs";

const report = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${process.platform} ${process.arch}, node ${process.version}`,
  date: new Date().toISOString(),
};
report.weight = weigh("dist");
printWeight(report.weight);
Object.assign(report, await browserBench());
printBrowser(report);

mkdirSync("target/bench", { recursive: true });
writeFileSync("target/bench/report.json", JSON.stringify(report, null, 2));
console.log("\nwrote target/bench/report.json");
