#!/usr/bin/env bash
# Builds the WebAssembly module and its JS glue for node and for the browser.
#
# Toolchain, in order of preference:
#   1. rustup's wasm32-unknown-unknown target (installed with a short timeout);
#   2. Debian's rustc-web + rust-web-src, building std from source
#      (-Zbuild-std), for machines where rustup cannot download the target.
# Then wasm-bindgen-cli at exactly the version the crate pins.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
TARGET=wasm32-unknown-unknown
OUT=bindings-wasm/js
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
# A ceiling on the module's memory (256 MiB): an input that would need more
# traps inside the module, which the JS layer then restarts, instead of
# taking the page's memory with it.
export RUSTFLAGS="${RUSTFLAGS:-} -C link-arg=--max-memory=268435456"

have_rustup_target() {
  command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$TARGET"
}

if ! have_rustup_target && command -v rustup >/dev/null; then
  echo "build-wasm: adding the $TARGET target with rustup (60 s limit)"
  timeout 60 rustup target add "$TARGET" || echo "build-wasm: rustup could not add $TARGET"
fi

if have_rustup_target; then
  echo "build-wasm: using rustup's $TARGET"
  cargo build --profile wasm-release --target "$TARGET" -p sundhedsaftale-wasm
  WASM=$TARGET_DIR/$TARGET/wasm-release/sundhedsaftale_wasm.wasm
else
  echo "build-wasm: falling back to Debian's rustc-web with -Zbuild-std"
  if ! dpkg -s rust-web-src >/dev/null 2>&1; then
    apt-get update
    apt-get install -y rustc-web cargo-web rust-web-src lld-22
  fi
  PATH=/usr/bin:$PATH RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$TARGET_DIR/debian-wasm" \
    /usr/bin/cargo build --profile wasm-release --target "$TARGET" -Zbuild-std=std,panic_abort -p sundhedsaftale-wasm
  WASM=$TARGET_DIR/debian-wasm/$TARGET/wasm-release/sundhedsaftale_wasm.wasm
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  echo "build-wasm: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

rm -rf "$OUT/pkg-node" "$OUT/pkg-web"
wasm-bindgen --remove-name-section --remove-producers-section --target experimental-nodejs-module --out-dir "$OUT/pkg-node" "$WASM"
wasm-bindgen --remove-name-section --remove-producers-section --target web --out-dir "$OUT/pkg-web" "$WASM"
# The glue keeps its instance in module scope and offers no way to replace
# it. Each gets `__restart()`, built from the glue's own pieces, so the JS
# layer can recover from a trap. Checked against the pinned version: if the
# pieces are not there, the build fails rather than ship a glue without it.
node_glue="$OUT/pkg-node/sundhedsaftale_wasm.js"
web_glue="$OUT/pkg-web/sundhedsaftale_wasm.js"
for needle in "let wasmInstance = new WebAssembly.Instance(wasmModule, __wbg_get_imports());" "let cachedUint8ArrayMemory0 = null;"; do
  grep -qF "$needle" "$node_glue" || { echo "build-wasm: node glue lacks: $needle"; exit 1; }
done
grep -qF "function __wbg_finalize_init(instance, module) {" "$web_glue" || { echo "build-wasm: web glue lacks __wbg_finalize_init"; exit 1; }
cat >> "$node_glue" <<'JS'

/** Replaces the instance by a fresh one, after a trap left it unusable. */
export function __restart() {
    wasmInstance = new WebAssembly.Instance(wasmModule, __wbg_get_imports());
    wasm = wasmInstance.exports;
    cachedUint8ArrayMemory0 = null;
    wasm.__wbindgen_start();
}
JS
cat >> "$web_glue" <<'JS'

/** Replaces the instance by a fresh one, after a trap left it unusable. */
export function __restart() {
    __wbg_finalize_init(new WebAssembly.Instance(wasmModule, __wbg_get_imports()), wasmModule);
}
JS
echo "build-wasm: $(stat -c %s "$OUT/pkg-web/sundhedsaftale_wasm_bg.wasm") bytes of wasm"
