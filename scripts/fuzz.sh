#!/usr/bin/env bash
# make fuzz: runs each cargo-fuzz target for FUZZ_SECONDS (default 120) with
# the nightly toolchain, from corpora seeded with the shared vectors, and
# prints the executions of each and in all. A crash stops the run with its
# input in fuzz/artifacts/<target>/; keep it as a regression vector in tests/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-120}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
python3 scripts/fuzz-corpus.py
total=0
for target in agreement_json minutes_json observations_csv period; do
  log="$(mktemp)"
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -print_final_stats=1 -max_len=262144 2>&1 | tee "$log" | grep -E "^(#[0-9]+.*DONE|==[0-9]+==|SUMMARY)" || true
  runs=$(grep -E "^stat::number_of_executed_units" "$log" | awk '{print $2}' | tail -1)
  if [ -z "$runs" ]; then echo "fuzz: $target did not finish; see above"; exit 1; fi
  echo "fuzz: $target: $runs executions in ${seconds}s, no crash"
  total=$((total + runs))
  rm -f "$log"
done
echo "fuzz: $total executions in all, no crash"
