#!/usr/bin/env bash
# Builds the release .deb offline, installs it with dpkg, starts the installed app in a real
# window and checks its first screen, then removes the package again. Also checks that the
# package installs the third-party licence texts as its Debian copyright file.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT/src-tauri"
"$ROOT/ui/node_modules/.bin/tauri" build --bundles deb
DEB="$(ls "${CARGO_TARGET_DIR:-$ROOT/target}"/release/bundle/deb/*.deb | head -1)"
SUDO=""
if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi
echo "package: $(du -h "$DEB" | cut -f1), installed size: $(dpkg-deb -f "$DEB" Installed-Size) KiB"
$SUDO dpkg -i "$DEB"
trap '$SUDO dpkg -r tablestore-delivery-studio >/dev/null' EXIT
test -x /usr/bin/tablestore-delivery-studio
# Debian packages carry their licences in /usr/share/doc/<package>/copyright.
check_copyright_file() {
  local installed="$1" package
  # A package line: two spaces, name, version, then its ecosystem and licence in brackets.
  local package_line='^  [^ ]+ [^ ]+ \((cargo|npm), '
  # The same text as generated from the committed list (which CI checks against the lock files).
  if ! cmp "$installed" <(python3 "$ROOT/.ci/third_party_licences.py" --render-copyright "$ROOT/src-tauri/third-party-licences.json"); then
    echo "$installed is not the copyright file generated from src-tauri/third-party-licences.json"
    return 1
  fi
  for package in tauri wry reqwest parquet react i18next; do
    if ! grep -qE "^  $package [^ ]+ \((cargo|npm), " "$installed"; then
      echo "$installed does not name $package"
      return 1
    fi
  done
  if ! grep -qF "Copyright (c) Meta Platforms, Inc. and affiliates." "$installed"; then
    echo "$installed lacks React's copyright notice"
    return 1
  fi
  echo "installed $installed: $(wc -c <"$installed") bytes," \
    "$(grep -E "$package_line" "$installed" | cut -d' ' -f3-5 | sort -u | wc -l) packages"
}
check_copyright_file /usr/share/doc/tablestore-delivery-studio/copyright
"$ROOT/tests/e2e/run.sh" /usr/bin/tablestore-delivery-studio "$ROOT/tests/package/installed.test.mjs"
