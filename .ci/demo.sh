#!/usr/bin/env bash
# Builds the app with its UI embedded and starts it. The sandbox is offered as the demo profile.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/.ci/install-deps.sh"
npm --prefix "$ROOT/ui" run build --silent
cd "$ROOT"
# custom-protocol embeds ui/dist; without it the binary would look for the Vite dev server.
cargo build --release -p tablestore-delivery-studio --features tauri/custom-protocol
exec "$ROOT/target/release/tablestore-delivery-studio" "$@"
