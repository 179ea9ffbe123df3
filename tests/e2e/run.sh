#!/usr/bin/env bash
# Runs the end-to-end tests against a built app binary: Xvfb + tauri-driver + WebKitWebDriver.
# Usage: tests/e2e/run.sh /abs/path/to/app-binary [test files...] (default: tests/e2e/*.test.mjs)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
APP="${1:?usage: run.sh APP_BINARY [TEST_FILES...]}"
shift
TESTS=("$@")
if ((${#TESTS[@]} == 0)); then TESTS=("$ROOT"/tests/e2e/*.test.mjs); fi
export E2E_TESTS="${TESTS[*]}"
# Delivery tasks created in the window deliver within milliseconds instead of minutes.
export TDS_SANDBOX_FAST_DELIVERY=1
export TEST_ARTIFACTS="${TEST_ARTIFACTS:-$ROOT/test-artifacts}"
# The app writes under HOME/XDG dirs: keep them in a throwaway folder.
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
export HOME="$SCRATCH/home" XDG_DATA_HOME="$SCRATCH/data" XDG_CONFIG_HOME="$SCRATCH/config"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
mkdir -p "$TEST_ARTIFACTS"
PORT="${TAURI_DRIVER_PORT:-4444}"
export TAURI_APP="$APP" TAURI_DRIVER_PORT="$PORT" SOFTWARE_RENDERER_CHECK="$ROOT/tests/e2e/software_renderer.sh"
# WebKitWebDriver's screenshots never answer on a still page under the shared-memory renderer the
# app picks on a GPU-less machine like this one, so the WebDriver tests run WebKit's default
# renderer (as on a desktop with a GPU); software_renderer.sh checks the GPU-less path first.
export WEBKIT_DISABLE_DMABUF_RENDERER=0
# A private session bus and an unlocked gnome-keyring, so profiles use the real Secret Service.
dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' bash -c '
  echo -n e2e-throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  bash "$SOFTWARE_RENDERER_CHECK" "$TAURI_APP" || exit 1
  tauri-driver --port "$TAURI_DRIVER_PORT" >"$TEST_ARTIFACTS/tauri-driver.log" 2>&1 &
  DRIVER=$!
  for _ in $(seq 50); do
    (echo >/dev/tcp/127.0.0.1/"$TAURI_DRIVER_PORT") 2>/dev/null && break
    sleep 0.1
  done
  # shellcheck disable=SC2086 # the list is space-separated paths without spaces
  node --test --test-concurrency=1 $E2E_TESTS
  rc=$?
  kill "$DRIVER" 2>/dev/null || true
  wait "$DRIVER" 2>/dev/null || true
  exit $rc
'
