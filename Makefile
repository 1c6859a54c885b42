# clinic-compare. The two commands you need:
#   make demo   build the widget and serve the demo page with the sample catalogue
#   make test   run every check and test
# Both install whatever is missing first (scripts/setup.sh), and skip it when already there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8000

# Everything the browser build reads: rebuild dist/ only when one of these changes.
WIDGET_SOURCES := rust-toolchain.toml Cargo.toml Cargo.lock build.rs $(shell find src www data workshop -type f 2>/dev/null)

.PHONY: demo test setup build lint unit browser e2e bench bench-check fuzz package

demo: build
	node scripts/serve.mjs --root dist --port $(PORT)

test: setup lint unit browser build e2e
	@echo "make test: all checks passed"

setup:
	@scripts/setup.sh

build: setup dist/.stamp

dist/.stamp: $(WIDGET_SOURCES) scripts/build.sh scripts/short-names.mjs scripts/small-std.sh scripts/build-places.sh places-wasm/Cargo.toml $(wildcard places-wasm/src/*.rs places-wasm/src/bin/*.rs)
	scripts/build.sh
	@touch $@

# The widget as an npm package, clinic-compare (scripts/package.mjs; npm/README.md is its README):
# target/package/ and target/clinic-compare-VERSION.tgz, ready for `npm publish`.
package: build
	node scripts/package.mjs

# --workspace: the widget's crate and the catalogue workshop's (workshop/); places-wasm/ (the place
# lookup's own wasm) is a workspace of its own.
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --manifest-path places-wasm/Cargo.toml --target wasm32-unknown-unknown -- -D warnings

unit:
	cargo test --workspace

# Component tests with wasm-bindgen-test in headless Chromium.
browser:
	cargo test --target wasm32-unknown-unknown --test browser --test crash

# End-to-end tests: the built dist/ served on 127.0.0.1, driven by playwright-core in /usr/bin/chromium.
e2e: dist/.stamp
	node --test --test-concurrency=1 tests/e2e/

# Benchmarks (not tests): weight of the download, start and interaction times, engine speed.
bench: build
	node bench/run.mjs
	SEARCH_BENCH_SIZES=$${SEARCH_BENCH_SIZES:-1000,20000,100000} bench/search.sh
	bench/wasm-engine.sh

# Fails, naming each figure, when a measurement is over bench/budgets.toml.
bench-check: bench
	node bench/check.mjs

# Coverage-guided fuzzing (libFuzzer via cargo-fuzz) of every entry point that takes outside input,
# FUZZ_SECONDS each. cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP lets the stable toolchain here
# provide them. Seeds: the sample and hostile catalogues and the spreadsheet examples.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := load_catalogue attributes search import_csv places
fuzz: setup
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t; \
	  echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run $$t fuzz/corpus/$$t fuzz/seeds -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536 2>&1 \
	    | grep -E "^(#[0-9]+ +DONE|Done [0-9]+ runs|==[0-9]+== ERROR|SUMMARY|panicked)" || true; \
	  test -z "$$(ls fuzz/artifacts/$$t 2>/dev/null)" || { echo "$$t found a crash: see fuzz/artifacts/$$t"; exit 1; }; \
	done
