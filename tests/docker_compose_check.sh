#!/usr/bin/env bash
# Validates docker/docker-compose.yml with `docker compose config` (v2) or `docker-compose config`
# (v1) — no container engine is needed for that — and checks the network's wiring: the four
# validators with their session-key flags and distinct node keys, a bootnode address whose peer
# id is Alice's node key, and the RPC node's public flags. Where neither compose is installed it
# installs Debian's docker-compose (v1, no engine) with apt-get when it can, and otherwise skips
# with a message (exit 0).
#
# Usage: tests/docker_compose_check.sh [PATH/TO/heliox-node]   (the binary only checks the
# bootnode's peer id; default $CARGO_TARGET_DIR/debug/heliox-node, skipped if absent)
set -euo pipefail
cd "$(dirname "$0")/.."
file=docker/docker-compose.yml
node=${1:-${CARGO_TARGET_DIR:-$HOME/.cache/heliox-target}/debug/heliox-node}

if ! command -v docker-compose >/dev/null 2>&1 &&
	! { command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; } &&
	command -v apt-get >/dev/null 2>&1; then
	sudo=""
	[[ $(id -u) -ne 0 ]] && sudo="sudo"
	echo "installing docker-compose with apt-get (for 'docker-compose config')" >&2
	{ $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
		docker-compose >/dev/null; } || echo "could not install docker-compose" >&2
fi

if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
	compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
	compose=(docker-compose)
else
	echo "docker-compose check skipped: neither 'docker compose' nor 'docker-compose' is installed"
	exit 0
fi

fail() {
	echo "docker-compose check FAILED: $*" >&2
	exit 1
}

"${compose[@]}" -f "$file" config --quiet || fail "'${compose[*]} config' rejects $file"
config=$("${compose[@]}" -f "$file" config) # the resolved file (anchors merged)

# One service's resolved block.
service() {
	awk -v s="  $1:" '$0 == s { on = 1; next } on && /^  [^ ]/ { exit } on' <<<"$config"
}

keys=()
for v in alice bob charlie dave; do
	block=$(service "$v")
	[[ -n $block ]] || fail "service $v missing"
	for flag in "--$v" --validator --chain=local --base-path=/data; do
		grep -qxF -- "- $flag" <<<"$(sed 's/^ *//' <<<"$block")" || fail "$v lacks $flag"
	done
	key=$(grep -o -- '--node-key=[0-9a-f]*' <<<"$block" | cut -d= -f2)
	[[ ${#key} -eq 64 ]] || fail "$v has no 32-byte --node-key (a validator needs one)"
	keys+=("$key")
	grep -q ':/data' <<<"$block" || fail "$v has no volume on /data"
done
[[ $(printf '%s\n' "${keys[@]}" | sort -u | wc -l) -eq 4 ]] || fail "validators share a node key"

rpc=$(service rpc)
[[ -n $rpc ]] || fail "service rpc missing"
for flag in --rpc-external --rpc-cors=all --rpc-methods=safe --prometheus-external; do
	grep -qF -- "- $flag" <<<"$rpc" || fail "rpc lacks $flag"
done
grep -Eq 'published: "?9944"?' <<<"$rpc" || fail "rpc does not publish 9944"
grep -qF -- "--validator" <<<"$rpc" && fail "the rpc node must not be a validator"

# Every --bootnodes names Alice's peer id, derived from her node key by the node binary.
peers=$(grep -o -- '--bootnodes=[^ ]*' <<<"$config" | sed 's#.*/p2p/##' | sort -u)
[[ $(wc -l <<<"$peers") -eq 1 ]] || fail "bootnode addresses disagree: $peers"
if [[ -x $node ]]; then
	alice=$(printf '%s' "${keys[0]}" | "$node" key inspect-node-key | tail -n1)
	[[ $peers == "$alice" ]] || fail "--bootnodes peer id $peers is not Alice's node key's ($alice)"
else
	echo "(bootnode peer id not checked: no node binary at $node)"
fi
echo "docker-compose.yml is valid (${compose[*]}): 4 validators, rpc node on 9944"
