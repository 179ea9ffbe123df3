#!/usr/bin/env bash
# Compiles the `delivery` crate's golden Java exports with javac against compile-only stand-ins
# of the Java SDK classes they use (java-stubs/: the SDK's public signatures, no behaviour).
# Catches syntax errors and calls that do not exist in the SDK's API. Needs a JDK; the Go export
# is not compiled here (no Go toolchain in this environment).
# Final line: "N passed, M failed"; exits non-zero on any failure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/tests/conformance/exports"
GOLDEN="$ROOT/src-tauri/crates/delivery/tests/golden"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
passed=0
failed=0
for source in "$GOLDEN"/*.java; do
    if javac -nowarn -d "$OUT" -sourcepath "$HERE/java-stubs" "$source" 2>"$OUT/err.txt"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $(basename "$source")"
        cat "$OUT/err.txt"
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
