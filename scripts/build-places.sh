#!/usr/bin/env bash
# Builds the place lookup into OUT_DIR (scripts/build.sh calls it): the place files
# (data/places/SOURCES.md; packed for the browser by places-wasm's pack-places), the lookup's own
# small WebAssembly (places-wasm/, the widget's src/search/places.rs) and its module www/places.js
# with the wasm's glue, all content-hashed. Prints the module's name for the loader
# (places.<hash>.js); the module knows the rest. None of it is part of the widget's own
# download: the widget fetches it only when a family types a place its catalogue cannot resolve.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
pkg=target/pkg-places
short_hash() { sha256sum "$1" | cut -c1-12; }

cargo build --quiet --release --target wasm32-unknown-unknown --manifest-path places-wasm/Cargo.toml --lib
# The packer runs here, natively: it reads the text files with the same decoder as the CLI.
cargo build --quiet --release --manifest-path places-wasm/Cargo.toml --bin pack-places
wasm-bindgen --target web --no-typescript --out-dir "$pkg" --out-name places \
  places-wasm/target/wasm32-unknown-unknown/release/clinic_compare_places.wasm
wasm-opt -O3 --strip-producers "$pkg/places_bg.wasm" -o "$pkg/places.opt.wasm"
wasm_name="places.$(short_hash "$pkg/places.opt.wasm").wasm"
cp "$pkg/places.opt.wasm" "$out/$wasm_name"
files=""
for file in data/places/places-*.txt; do
  country=$(basename "$file" .txt | cut -d- -f2)
  places-wasm/target/release/pack-places "$file" "$pkg/places-$country-codes.bin" "$pkg/places-$country-towns.bin"
  parts=""
  for part in codes towns; do
    name="places-$country-$part.$(short_hash "$pkg/places-$country-$part.bin").bin"
    cp "$pkg/places-$country-$part.bin" "$out/$name"
    parts="$parts,\"$name\""
  done
  files="$files,\"${country^^}\":[${parts#,}]"
done
# One module with wasm-bindgen's glue in it (its exports made local), so a lookup waits for one
# script, not two in turn.
grep -qx 'export { initSync, __wbg_init as default };' "$pkg/places.js" || {
  echo "build-places.sh: wasm-bindgen's glue has changed shape; update the bundling below" >&2
  exit 1
}
{
  sed -e 's/^export function /function /' -e '/^export { initSync, __wbg_init as default };$/d' "$pkg/places.js"
  sed -e 's|^import init, .* from "./__PLACES_GLUE__";$|const init = __wbg_init;|' \
    -e "s/__PLACES_WASM__/$wasm_name/" -e "s/__PLACES_FILES__/{${files#,}}/" www/places.js
} | terser --module --compress --mangle >"$pkg/lookup.js"
if grep -q "__PLACES_\|^import " "$pkg/lookup.js"; then
  echo "build-places.sh: the lookup module still imports its glue" >&2
  exit 1
fi
js_name="places.$(short_hash "$pkg/lookup.js").js"
cp "$pkg/lookup.js" "$out/$js_name"
echo "$js_name"
