#!/usr/bin/env bash
# The web components in headless Chromium: Debian's chromium, driven by
# playwright-core (pinned in bindings-wasm/tools). Needs the wasm build
# (make wasm). Screenshots of each element are written to
# $CARGO_TARGET_DIR/screenshots (target/screenshots), not committed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "browser-test: installing Debian's chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d bindings-wasm/tools/node_modules/playwright-core ]; then
  (cd bindings-wasm/tools && npm install --silent --no-audit --no-fund)
fi
export SCREENSHOTS="${CARGO_TARGET_DIR:-$PWD/target}/screenshots"
log=$(mktemp)
node --test bindings-wasm/tools/browser-test.mjs | tee "$log"
grep -Eq '^# pass [1-9]' "$log" || { echo "browser-test: no browser test ran" >&2; exit 1; }
grep -Eq '^# fail 0' "$log" || exit 1
echo "browser-test: screenshots in $SCREENSHOTS"
