#!/usr/bin/env bash
# The search engine in WebAssembly, in headless Chromium: index build and query-with-all-counts times
# on the same synthetic catalogues and queries as bench/search.sh. Writes target/bench/wasm-engine.json.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH" CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
mkdir -p target/bench
# Its own target folder: sharing target/ with the widget's wasm-pack build (also release, also
# wasm32) makes cargo reuse dependencies compiled without the bitcode this LTO test link needs.
# panic=unwind as tests are built: with the profile's "abort", cargo builds the library twice into
# the same file names (an "output filename collision"), and every other rebuild failed its link.
# (wasm32 aborts on panic either way.)
# The standard library is the one the widget ships with (scripts/small-std.sh), built for size, but
# with the panic strategy above: rustc refuses to build a test harness that aborts on panics
# ("building tests with panic=abort is not supported"), and the engine's speed does not depend on it.
log=target/bench/wasm-engine.log
. scripts/small-std.sh
SMALL_STD_PANIC=""
if ! CARGO_TARGET_DIR=target/wasm-bench CARGO_PROFILE_RELEASE_PANIC=unwind small_std \
  cargo test --release --target wasm32-unknown-unknown --test wasm_bench \
  -Zbuild-std=std,panic_abort,panic_unwind "$SMALL_STD_FEATURES" -- --nocapture >"$log" 2>&1; then
  echo "bench/wasm-engine.sh: the wasm benchmark failed; the end of $log:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
grep -o 'WASM-BENCH {.*}' "$log" | sort -u | sed 's/^WASM-BENCH //' >target/bench/wasm-engine.jsonl
echo
echo "Search engine in wasm (headless Chromium)"
printf '%10s %12s %18s %14s %14s\n' clinics "build ms" "of which facets" "query p50 ms" "query p95 ms"
node -e '
  const rows = require("fs").readFileSync("target/bench/wasm-engine.jsonl", "utf8").trim().split("\n").map(JSON.parse);
  rows.sort((a, b) => a.clinics - b.clinics);
  for (const r of rows) console.log(String(r.clinics).padStart(10), r.build_ms.toFixed(1).padStart(12), r.facets_build_ms.toFixed(1).padStart(18), r.query_p50_ms.toFixed(3).padStart(14), r.query_p95_ms.toFixed(3).padStart(14));
  require("fs").writeFileSync("target/bench/wasm-engine.json", JSON.stringify(rows, null, 2));
'
