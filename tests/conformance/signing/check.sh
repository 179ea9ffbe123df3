#!/usr/bin/env bash
# Random cross-check of the `signing` crate against the official Python SDKs.
#
# Each run picks a fresh seed (override with SIGNING_SEED=N to replay one), has the SDKs sign
# SIGNING_COUNT (default 1000) random requests per scheme — Tablestore V2, V4 and response,
# OSS V1 and V4, OpenAPI ACS3, RPC HMAC-SHA1 via Tea and via aliyun-python-sdk-core — and has
# the crate's `conformance_check` example require byte-for-byte equal signatures, accept every
# SDK-signed request, and reject one-character changes, wrong secrets and stale dates.
# Ends with the example's line `N passed, M failed`; exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
PYTHON="$ROOT/.venv/bin/python"
SEED="${SIGNING_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}"
COUNT="${SIGNING_COUNT:-1000}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "signing conformance: seed $SEED, $COUNT cases per scheme (replay with SIGNING_SEED=$SEED)"
(cd "$ROOT/tests/conformance/signing" && "$PYTHON" gen_random.py --seed "$SEED" --count "$COUNT" --out "$WORK/cases.jsonl") 2>"$WORK/gen.log" \
  || { cat "$WORK/gen.log" >&2; exit 1; }

cd "$ROOT"
cargo run -q -p signing --example conformance_check -- "$WORK/cases.jsonl"
