#!/usr/bin/env bash
# The search engine against ItemsJS on identical synthetic catalogues and queries, side by side.
#   bench/search.sh                      # 1k, 20k, 100k clinics
#   SEARCH_BENCH_SIZES=20000 bench/search.sh
#   SEARCH_BENCH_QUICK=0 bench/search.sh  # also criterion's statistics (slower)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${SEARCH_BENCH_SIZES:-1000,20000,100000}"
data=target/bench/data

cargo build --quiet --release --example synth
for n in ${sizes//,/ }; do
  ./target/release/examples/synth "$n" 42 "$data" 2>/dev/null
done

SEARCH_BENCH_QUICK="${SEARCH_BENCH_QUICK:-1}" SEARCH_BENCH_SIZES="$sizes" cargo bench --quiet --bench search

if [ ! -d bench/itemsjs/node_modules ]; then
  (cd bench/itemsjs && npm ci --silent --no-audit --no-fund)
fi
node bench/itemsjs/bench.mjs "$data" "$sizes"
