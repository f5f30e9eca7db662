# Heliox: the two commands a newcomer needs are `make dev` and `make test`.
# Both install what they need (Rust wasm target, rust-src, protoc, clang) if it is missing.

SHELL := /bin/bash
export CARGO_TARGET_DIR ?= $(HOME)/.cache/heliox-target
HELIOX_DEV_BASE ?= $(HOME)/.local/share/heliox/dev
RPC_PORT ?= 9944
NODE := $(CARGO_TARGET_DIR)/debug/heliox-node

.PHONY: deps build dev test lint chain-specs clean-dev

## Install build prerequisites that are missing (idempotent, quick when all present).
deps:
	@bash scripts/ensure-deps.sh

## Build the node (debug profile; the runtime Wasm is always built optimized).
build: deps
	cargo build -p heliox-node

## Build and start a single-validator dev chain that keeps its state in $(HELIOX_DEV_BASE).
dev: build
	@echo "Heliox dev chain: RPC ws://127.0.0.1:$(RPC_PORT)  (state: $(HELIOX_DEV_BASE))"
	@echo "polkadot.js apps: https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A$(RPC_PORT)#/explorer"
	$(NODE) --dev --base-path "$(HELIOX_DEV_BASE)" --rpc-port $(RPC_PORT) --rpc-cors all

PY_VENV := $(CARGO_TARGET_DIR)/py-venv

## Run every test: unit, runtime, and end-to-end tests against the real node binary (Rust with
## subxt, and Python with py-substrate-interface, against the node binary `cargo test` built).
test: deps
	cargo test --workspace --no-fail-fast
	@# try-runtime's upgrade checks (migrations, storage versions, try_state) on every preset; its
	@# own feature set, and no Wasm build (the node's blob stays the one built above).
	SKIP_WASM_BUILD=1 cargo test -p heliox-runtime --features try-runtime --lib try_runtime
	@test -x "$(PY_VENV)/bin/python" || python3 -m venv "$(PY_VENV)"
	@"$(PY_VENV)/bin/python" -c "import substrateinterface" 2>/dev/null || \
		"$(PY_VENV)/bin/pip" install --quiet "substrate-interface>=1.7,<2"
	"$(PY_VENV)/bin/python" tests/py/client_compat.py "$(NODE)"
	"$(PY_VENV)/bin/python" tests/py/multinode.py "$(NODE)"
	@bash tests/docker_compose_check.sh

## Lints (clippy, every target) and formatting.
lint: deps
	cargo clippy --workspace --all-targets -- -D warnings

## Regenerate chain-specs/ from the runtime of this checkout.
chain-specs: build
	$(NODE) build-spec --chain dev --disable-default-bootnode > chain-specs/dev.json
	$(NODE) build-spec --chain dev --disable-default-bootnode --raw > chain-specs/dev-raw.json
	$(NODE) build-spec --chain local --disable-default-bootnode > chain-specs/local.json
	$(NODE) build-spec --chain local --disable-default-bootnode --raw > chain-specs/local-raw.json
	$(NODE) build-spec --chain staging --disable-default-bootnode > chain-specs/staging.json
	$(NODE) build-spec --chain staging --disable-default-bootnode --raw > chain-specs/staging-raw.json

## Delete the dev chain's state.
clean-dev:
	rm -rf "$(HELIOX_DEV_BASE)"
