#!/usr/bin/env bash
# Installs the build prerequisites of Heliox when they are missing:
#   - the Rust toolchain's wasm32v1-none target and rust-src (for the runtime Wasm),
#   - protoc (networking protobufs) and clang.
set -euo pipefail

if ! command -v cargo >/dev/null 2>&1; then
	echo "cargo not found: install Rust with rustup first (https://rustup.rs)" >&2
	exit 1
fi

if command -v rustup >/dev/null 2>&1; then
	rustup target list --installed | grep -qx wasm32v1-none || rustup target add wasm32v1-none
	rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src
fi

missing=()
command -v protoc >/dev/null 2>&1 || missing+=(protobuf-compiler)
command -v clang >/dev/null 2>&1 || missing+=(clang)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
# The end-to-end client test runs py-substrate-interface from a virtualenv.
if command -v python3 >/dev/null 2>&1 && ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then
	missing+=(python3-venv)
fi
if ((${#missing[@]})); then
	sudo=""
	[[ $(id -u) -ne 0 ]] && sudo="sudo"
	echo "installing ${missing[*]} with apt-get" >&2
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
