#!/usr/bin/env bash
# Builds the release .deb offline, installs it with dpkg, starts the installed app in a real
# window and checks its first screen, then removes the package again.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT/src-tauri"
"$ROOT/ui/node_modules/.bin/tauri" build --bundles deb
DEB="$(ls "$ROOT"/target/release/bundle/deb/*.deb | head -1)"
SUDO=""
if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi
echo "package: $(du -h "$DEB" | cut -f1), installed size: $(dpkg-deb -f "$DEB" Installed-Size) KiB"
$SUDO dpkg -i "$DEB"
trap '$SUDO dpkg -r tablestore-delivery-studio >/dev/null' EXIT
test -x /usr/bin/tablestore-delivery-studio
"$ROOT/tests/e2e/run.sh" /usr/bin/tablestore-delivery-studio "$ROOT/tests/package/installed.test.mjs"
