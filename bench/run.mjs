// `make bench`: measures what a family waits for and what a site owner ships; prints one table and
// writes target/bench/report.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { weigh, printWeight } from "./weight.mjs";

const report = { machine: `${process.platform} ${process.arch}, node ${process.version}`, date: new Date().toISOString() };
report.weight = weigh("dist");
printWeight(report.weight);

mkdirSync("target/bench", { recursive: true });
writeFileSync("target/bench/report.json", JSON.stringify(report, null, 2));
console.log("\nwrote target/bench/report.json");
