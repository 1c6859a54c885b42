#!/usr/bin/env bash
# Builds the release widget into dist/: the loader, the content-hashed glue and wasm, the demo page
# and the sample catalogue. Everything under dist/ can be copied to any folder or CDN.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

pkg=target/pkg
pack() {
  wasm-pack --quiet build --release --target web --no-typescript --no-pack \
    --out-dir "$pkg" --out-name clinic_compare "$@" >/dev/null
}
# The standard library is rebuilt for size (scripts/small-std.sh, docs/build.md). If that fails the
# build fails: it never ships a different artefact. DEBUGGABLE=1 is the explicit opt-out, a larger
# widget with the precompiled std whose crash messages keep file, line and Debug detail.
. scripts/small-std.sh
if [ "${DEBUGGABLE:-0}" = 1 ]; then
  echo "build.sh: DEBUGGABLE=1: building with the precompiled std (not the shipped artefact)" >&2
  pack
else
  small_std pack . -Zbuild-std=std,panic_abort "$SMALL_STD_FEATURES" || small_std_failed build.sh
fi
# npm binaryen's wasm-opt (Debian's is too old for current Rust output). Measured (make bench):
# what travels is the brotli size, and binaryen's inlining makes the code smaller raw but larger
# compressed, so it is turned off: -Oz measured about 9 % larger than -Os without inlining.
# Import and export names are shortened too (wasm-bindgen's carry 16-digit hashes, which do not
# compress), and the glue is given the same names: −4.2 KB brotli. See scripts/short-names.mjs.
# --low-memory-unused lets wasm-opt fold constant offsets into loads and stores (the two forms
# differ only for an address that wraps past 4 GB into the first 1 KB, which Rust never makes), and
# --converge repeats the passes until nothing shrinks: -0.4 KB brotli together. The names are
# shortened in a second run, which prints their map once (each round of --converge would print
# it); that run only re-encodes, with the same stack-IR clean-up as the first (without it, +0.4 KB).
wasm-opt -Os --always-inline-max-function-size 0 --flexible-inline-max-function-size 0 \
  --one-caller-inline-max-function-size 0 --low-memory-unused --converge \
  "$pkg/clinic_compare_bg.wasm" -o "$pkg/clinic_compare.os.wasm"
wasm-opt --optimize-level 2 --shrink-level 1 --generate-stack-ir --optimize-stack-ir \
  --strip-producers --minify-imports-and-exports-and-modules --strip-target-features \
  "$pkg/clinic_compare.os.wasm" -o "$pkg/clinic_compare.opt.wasm" >"$pkg/short-names.json"
node scripts/short-names.mjs "$pkg/short-names.json" "$pkg/clinic_compare.opt.wasm" \
  "$pkg/clinic_compare.js" "$pkg/clinic_compare.short.js"

# The JavaScript is minified (terser): the glue about a quarter smaller compressed, the loader half.
# The readable loader is www/clinic-compare.js.
terser "$pkg/clinic_compare.short.js" --module --compress --mangle -o "$pkg/clinic_compare.min.js"

short_hash() { sha256sum "$1" | cut -c1-12; }

# The catalogue workshop (workshop/): the importers and validation in a wasm bundle of its own, so
# the widget's download never carries them. Plain std and no name shortening: site owners load it
# once, and a readable stack helps them report a problem.
wpkg=$PWD/target/workshop-pkg
wasm-pack --quiet build --release --target web --no-typescript --no-pack \
  --out-dir "$wpkg" --out-name workshop workshop >/dev/null
wasm-opt -Os --strip-producers --strip-target-features "$wpkg/workshop_bg.wasm" -o "$wpkg/workshop.opt.wasm"
terser "$wpkg/workshop.js" --module --compress --mangle -o "$wpkg/workshop.min.js"
workshop_wasm="workshop.$(short_hash "$wpkg/workshop.opt.wasm").wasm"
workshop_glue="workshop.$(short_hash "$wpkg/workshop.min.js").js"
wasm_name="clinic-compare.$(short_hash "$pkg/clinic_compare.opt.wasm").wasm"
glue_name="clinic-compare.$(short_hash "$pkg/clinic_compare.min.js").js"

# The long family-facing text (explanations of terms, cautions, the note on sources) is left out of
# the wasm and written to a file per language from the same vocabulary table, loaded on demand
# beside the catalogue (src/catalogue/glossary.rs); Spanish from data/locales/es/. The widget
# fetches only the file of the language in use. One hash covers every language's file.
languages="en es"
for language in $languages; do
  cargo run --quiet --bin clinic-catalogue -- glossary "$language" >"$pkg/glossary.$language.json"
done
for language in $languages; do cat "$pkg/glossary.$language.json"; done >"$pkg/glossaries"
glossary_prefix="clinic-compare-glossary.$(short_hash "$pkg/glossaries")."

out=$(mktemp -d dist.XXXX)
# A failed step leaves no half-built folder behind.
trap 'rm -rf "$out"' EXIT
cp "$pkg/clinic_compare.opt.wasm" "$out/$wasm_name"
cp "$pkg/clinic_compare.min.js" "$out/$glue_name"
for language in $languages; do
  cp "$pkg/glossary.$language.json" "$out/$glossary_prefix$language.json"
done
# The place lookup, fetched only when needed (scripts/build-places.sh); the loader gets its names.
places=$(scripts/build-places.sh "$out")
{
  echo '/*! clinic-compare: <script src=".../clinic-compare.js" defer></script> <clinic-compare catalogue="clinics.json"></clinic-compare> (docs/embedding.md) */'
  sed -e "s/__CLINIC_COMPARE_GLUE__/$glue_name/" -e "s/__CLINIC_COMPARE_WASM__/$wasm_name/" \
    -e "s/__CLINIC_COMPARE_GLOSSARY__/$glossary_prefix/" \
    -e "s/__CLINIC_COMPARE_PLACES__/$places/" \
    www/clinic-compare.js | terser --compress --mangle
} >"$out/clinic-compare.js"
cp www/index.html www/demo.css "$out/"
[ -d www/examples ] && cp -r www/examples "$out/"
cp data/clinics.json "$out/clinics.json"
mkdir "$out/workshop"
cp "$wpkg/workshop.opt.wasm" "$out/workshop/$workshop_wasm"
cp "$wpkg/workshop.min.js" "$out/workshop/$workshop_glue"
sed -e "s/__WORKSHOP_GLUE__/$workshop_glue/" -e "s/__WORKSHOP_WASM__/$workshop_wasm/" workshop/www/worker.js \
  | terser --module --compress --mangle >"$out/workshop/worker.js"
cp workshop/www/index.html workshop/www/workshop.css workshop/www/workshop.js \
  data/clinics-template.csv data/clinics-example.csv "$out/workshop/"
chmod -R a+rX "$out"
rm -rf dist && mv "$out" dist
echo "built dist/: $(ls dist | tr '\n' ' ')"
