#!/usr/bin/env bash
# Renders Parquet fixtures with the `delivery` crate and reads them back with pyarrow.
# Final line: "N passed, M failed"; exits non-zero on any mismatch.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
cd "$ROOT"
cargo run -q -p delivery --example render_parquet_fixtures -- "$OUT"
"$ROOT/.venv/bin/python" "$ROOT/tests/conformance/parquet/check.py" "$OUT"
