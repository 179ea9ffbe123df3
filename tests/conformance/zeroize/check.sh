#!/usr/bin/env bash
# Secrets are zeroised on drop: a custom allocator watches every free (see src/main.rs).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
cargo run -q --manifest-path "$ROOT/tests/conformance/zeroize/Cargo.toml"
