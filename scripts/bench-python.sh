#!/usr/bin/env bash
# The Python benchmarks (bindings-python/bench/bench.py) in their own
# environment: a release wheel of the bindings, and pinned peers.
set -euo pipefail
cd "$(dirname "$0")/.."
PEERS=(pydantic==2.14.4 datamodel-code-generator==0.89.0 polars==2.1.0 pandas==3.1.1 pyarrow==26.0.1 maturin==1.16.0)
venv=.venv-bench
if [ ! -x $venv/bin/python ]; then
  python3 -m venv $venv
fi
if ! $venv/bin/pip freeze 2>/dev/null | grep -qx "pandas==3.1.1"; then
  $venv/bin/pip install --quiet --disable-pip-version-check "${PEERS[@]}"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The measured build is a release wheel, installed as a user would.
$venv/bin/maturin build --quiet --release -m bindings-python/Cargo.toml --out "$work/wheel"
$venv/bin/pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$work"/wheel/*.whl
$venv/bin/datamodel-codegen --input core/schema/health-agreement.schema.json --input-file-type jsonschema \
  --output "$work/models.py" --output-model-type pydantic_v2.BaseModel 2>/dev/null
cargo build --quiet --release -p sundhedsaftale-examples --bin synthetic
for scale in quarter:10 half:20 full:40; do
  target/release/synthetic "$work/data/${scale%%:*}" --indicators "${scale##*:}"
done
(cd "$work" && "$OLDPWD/$venv/bin/python" "$OLDPWD/bindings-python/bench/bench.py" "$work/models.py" "$work/data")
