// clinic-compare place lookup, loaded by the widget only when a family types a place its catalogue
// cannot resolve. It fetches the place files it needs (from the widget's own folder, once each) and
// resolves the text in its own WebAssembly (places-wasm/: the widget's src/search/places.rs). The
// typed text stays in the page: only the place files travel. The build (scripts/build-places.sh)
// puts wasm-bindgen's glue inside this module in place of the import.
import init, { load, country_of, resolve, credits } from "./__PLACES_GLUE__";

// The place files beside this module, by country, each in two parts (docs/places.md): a postcode or
// ZIP needs its country's codes, a town the towns. { GB: ["places-gb-codes.<hash>.bin",
// "places-gb-towns.<hash>.bin"], … }.
const FILES = __PLACES_FILES__;

let ready = null;
const files = {};

// "" once the file is loaded, else why it could not be.
function file(name, towns) {
  if (!(name in files)) {
    files[name] = fetch(new URL(name, import.meta.url))
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`answered ${r.status}`))))
      .then((bytes) => load(new Uint8Array(bytes), towns))
      .catch((e) => e.message || String(e))
      .then((failure) => (failure ? `place file ${name}: ${failure}` : ""));
  }
  return files[name];
}

// Resolves `text` for a catalogue with services in the `covered` countries ("GB,US"; all if "").
// Answers [why, credits] when nothing was found (why is "" when a place file could not be had),
// [[label, …], credits] when same-named towns are to be chosen from (each label names one alone),
// or [null, credits, label, latitude, longitude]. The widget (src/ui/places.rs) shows the answer.
export async function lookup(text, covered) {
  ready = ready || init({ module_or_path: new URL("__PLACES_WASM__", import.meta.url) });
  await ready;
  const countries = Object.keys(FILES);
  const inside = covered ? covered.toUpperCase().split(",") : countries;
  const code = country_of(text);
  const part = code ? 0 : 1;
  const fetchAll = (list) => Promise.all(list.map((c) => file(FILES[c][part], part === 1)));
  const first = code ? [code].filter((c) => inside.includes(c)) : countries.filter((c) => inside.includes(c));
  const failures = (await fetchAll(first)).filter(Boolean);
  let answer = resolve(text, inside.join(","));
  // A town not found where the list has services may be in a country it does not cover: say so.
  const rest = countries.filter((c) => !first.includes(c));
  if (!code && answer.startsWith("unknown") && rest.length) {
    await fetchAll(rest);
    answer = resolve(text, inside.join(","));
  }
  failures.forEach((f) => console.warn(`clinic-compare: ${f}`));
  const lines = answer.split("\n").map((line) => line.split("\t"));
  const [kind, label, lat, lon] = lines[0];
  if (kind === "unknown") return [failures.length ? "" : label, credits()];
  if (kind === "choose") return [lines.map((line) => line[1]), credits()];
  return [null, credits(), label, Number(lat), Number(lon)];
}
