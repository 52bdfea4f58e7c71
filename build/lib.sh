# Shared helpers for the build/ scripts. Sourced, not run.
#
# Every script is run from anywhere; `ROOT` is the repository. Messages go to stderr, one line
# each, prefixed with the script's name, so a failure says where it happened.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPT="$(basename "$0")"
WASM_BINDGEN_VERSION="0.2.130"   # must equal the exact wasm-bindgen pin in Cargo.toml

say() { printf '%s: %s\n' "$SCRIPT" "$*" >&2; }
die() { printf '%s: error: %s\n' "$SCRIPT" "$*" >&2; exit 1; }

# Native target dir (shared with plain `cargo` runs) and the wasm build's own dir: the wasm
# build may use a different compiler (Debian's rustc-web) and must not invalidate the host build.
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
WASM_TARGET_DIR="$TARGET_DIR/wasm"

# How to compile for wasm32-unknown-unknown here: a rustup toolchain that already has the
# target (a contributor's laptop), else Debian's rustc-web with -Zbuild-std (see
# ../shared/toolchain.md). Sets WASM_CARGO (a command array).
wasm_toolchain() {
  if command -v rustup >/dev/null 2>&1 \
    && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    WASM_CARGO=(cargo build --target wasm32-unknown-unknown)
    WASM_ENV=()
  elif [ -x /usr/bin/cargo ] && [ -x /usr/bin/rustc ] && [ -x /usr/lib/llvm-19/bin/wasm-ld ]; then
    # The standard library built for size (its smaller sort and formatting code).
    WASM_CARGO=(/usr/bin/cargo build --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort
      -Zbuild-std-features=optimize_for_size)
    # A panic traps at once, as panic=abort did, without first formatting a message nobody reads
    # (the app installs no panic hook): 25 KB less gzipped wasm. Nor does the wasm carry the
    # source locations such a message would name. With optimize_for_size: 14 KB less.
    WASM_ENV=(RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-19/bin/wasm-ld
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none")
  else
    die "no Rust toolchain for wasm32-unknown-unknown: run ./build/setup first"
  fi
}

# The tilbudsfinder binary, built on demand (release: the build step of big catalogues is hot).
cli() {
  cargo build --quiet --release -p tilbudsfinder-cli --manifest-path "$ROOT/Cargo.toml" \
    || die "could not build the tilbudsfinder command"
  "$TARGET_DIR/release/tilbudsfinder" "$@"
}

# Finishes a built site's page (tilbudsfinder-page, crates/web): preload hints for the index's
# first files and the app's first view prerendered into SITE/index.html.
finish_page() {
  cargo build --quiet --release -p tilbudsfinder-web --features prerender --bin tilbudsfinder-page \
    --manifest-path "$ROOT/Cargo.toml" || die "could not build the page prerenderer"
  "$TARGET_DIR/release/tilbudsfinder-page" "$@"
}

# Runs a command quietly; on failure prints its output and stops.
quietly() {
  local log
  log="$(mktemp)"
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    die "failed: $*"
  fi
  rm -f "$log"
}
