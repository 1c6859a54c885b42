#!/usr/bin/env bash
# Builds the place lookup into OUT_DIR (scripts/build.sh calls it): the place files
# (data/places/SOURCES.md), the lookup's own small WebAssembly (places-wasm/, the widget's
# src/search/places.rs) and its module www/places.js, all content-hashed. Prints the module's name for
# the loader (places.<hash>.js); the module knows the rest. None of it is part of the widget's own
# download: the widget fetches it only when a family types a place its catalogue cannot resolve.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
pkg=target/pkg-places
short_hash() { sha256sum "$1" | cut -c1-12; }

cargo build --quiet --release --target wasm32-unknown-unknown --manifest-path places-wasm/Cargo.toml
wasm-bindgen --target web --no-typescript --out-dir "$pkg" --out-name places \
  places-wasm/target/wasm32-unknown-unknown/release/clinic_compare_places.wasm
wasm-opt -Oz --strip-producers "$pkg/places_bg.wasm" -o "$pkg/places.opt.wasm"
terser "$pkg/places.js" --module --compress --mangle -o "$pkg/places.min.js"
wasm_name="places.$(short_hash "$pkg/places.opt.wasm").wasm"
glue_name="places-glue.$(short_hash "$pkg/places.min.js").js"
cp "$pkg/places.opt.wasm" "$out/$wasm_name"
cp "$pkg/places.min.js" "$out/$glue_name"
files=""
for file in data/places/places-*.txt; do
  country=$(basename "$file" .txt | cut -d- -f2)
  name="places-$country.$(short_hash "$file").txt"
  cp "$file" "$out/$name"
  files="$files,\"${country^^}\":\"$name\""
done
sed -e "s/__PLACES_GLUE__/$glue_name/" -e "s/__PLACES_WASM__/$wasm_name/" -e "s/__PLACES_FILES__/{${files#,}}/" \
  www/places.js | terser --module --compress --mangle >"$pkg/lookup.js"
js_name="places.$(short_hash "$pkg/lookup.js").js"
cp "$pkg/lookup.js" "$out/$js_name"
echo "$js_name"
