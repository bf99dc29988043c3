#!/usr/bin/env bash
# Runs node's test runner over the JS package (failing when it ran no test),
# then type-checks the TypeScript declarations.
set -euo pipefail
cd "$(dirname "$0")/../bindings-wasm/js"
log=$(mktemp)
node --test test/ | tee "$log"
grep -Eq '^# pass [1-9]' "$log" || { echo "node-test: no JS test ran" >&2; exit 1; }

# The TypeScript types: strict, and precise enough that misuse fails to compile.
if [ ! -x node_modules/.bin/tsc ]; then
  npm install --no-save --no-package-lock --silent typescript@5
fi
node_modules/.bin/tsc -p tsconfig.json
echo "node-test: index.d.ts type-checks strictly"
