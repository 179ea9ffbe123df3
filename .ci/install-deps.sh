#!/usr/bin/env bash
# Installs whatever is missing to build, run and test the app on Debian/Ubuntu, idempotently:
# system packages (apt), cargo tools, npm packages (from lock files) and the Python test venv.
# Usage: .ci/install-deps.sh [--for-tests]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

FOR_TESTS=0
[[ "${1:-}" == "--for-tests" ]] && FOR_TESTS=1

SUDO=""
if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi

BUILD_PACKAGES=(libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev file libxdo-dev
  libayatana-appindicator3-dev librsvg2-dev)
TEST_PACKAGES=(xvfb xauth webkit2gtk-driver gnome-keyring dbus-x11 libsecret-tools chromium
  python3-venv imagemagick fonts-wqy-microhei)

missing=()
wanted=("${BUILD_PACKAGES[@]}")
if [[ $FOR_TESTS == 1 ]]; then wanted+=("${TEST_PACKAGES[@]}"); fi
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ $FOR_TESTS == 1 ]] && ! command -v tauri-driver >/dev/null; then
  # ^2: crates.io's newest tauri-driver is a 3.0 alpha.
  cargo install tauri-driver --locked --version ^2
fi

install_npm() {
  local dir="$1"
  # Reinstall only when the lock file changed since the last install.
  local stamp="$dir/node_modules/.installed-lock"
  if [[ ! -f "$stamp" ]] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    (cd "$dir" && npm ci --no-audit --no-fund --engine-strict --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
}
install_npm "$ROOT/ui"

if [[ $FOR_TESTS == 1 ]]; then
  install_npm "$ROOT/tests"
  VENV="$ROOT/.venv"
  [[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
  stamp="$VENV/.installed-requirements"
  if [[ ! -f "$stamp" ]] || ! cmp -s "$ROOT/tests/python/requirements.txt" "$stamp"; then
    "$VENV/bin/pip" install -q --disable-pip-version-check -r "$ROOT/tests/python/requirements.txt"
    cp "$ROOT/tests/python/requirements.txt" "$stamp"
  fi
fi
