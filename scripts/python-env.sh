#!/usr/bin/env bash
# Creates .venv with what the Python tests need (skipping what is already
# there), builds the release wheel users get, and installs that wheel into
# .venv: the Python suite then tests the installed package, not the source
# tree.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=(maturin==1.16.0 pytest mypy jsonschema types-jsonschema pandas pyarrow polars pandas-stubs pyarrow-stubs
  matplotlib nbclient nbformat ipykernel)
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if ! .venv/bin/python -c "import pytest, mypy, jsonschema, pandas, pyarrow, polars, matplotlib, nbclient, nbformat, ipykernel" 2>/dev/null \
  || ! .venv/bin/pip show -q pandas-stubs pyarrow-stubs types-jsonschema >/dev/null 2>&1 \
  || [ "$(.venv/bin/maturin --version 2>/dev/null)" != "maturin 1.16.0" ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check "${TOOLS[@]}"
fi
wheels="${CARGO_TARGET_DIR:-target}/wheels"
rm -f "$wheels"/sundhedsaftale-*.whl
# A release build: what users get, and 12× faster than a debug one.
.venv/bin/maturin build --quiet --release -m bindings-python/Cargo.toml --out "$wheels"
.venv/bin/pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheels"/sundhedsaftale-*.whl
