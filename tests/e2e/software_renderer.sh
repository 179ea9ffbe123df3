#!/usr/bin/env bash
# The app as a GPU-less machine runs it (this one: no /dev/dri render node): launched directly,
# not through WebDriver, it must choose WebKit's shared-memory renderer for its web process
# (src-tauri/src/software_rendering.rs) and paint its first screen. Run on an X display with a
# session bus (tests/e2e/run.sh provides both). Usage: software_renderer.sh APP_BINARY
set -euo pipefail
APP="${1:?usage: software_renderer.sh APP_BINARY}"
MIN_COLOURS=50 # an unpainted window is one flat colour; the first screen's text gives hundreds
fail() { echo "not ok - $*" >&2; exit 1; }
if compgen -G "/dev/dri/renderD*" >/dev/null; then
  echo "ok - skipped: this machine has a GPU render node, so the app keeps WebKit's default renderer"
  exit 0
fi
env -u WEBKIT_DISABLE_DMABUF_RENDERER "$APP" >/dev/null 2>&1 &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
deadline=$((SECONDS + 60))
# The whole screen: Xvfb's empty root is one flat colour, so only the painted app adds colours.
until colours="$(import -silent -window root -format '%k' info:- 2>/dev/null)" && ((colours >= MIN_COLOURS)); do
  kill -0 "$pid" 2>/dev/null || fail "the app exited before painting its window"
  ((SECONDS < deadline)) || fail "the window was never painted within 60 s (${colours:-?} colours)"
  sleep 0.2
done
renderer=""
for child in $(pgrep -P "$pid"); do
  if [[ "$(cat "/proc/$child/comm" 2>/dev/null)" == WebKitWebProces* ]]; then
    renderer="$(tr '\0' '\n' <"/proc/$child/environ" | sed -n 's/^WEBKIT_DISABLE_DMABUF_RENDERER=//p')"
  fi
done
[[ "$renderer" == 1 ]] || fail "the web process did not get the shared-memory renderer (WEBKIT_DISABLE_DMABUF_RENDERER='$renderer')"
echo "ok - without a GPU the app paints its first screen ($colours colours) with WebKit's shared-memory renderer"
