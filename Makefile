# The two commands of the README:
#   make report   runs the main job on the embedded data (same as `cargo run --release --bin report`)
#   make test     installs what the tests need and runs every suite: Rust, Python, JS, browser
# Each stage prints how long it took.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := report

define stage
	@echo "::: $(1)"; start=$$(date +%s); $(2); echo "::: $(1): $$(( $$(date +%s) - start ))s"
endef

.PHONY: report test lint test-rust crate-check python-env test-python wasm test-js test-browser bench fuzz

report:
	cargo run --release --bin report

test: lint test-rust crate-check test-python test-js test-browser
	@echo "::: all suites passed"

lint:
	$(call stage,rustfmt,cargo fmt --all -- --check)
	$(call stage,clippy,cargo clippy --workspace --all-targets -- -D warnings)

test-rust:
	$(call stage,rust tests,cargo test --workspace)
	$(call stage,corruption corpus (catch rate per family),cargo test -q -p sundhedsaftale --test corpus -- --nocapture 2>&1 | grep -E '^(corpus|missed)')

# Examples, each feature alone, the MSRV, and `cargo publish --dry-run` with
# the packaged crate's doctests.
crate-check:
	$(call stage,crate check,scripts/crate-check.sh)

python-env:
	$(call stage,python environment,scripts/python-env.sh)

test-python: python-env
	$(call stage,python tests,.venv/bin/python -m pytest -q bindings-python/tests)

wasm:
	$(call stage,wasm build,scripts/build-wasm.sh)

test-js: wasm
	$(call stage,js tests,scripts/node-test.sh)

# The web components in headless Chromium (examples/web/index.html and the README's page).
test-browser: wasm
	$(call stage,browser tests,scripts/browser-test.sh)

bench:
	cargo bench -p sundhedsaftale --bench parse_validate
	cargo bench -p sundhedsaftale --bench follow_up
	cargo bench -p sundhedsaftale --bench document_size
	cargo bench -p sundhedsaftale --bench bad_rows
	scripts/bench-python.sh
	scripts/bench-js.sh

fuzz:
	$(call stage,fuzz,scripts/fuzz.sh)
