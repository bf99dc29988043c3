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
# Every pinned tool at its pinned version, or a clean install from the lock:
# an earlier run may have installed fewer tools (playwright-core before
# axe-core) or older ones.
tools_installed() {
  (cd bindings-wasm/tools && node -e '
    const { devDependencies } = require("./package.json");
    for (const [name, version] of Object.entries(devDependencies)) {
      let installed = null;
      try { installed = require(`./node_modules/${name}/package.json`).version; } catch {}
      if (installed !== version) { console.error(`browser-test: ${name} ${installed ?? "missing"}, pinned ${version}`); process.exit(1); }
    }')
}
if ! tools_installed; then
  (cd bindings-wasm/tools && npm ci --silent --no-audit --no-fund)
  tools_installed
fi
export SCREENSHOTS="${CARGO_TARGET_DIR:-$PWD/target}/screenshots"
log=$(mktemp)
node --test bindings-wasm/tools/browser-test.mjs | tee "$log"
grep -Eq '^# pass [1-9]' "$log" || { echo "browser-test: no browser test ran" >&2; exit 1; }
grep -Eq '^# fail 0' "$log" || exit 1
echo "browser-test: screenshots in $SCREENSHOTS"
