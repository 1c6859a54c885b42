// Gives the glue the short import and export names wasm-opt gave the wasm.
//
// wasm-bindgen names each import after its function plus a 16-digit hash
// ("__wbg_appendChild_0123456789abcdef"), once in the wasm and once in the glue. Random digits do
// not compress: 163 imports cost ~3.7 KB brotli across the two files. The build runs wasm-opt with
// --minify-imports-and-exports-and-modules, which renames them in the wasm and prints the mapping;
// this script makes the same renames in the (not yet minified) glue, and fails the build if the
// glue does not look as expected, rather than ship a widget that cannot start.
//
//   node scripts/short-names.mjs MAPPING.json MINIFIED.wasm GLUE.js OUT.js
import { readFileSync, writeFileSync } from "node:fs";

const [mappingPath, wasmPath, gluePath, outPath] = process.argv.slice(2);
const mapping = JSON.parse(readFileSync(mappingPath, "utf8"));
let glue = readFileSync(gluePath, "utf8");

function fail(message) {
  console.error(`short-names: ${message} (has wasm-bindgen's glue changed?)`);
  process.exit(1);
}
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// The module wasm-opt now imports from: every import's module name is the same short one.
// (Compiling the module also checks that it is valid.)
const wasm = new WebAssembly.Module(readFileSync(wasmPath));
const modules = new Set(WebAssembly.Module.imports(wasm).map(({ module }) => module));
if (modules.size !== 1) fail(`expected one import module in the wasm, found ${modules.size}`);
const [shortModule] = modules;

// Imports: each original name is a key of the glue's imports object, exactly once.
const originalModules = new Set(mapping.imports.map(([module]) => module));
if (originalModules.size !== 1) fail(`expected one import module, found ${originalModules.size}`);
for (const [, name, short] of mapping.imports) {
  const key = new RegExp(`(?<=[\\s{,])${escape(name)}(?=\\s*:)`, "g");
  const found = glue.match(key)?.length ?? 0;
  if (found !== 1) fail(`import ${name} is a key ${found} times, expected once`);
  glue = glue.replace(key, short);
}
const [originalModule] = originalModules;
const moduleKey = JSON.stringify(originalModule) + ":";
if (glue.split(moduleKey).length !== 2) fail(`the imports object is not under ${moduleKey}`);
glue = glue.replace(moduleKey, JSON.stringify(shortModule) + ":");

// Exports: the glue reads them as `wasm.NAME`. Some (wasm-bindgen's abort hooks) it never reads.
for (const [name, short] of mapping.exports) {
  glue = glue.replace(new RegExp(`\\bwasm\\.${escape(name)}\\b`, "g"), `wasm.${short}`);
}
const shortExports = new Set(mapping.exports.map(([, short]) => short));
for (const [, read] of glue.matchAll(/\bwasm\.([\w$]+)/g)) {
  if (!shortExports.has(read)) fail(`the glue reads wasm.${read}, which the wasm does not export`);
}

writeFileSync(outPath, glue);
