#!/usr/bin/env bash
# Validates docker/docker-compose.yml (`docker compose config`, or docker-compose v1); skips
# with a message where neither is installed (no container engine is needed to validate).
set -euo pipefail
cd "$(dirname "$0")/.."
file=docker/docker-compose.yml
if docker compose version >/dev/null 2>&1; then
	docker compose -f "$file" config --quiet
elif command -v docker-compose >/dev/null 2>&1; then
	docker-compose -f "$file" config --quiet
else
	echo "docker-compose check skipped: neither 'docker compose' nor 'docker-compose' is installed"
	exit 0
fi
# The four validators and the RPC node are all there.
for service in alice bob charlie dave rpc; do
	grep -q "^  $service:" "$file" || { echo "service $service missing from $file"; exit 1; }
done
echo "docker-compose.yml is valid"
