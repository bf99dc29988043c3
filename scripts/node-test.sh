#!/usr/bin/env bash
# Runs node's test runner over the JS package, and fails when it ran no test.
set -euo pipefail
cd "$(dirname "$0")/../bindings-wasm/js"
log=$(mktemp)
node --test test/ | tee "$log"
grep -Eq '^# pass [1-9]' "$log" || { echo "node-test: no JS test ran" >&2; exit 1; }
