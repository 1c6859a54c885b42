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

// "" once the file is loaded, else why it could not be. Its download may start before the wasm is
// ready; it is read once both are.
function file(name, towns) {
  if (!(name in files)) {
    files[name] = fetch(new URL(name, import.meta.url))
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`answered ${r.status}`))))
      .then((bytes) => ready.then(() => load(new Uint8Array(bytes), towns)))
      .catch((e) => e.message || String(e))
      .then((failure) => (failure ? `place file ${name}: ${failure}` : ""));
  }
  return files[name];
}

// The part a text surely needs, told before the wasm has started so that the download overlaps
// its start: [country, 0] for the codes of a ZIP code or a full UK postcode, [null, 1] for the
// towns of a text with no digit and three letters or more; null when unsure. Narrower than the
// wasm's own reading (src/search/places.rs, Typed::read), so a guess is never a file it does not
// then ask for.
function surely(text) {
  const compact = text.trim().replace(/[ \t-]/g, "");
  if (/^(\d{5}|\d{9})$/.test(compact)) return ["US", 0];
  if (/^[A-Za-z]{1,2}\d[A-Za-z\d]?\d[A-Za-z]{2}$/.test(compact)) return ["GB", 0];
  if (!/[0-9]/.test(text) && (text.match(/[A-Za-z]/g) || []).length >= 3) return [null, 1];
  return null;
}

// Resolves `text` for a catalogue with services in the `covered` countries ("GB,US"; all if "").
// Answers data, which the widget (src/ui/places.rs) words in the family's language:
// ["found", credits, label, latitude, longitude]; ["choose", credits, label, …] when same-named
// towns are to be chosen from (each label names one alone); or ["unknown", credits, why, country]
// (why: long, elsewhere, unavailable, code or town; see places-wasm/src/lib.rs).
export async function lookup(text, covered) {
  ready = ready || init({ module_or_path: new URL("__PLACES_WASM__", import.meta.url) });
  const countries = Object.keys(FILES);
  const inside = covered ? covered.toUpperCase().split(",") : countries;
  const needed = (code) => (code ? [code] : countries).filter((c) => inside.includes(c));
  const fetchAll = (list, part) => Promise.all(list.map((c) => file(FILES[c][part], part === 1)));
  const guess = surely(text);
  if (guess) fetchAll(needed(guess[0]), guess[1]);
  await ready;
  const code = country_of(text);
  const part = code ? 0 : 1;
  const first = needed(code);
  const failures = (await fetchAll(first, part)).filter(Boolean);
  let answer = resolve(text, inside.join(","));
  // A town not found where the list has services may be in a country it does not cover: say so.
  const rest = countries.filter((c) => !first.includes(c));
  if (!code && answer.startsWith("unknown") && rest.length) {
    await fetchAll(rest, part);
    answer = resolve(text, inside.join(","));
  }
  failures.forEach((f) => console.warn(`clinic-compare: ${f}`));
  const lines = answer.split("\n").map((line) => line.split("\t"));
  const [kind, label, lat, lon] = lines[0];
  if (kind === "unknown") return [kind, credits(), failures.length ? "unavailable" : label, lat];
  if (kind === "choose") return [kind, credits(), ...lines.map((line) => line[1])];
  return [kind, credits(), label, Number(lat), Number(lon)];
}
