# Sourced by scripts/build.sh and bench/wasm-engine.sh, so the engine benchmark measures the
# standard library the widget ships with. docs/build.md explains the trade: these flags are unstable,
# so the toolchain is pinned (rust-toolchain.toml) and the build fails rather than ship another std.
#
# The release widget rebuilds Rust's standard library for size, with flags stable Rust keeps behind
# RUSTC_BOOTSTRAP:
#   -Zbuild-std-features=optimize_for_size  std's smaller variants (its unstable sort becomes a
#                                           heapsort, so the engine sorts with the stable one)
#   -Zlocation-detail=none                  panic messages without file:line:column
#   -Zfmt-debug=none                        `{:?}` prints nothing; the widget never shows Debug
#                                           output, only crash messages would have used it
# A crash still logs its message, with a stack, and still shows the crash fallback.
SMALL_STD_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none"
SMALL_STD_FEATURES="-Zbuild-std-features=optimize_for_size"

# small_std COMMAND...: runs a cargo or wasm-pack build with these settings.
small_std() {
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="$SMALL_STD_RUSTFLAGS" "$@"
}

# small_std_failed SCRIPT: the message when the size path breaks (a Rust other than the pinned one,
# or rust-src missing). Never falls back silently: the widget would ship different, larger bytes.
small_std_failed() {
  echo "$1: ERROR: the size-optimised build (-Zbuild-std, scripts/small-std.sh) failed; see above." >&2
  echo "$1: is the pinned Rust installed (scripts/setup.sh, rust-toolchain.toml)? DEBUGGABLE=1 builds" >&2
  echo "$1: with the precompiled std instead, for local debugging only (docs/build.md)." >&2
  exit 1
}
