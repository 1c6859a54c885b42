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
WIDGET_SOURCES := Cargo.toml Cargo.lock $(shell find src www data -type f 2>/dev/null)

.PHONY: demo test setup build lint unit browser e2e bench

demo: build
	node scripts/serve.mjs --root dist --port $(PORT)

test: setup lint unit browser build e2e
	@echo "make test: all checks passed"

setup:
	@scripts/setup.sh

build: setup dist/.stamp

dist/.stamp: $(WIDGET_SOURCES) scripts/build.sh
	scripts/build.sh
	@touch $@

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

unit:
	cargo test

# Component tests with wasm-bindgen-test in headless Chromium.
browser:
	cargo test --target wasm32-unknown-unknown --test browser

# End-to-end tests: the built dist/ served on 127.0.0.1, driven by playwright-core in /usr/bin/chromium.
e2e: dist/.stamp
	node --test --test-concurrency=1 tests/e2e/

# Benchmarks (not tests): weight of the download, start and interaction times, engine speed.
bench: build
	node bench/run.mjs
	SEARCH_BENCH_SIZES=$${SEARCH_BENCH_SIZES:-1000,20000,100000} bench/search.sh
	bench/wasm-engine.sh
