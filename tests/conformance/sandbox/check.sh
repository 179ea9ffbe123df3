#!/usr/bin/env bash
# The official Python SDKs (tablestore, oss2, Alibaba Cloud OpenAPI SDKs) used unmodified as
# clients of the sandbox binary: proves the sandbox speaks the services' wire protocols.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
cargo build -q -p sandbox --bin sandbox
export SANDBOX_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/sandbox"
"$ROOT/.venv/bin/python" -m pytest -q -p no:cacheprovider "$ROOT/tests/conformance/sandbox" "$@"
