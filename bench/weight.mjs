// Weight of what a browser downloads for the widget: raw, gzip (-9) and brotli (q11) bytes.
//   node bench/weight.mjs [dist]   → prints a table, returns rows for bench/run.mjs
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export function weigh(dist = "dist") {
  // The glossary files (explanations, cautions) load on demand beside the catalogue: listed, but not
  // part of the widget's own weight.
  // So do the place lookup (places.<hash>.js, its glue and wasm) and the place files, fetched only
  // when a family types a place the catalogue cannot resolve (docs/places.md).
  const place = (f) => /^places[-.]/.test(f);
  const onDemand = (f) => f === "clinics.json" || /^clinic-compare-glossary\./.test(f) || place(f);
  const files = readdirSync(dist).filter((f) => /^clinic-compare.*\.(js|wasm)$/.test(f) || onDemand(f));
  const rows = files.map((name) => {
    const body = readFileSync(join(dist, name));
    return {
      file: name.replace(/\.[0-9a-f]{12}\./, ".<hash>."),
      onDemand: onDemand(name),
      place: place(name),
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const total = (file, some) => {
    const sum = (k) => some.reduce((a, r) => a + r[k], 0);
    return { file, raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") };
  };
  const widget = total("widget total (before the catalogue)", rows.filter((r) => !r.onDemand));
  const lookup = total("place lookup (code, on demand)", rows.filter((r) => r.place && !/\.bin$/.test(r.file)));
  const placeFiles = total("place files total (on demand)", rows.filter((r) => r.place && /\.bin$/.test(r.file)));
  return [...rows, ...(placeFiles.raw ? [lookup, placeFiles] : []), widget];
}

export function printWeight(rows) {
  const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
  console.log("\nWeight".padEnd(40) + "raw".padStart(11) + "gzip".padStart(11) + "brotli".padStart(11));
  for (const r of rows) console.log(r.file.padEnd(40) + kb(r.raw) + kb(r.gzip) + kb(r.brotli));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) printWeight(weigh(process.argv[2] || "dist"));
