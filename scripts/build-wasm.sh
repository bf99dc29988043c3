#!/usr/bin/env bash
# Builds the WebAssembly module and its JS glue for node and for the browser.
#
# Toolchain, in order of preference:
#   1. rustup's wasm32-unknown-unknown target (installed with a short timeout);
#   2. Debian's rustc-web + rust-web-src, building std from source
#      (-Zbuild-std), for machines where rustup cannot download the target.
# Then wasm-bindgen-cli at exactly the version the crate pins, and binaryen's
# wasm-opt (npm, pinned in bindings-wasm/tools) to shrink the module. One
# module serves node and the browser: node's entry point reads its bytes.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
TARGET=wasm32-unknown-unknown
OUT=bindings-wasm/js
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
# The module's memory ceiling is a wasm32 flag in .cargo/config.toml, so no
# host build (nor the `cargo install` below) sees it. RUSTFLAGS, when set,
# replaces target flags from config: the ceiling is then added to it for the
# wasm build's command alone.
MEMORY_CEILING="-C link-arg=--max-memory=268435456"
wasm_cargo() {
  if [ -n "${RUSTFLAGS:-}" ]; then
    RUSTFLAGS="$RUSTFLAGS $MEMORY_CEILING" "$@"
  else
    "$@"
  fi
}

have_rustup_target() {
  command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$TARGET"
}

if ! have_rustup_target && command -v rustup >/dev/null; then
  echo "build-wasm: adding the $TARGET target with rustup (60 s limit)"
  timeout 60 rustup target add "$TARGET" || echo "build-wasm: rustup could not add $TARGET"
fi

# Builds one package of the workspace for wasm32 and says where its module is.
# Each package is built on its own, so that its features stay its own: the
# Excel reader must not reach the main module through feature unification.
build_package() {
  local package=$1 file=${1//-/_}
  if have_rustup_target; then
    wasm_cargo cargo build --profile wasm-release --target "$TARGET" -p "$package" >&2
    echo "$TARGET_DIR/$TARGET/wasm-release/$file.wasm"
  else
    if ! dpkg -s rust-web-src >/dev/null 2>&1; then
      apt-get update >&2
      apt-get install -y rustc-web cargo-web rust-web-src lld-22 >&2
    fi
    PATH=/usr/bin:$PATH RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$TARGET_DIR/debian-wasm" \
      wasm_cargo /usr/bin/cargo build --profile wasm-release --target "$TARGET" -Zbuild-std=std,panic_abort -p "$package" >&2
    echo "$TARGET_DIR/debian-wasm/$TARGET/wasm-release/$file.wasm"
  fi
}

if have_rustup_target; then
  echo "build-wasm: using rustup's $TARGET"
else
  echo "build-wasm: falling back to Debian's rustc-web with -Zbuild-std"
fi
WASM=$(build_package sundhedsaftale-wasm)
# The Excel reader, a module of its own that a page loads only to read a workbook.
EXCEL_WASM=$(build_package sundhedsaftale-wasm-excel)

# The CLI is looked for where `cargo install` puts it ($CARGO_INSTALL_ROOT,
# else ~/.cargo), not anywhere on PATH: CI points that root at an empty
# folder, so this install step runs there as on a new machine.
TOOLS_BIN="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin"
WASM_BINDGEN="$TOOLS_BIN/wasm-bindgen"
if [ "$("$WASM_BINDGEN" --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  echo "build-wasm: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION into $TOOLS_BIN"
  # Not --locked: the CLI's published lock names a webpki-roots release the
  # registry no longer serves, so a locked install fails on a new machine.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x bindings-wasm/tools/node_modules/.bin/wasm-opt ]; then
  (cd bindings-wasm/tools && npm install --silent --no-audit --no-fund)
fi

rm -rf "$OUT/pkg"
# The package ships the repository's licences (copied, as npm pack skips symlinks).
cp LICENSE-MIT LICENSE-APACHE "$OUT/"
"$WASM_BINDGEN" --remove-name-section --remove-producers-section --target web --out-dir "$OUT/pkg" "$WASM"
"$WASM_BINDGEN" --remove-name-section --remove-producers-section --target web --out-dir "$OUT/pkg" "$EXCEL_WASM"
module="$OUT/pkg/sundhedsaftale_wasm_bg.wasm"
before=$(stat -c %s "$module")
# The features Rust's wasm32 target uses, so that wasm-opt accepts the module
# as built. No inlining: rustc has inlined for size already, and wasm-opt's
# own inlining made the module smaller raw but 20 % larger gzipped.
for m in "$module" "$OUT/pkg/sundhedsaftale_wasm_excel_bg.wasm"; do
  bindings-wasm/tools/node_modules/.bin/wasm-opt -Oz -aimfs 0 -fimfs 0 -ocimfs 0 --low-memory-unused \
    --strip-debug --strip-producers \
    --enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int \
    --enable-reference-types --enable-multivalue \
    -o "$m.opt" "$m"
  mv "$m.opt" "$m"
done
# The glue keeps its instance in module scope and offers no way to replace
# it. It gets `__restart()`, built from the glue's own pieces, so the JS
# layer can recover from a trap. Checked against the pinned version: if the
# pieces are not there, the build fails rather than ship a glue without it.
for glue in "$OUT/pkg/sundhedsaftale_wasm.js" "$OUT/pkg/sundhedsaftale_wasm_excel.js"; do
  grep -qF "function __wbg_finalize_init(instance, module) {" "$glue" || { echo "build-wasm: $glue lacks __wbg_finalize_init"; exit 1; }
  cat >> "$glue" <<'JS'

/** Replaces the instance by a fresh one, after a trap left it unusable. */
export function __restart() {
    __wbg_finalize_init(new WebAssembly.Instance(wasmModule, __wbg_get_imports()), wasmModule);
}
JS
done
echo "build-wasm: $before bytes of wasm, $(stat -c %s "$module") after wasm-opt, $(gzip -9 -c "$module" | wc -c) gzipped"
excel="$OUT/pkg/sundhedsaftale_wasm_excel_bg.wasm"
echo "build-wasm: the Excel module, $(stat -c %s "$excel") bytes, $(gzip -9 -c "$excel" | wc -c) gzipped"
pages=$(node scripts/wasm-memory-max.mjs "$module")
[ "$pages" = 4096 ] || { echo "build-wasm: the module's memory maximum is $pages pages, not 4096 (256 MiB): the ceiling in .cargo/config.toml did not reach the build"; exit 1; }
