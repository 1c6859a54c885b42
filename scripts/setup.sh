#!/usr/bin/env bash
# Installs everything clinic-compare needs to build, serve and test, skipping whatever is already
# there at the right version. Safe to run any number of times; `make demo` and `make test` call it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# The pinned Rust (rust-toolchain.toml): its exact version, with the wasm32 target, rust-src (the
# release widget rebuilds std for size: docs/build.md), clippy and rustfmt. Checked locally first, so
# a machine that has it never contacts the network.
toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
have_toolchain() {
  rustup toolchain list | grep -q "^$toolchain-" || return 1
  local installed
  installed=$(rustup component list --toolchain "$toolchain" --installed 2>/dev/null) || return 1
  for want in rust-src 'clippy-.*' 'rustfmt-.*' 'rust-std-wasm32-unknown-unknown'; do
    grep -qx "$want" <<<"$installed" || return 1
  done
}
if ! have_toolchain; then
  say "installing Rust $toolchain with its components and the wasm32 target (rust-toolchain.toml)"
  rustup toolchain install "$toolchain" --profile minimal \
    --component rust-src,clippy,rustfmt --target wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen version in Cargo.lock exactly, or wasm-pack fetches
# its own copy. (No --locked: the CLI's own lockfile pins a yanked crate.)
[ -f Cargo.lock ] || cargo generate-lockfile
want_bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
have_bindgen=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have_bindgen" != "$want_bindgen" ]; then
  say "installing wasm-bindgen-cli $want_bindgen (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$want_bindgen" --force
fi

want_pack=0.15.1
have_pack=$(wasm-pack --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have_pack" != "$want_pack" ]; then
  say "installing wasm-pack $want_pack (a few minutes, once)"
  cargo install wasm-pack --version "$want_pack" --force
fi

# Debian's Chromium and its driver, for browser tests and screenshots; Node.js for the test runner.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v node >/dev/null || missing+=(nodejs npm)
# Python 3 (standard library only) for the data generators: synthetic exports, sample, places.
command -v python3 >/dev/null || missing+=(python3)
# Fonts so screenshots and layout tests see real text.
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# npm packages from the committed lockfile: playwright-core, axe-core, binaryen (wasm-opt), terser.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi
