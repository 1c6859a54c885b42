# Sourced by scripts/build.sh and bench/wasm-engine.sh, so the engine benchmark measures the
# standard library the widget ships with.
#
# The release widget rebuilds Rust's standard library for size, with flags stable Rust keeps behind
# RUSTC_BOOTSTRAP (the Linux kernel builds this way too):
#   -Zbuild-std-features=optimize_for_size  std's smaller variants (its unstable sort becomes a
#                                           heapsort, so the engine sorts with the stable one)
#   -Zlocation-detail=none                  panic messages without file:line:column
#   -Zfmt-debug=none                        `{:?}` prints nothing; the widget never shows Debug
#                                           output, only crash messages would have used it
# −8.5 KB brotli together (docs/performance.md). A crash still logs its message, with a stack, and
# still shows the crash fallback. `DEBUGGABLE=1` builds with the precompiled std instead.
SMALL_STD_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none"
SMALL_STD_FEATURES="-Zbuild-std-features=optimize_for_size"

# small_std COMMAND...: runs a cargo or wasm-pack build with these settings.
small_std() {
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="$SMALL_STD_RUSTFLAGS" "$@"
}
