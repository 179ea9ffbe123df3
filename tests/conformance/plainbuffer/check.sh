#!/usr/bin/env bash
# Cross-checks the tablestore-wire PlainBuffer codec against the official Python SDK
# (tablestore==6.4.8): random rows each run, both directions, byte-identical encodings.
# Needs $ROOT/.venv (tests/python/requirements.txt). Final line: "N passed, M failed".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
cargo build -q -p tablestore-wire --example plainbuffer_conformance
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
exec "$ROOT/.venv/bin/python" "$ROOT/tests/conformance/plainbuffer/conformance.py" \
  --rust-cmd "$TARGET_DIR/debug/examples/plainbuffer_conformance" "$@"
