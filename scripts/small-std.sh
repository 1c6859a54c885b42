# Sourced by scripts/build.sh and bench/wasm-engine.sh, so the engine benchmark measures the
# standard library the widget ships with (but for its panic strategy, below). docs/build.md
# explains the trade: these flags are unstable, so the toolchain is pinned (rust-toolchain.toml)
# and the build fails rather than ship another std.
#
# The release widget rebuilds Rust's standard library for size, with flags stable Rust keeps behind
# RUSTC_BOOTSTRAP:
#   -Zbuild-std-features=optimize_for_size  std's smaller variants (its unstable sort becomes a
#                                           heapsort, so the engine sorts with the stable one)
#   -Zlocation-detail=none                  panic messages without file:line:column
#   -Zfmt-debug=none                        `{:?}` prints nothing; the widget never shows Debug
#                                           output, only crash messages would have used it
#   -Zunstable-options -Cpanic=immediate-abort
#                                           a panic aborts at once: no panic message, no hook,
#                                           none of std's panic machinery in the download (this
#                                           Rust's spelling: the older std feature
#                                           panic_immediate_abort now stops the build)
# A crash is then a plain WebAssembly trap: the loader (www/clinic-compare.js) logs it and shows
# the crash fallback in every widget on the page (tests/e2e/crash.test.mjs). Builds with ordinary
# panics (DEBUGGABLE=1, the wasm-bindgen tests) show it from the widget's panic hook instead.
# The engine benchmark leaves SMALL_STD_PANIC out: rustc builds a test harness only with
# unwinding panics (bench/wasm-engine.sh).
SMALL_STD_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none"
SMALL_STD_PANIC="-Zunstable-options -Cpanic=immediate-abort"
SMALL_STD_FEATURES="-Zbuild-std-features=optimize_for_size"

# small_std COMMAND...: runs a cargo or wasm-pack build with these settings.
small_std() {
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="$SMALL_STD_RUSTFLAGS $SMALL_STD_PANIC" "$@"
}

# small_std_failed SCRIPT: the message when the size path breaks (a Rust other than the pinned one,
# or rust-src missing). Never falls back silently: the widget would ship different, larger bytes.
small_std_failed() {
  echo "$1: ERROR: the size-optimised build (-Zbuild-std, scripts/small-std.sh) failed; see above." >&2
  echo "$1: is the pinned Rust installed (scripts/setup.sh, rust-toolchain.toml)? DEBUGGABLE=1 builds" >&2
  echo "$1: with the precompiled std instead, for local debugging only (docs/build.md)." >&2
  exit 1
}
