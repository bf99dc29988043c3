#!/usr/bin/env bash
# The node benchmark (bindings-wasm/bench/bench.mjs) against ajv, with the
# peers pinned in bindings-wasm/bench/package.json, over a fresh build of
# the module.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-wasm.sh >/dev/null
(cd bindings-wasm/bench && npm install --silent --no-audit --no-fund >/dev/null && node bench.mjs)
