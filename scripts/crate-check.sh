#!/usr/bin/env bash
# The crate as a Rust user gets it: its examples run, every feature builds
# alone and with none, it builds with its declared MSRV, and it packages for
# crates.io with its doctests passing inside the package.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "--- examples"
for example in core/examples/*.rs; do
  name=$(basename "$example" .rs)
  echo "cargo run --example $name"
  cargo run -q -p sundhedsaftale --example "$name" > /dev/null
done

echo "--- features: none, each alone, all"
features=$(sed -n '/^\[features\]/,/^\[/p' core/Cargo.toml | grep -E '^[a-z_-]+ =' | grep -v '^default' | cut -d' ' -f1)
cargo check -q -p sundhedsaftale --no-default-features
for f in $features; do
  echo "feature $f"
  cargo check -q -p sundhedsaftale --no-default-features --features "$f"
done
cargo check -q -p sundhedsaftale --all-features

echo "--- MSRV"
msrv=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml)
if ! rustup toolchain list | grep -q "^$msrv"; then
  rustup toolchain install "$msrv" --profile minimal
fi
cargo "+$msrv" check -q -p sundhedsaftale --all-targets --locked
cargo "+$msrv" check -q -p sundhedsaftale --no-default-features --locked

echo "--- package"
cargo publish --dry-run --allow-dirty -q -p sundhedsaftale 2> >(grep -v "^warning: ignoring \(test\|benchmark\)" >&2)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
CARGO_TARGET_DIR=target/package/target \
  cargo test -q --doc --locked --manifest-path "target/package/sundhedsaftale-$version/Cargo.toml"
