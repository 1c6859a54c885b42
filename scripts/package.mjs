// `make package`: the widget as a publishable npm package, `clinic-compare`, for site owners who
// use it from a CDN (jsDelivr, unpkg) or copy it from node_modules to their own server.
//
//   node scripts/package.mjs [--out target]   → OUT/package/ and OUT/clinic-compare-VERSION.tgz
//
// Contents: everything the build puts in dist/ except the demo (the loader, the hashed glue and wasm,
// and any files the widget loads on demand beside them: locales, places, glossary…), the catalogue's
// JSON Schema and the spreadsheet template (data/), and a README for site owners (npm/README.md).
// No dependencies and no install scripts. Version, licence and description come from Cargo.toml.
// `npm publish target/clinic-compare-VERSION.tgz` publishes it (not done by the build).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
// The demo page and what only it uses; everything else in dist/ is the widget.
export const DEMO = new Set(["index.html", "demo.css", "clinics.json", "examples", "workshop", ".stamp"]);
const DATA = ["catalogue.schema.json", "clinics-template.csv", "clinics-example.csv"];

/** name, version, licence and description from Cargo.toml's [package]. */
export function cargoPackage() {
  const toml = readFileSync(join(root, "Cargo.toml"), "utf8");
  const section = toml.slice(toml.indexOf("[package]")).split(/\n\[/)[0];
  const field = (key) => new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, "m").exec(section)?.[1];
  return { version: field("version"), license: field("license"), description: field("description") };
}

function packageJson({ version, license, description }) {
  const loader = "dist/clinic-compare.js";
  return {
    name: "clinic-compare",
    version,
    description,
    license,
    keywords: ["opioid", "treatment", "clinic", "finder", "web-component", "webassembly", "widget"],
    // The loader is a classic script for a <script> tag: CDNs serve it as the package's default file.
    browser: loader,
    jsdelivr: loader,
    unpkg: loader,
    files: ["dist/", "data/"],
  };
}

/** Copies the widget's files from dist/ (not the demo), checking the loader and its hashed files are there. */
function copyWidget(dist, into) {
  const names = readdirSync(dist).filter((name) => !DEMO.has(name));
  const hashed = (ext) => names.some((n) => new RegExp(`^clinic-compare\\.[0-9a-f]{12}\\.${ext}$`).test(n));
  if (!names.includes("clinic-compare.js") || !hashed("js") || !hashed("wasm")) {
    throw new Error(`${dist} has no built widget (loader, hashed glue and wasm): run make build first`);
  }
  for (const name of names) cpSync(join(dist, name), join(into, name), { recursive: true });
  return names;
}

export function makePackage(out = join(root, "target")) {
  const meta = cargoPackage();
  const dir = join(out, "package");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "dist"), { recursive: true });
  mkdirSync(join(dir, "data"), { recursive: true });
  copyWidget(join(root, "dist"), join(dir, "dist"));
  for (const name of DATA) cpSync(join(root, "data", name), join(dir, "data", name));
  const readme = readFileSync(join(root, "npm/README.md"), "utf8").replaceAll("VERSION", meta.version);
  writeFileSync(join(dir, "README.md"), readme);
  // npm packs a LICENSE file from the package root whatever `files` says: the MIT text travels with the code.
  cpSync(join(root, "LICENSE"), join(dir, "LICENSE"));
  writeFileSync(join(dir, "package.json"), JSON.stringify(packageJson(meta), null, 2) + "\n");
  // Packed from inside the package folder, so the repository's own package.json and lockfile are not read.
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", resolve(out)], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  )[0];
  const tarball = join(out, packed.filename);
  if (!existsSync(tarball)) throw new Error(`npm pack did not write ${tarball}`);
  return { dir, tarball, size: packed.size, unpackedSize: packed.unpackedSize, files: packed.files.map((f) => f.path).sort() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--out");
  const made = makePackage(at > 0 ? resolve(process.argv[at + 1]) : undefined);
  console.log(`packed ${made.tarball}: ${(made.size / 1024).toFixed(1)} KB (${(made.unpackedSize / 1024).toFixed(1)} KB unpacked)`);
  for (const file of made.files) console.log(`  ${file}`);
}
