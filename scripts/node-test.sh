#!/usr/bin/env bash
# Runs node's test runner over the JS package (failing when it ran no test),
# then type-checks the TypeScript declarations as a consumer meets them.
set -euo pipefail
cd "$(dirname "$0")/../bindings-wasm/js"
log=$(mktemp)
node --test test/ | tee "$log"
grep -Eq '^# pass [1-9]' "$log" || { echo "node-test: no JS test ran" >&2; exit 1; }
grep -Eq '^# fail 0' "$log" || exit 1

# The TypeScript types: strict, and precise enough that misuse fails to compile.
if [ ! -x node_modules/.bin/tsc ]; then
  npm install --no-save --no-package-lock --silent typescript@5
fi
node_modules/.bin/tsc -p tsconfig.json
# A consumer project beside the package: test/types-check.ts imports
# "sundhedsaftale" by name, resolved through node_modules and the package's
# `exports` (its `types` conditions), under each moduleResolution a project
# may use; node16 and nodenext need `module` to match.
consumer=$(mktemp -d)
trap 'rm -rf "$consumer" "$log"' EXIT
mkdir -p "$consumer/node_modules"
ln -s "$PWD" "$consumer/node_modules/sundhedsaftale"
printf '{ "name": "consumer", "private": true, "type": "module" }\n' > "$consumer/package.json"
cp test/types-check.ts "$consumer/"
for mode in bundler:esnext node16:node16 nodenext:nodenext; do
  node_modules/.bin/tsc --strict --noEmit --skipLibCheck false --target es2022 \
    --moduleResolution "${mode%%:*}" --module "${mode##*:}" "$consumer/types-check.ts"
  echo "node-test: the types check strictly in a consumer under moduleResolution ${mode%%:*}"
done
