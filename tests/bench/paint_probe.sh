#!/usr/bin/env bash
# App cold start without WebDriver: launches the release binary directly on the current X display
# (run.sh runs this inside xvfb-run), times until its window is mapped (xdotool) and until the
# window first shows painted content (the app frame; the first-start screen itself is timed by
# cold_start.mjs under WebDriver) (ImageMagick counts the window's distinct colours: an unpainted
# window is one flat colour, the first screen's anti-aliased text gives hundreds), then idles
# IDLE_SECONDS and sums PSS over the app and its WebKit processes (pss.sh).
# Prints one JSON line: {"seconds": [...], "window_seconds": [...], "pss_kib": [...], "processes": [...],
# "last_breakdown": "NAME=KIB,..."}.
# Usage: paint_probe.sh APP_BINARY RUNS
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
APP="${1:?usage: paint_probe.sh APP_BINARY RUNS}"
RUNS="${2:-3}"
IDLE_SECONDS="${IDLE_SECONDS:-5}"
MIN_COLOURS=50
now_ns() { date +%s%N; }
seconds=() window_seconds=() pss=() processes=() breakdown=""
# Run 0 is a warm-up, not recorded: the first launch after a build reads the binary and WebKit
# from disk; every recorded launch (here and under WebDriver) then starts with a warm page cache.
for run in $(seq 0 "$RUNS"); do
  started="$(now_ns)"
  "$APP" >/dev/null 2>>"${PROBE_LOG:-/dev/null}" &
  pid=$!
  wid=""
  while [[ -z "$wid" ]]; do
    kill -0 "$pid" 2>/dev/null || { echo "the app exited before showing a window" >&2; exit 1; }
    (( $(now_ns) - started < 30000000000 )) || { echo "no window in 30 s" >&2; exit 1; }
    wid="$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -1 || true)"
    [[ -n "$wid" ]] || sleep 0.005
  done
  mapped="$(now_ns)"
  until colours="$(import -silent -window "$wid" -format '%k' info:- 2>/dev/null)" && ((colours >= MIN_COLOURS)); do
    [[ -z "${PROBE_TRACE:-}" ]] || echo "colours ${colours:-?} at $(( ($(now_ns) - started) / 1000000 )) ms" >&2
    (( $(now_ns) - started < 30000000000 )) || { echo "window never painted in 30 s" >&2; exit 1; }
    sleep 0.03 # each probe costs ~0.1 s of CPU; polling harder would slow the app it measures
  done
  painted="$(now_ns)"
  # What the probe saw, for a person to check (PROBE_SHOT=/path/to/file.png).
  [[ -z "${PROBE_SHOT:-}" ]] || import -silent -window "$wid" "$PROBE_SHOT"
  sleep "$IDLE_SECONDS"
  read -r kib count breakdown < <(bash "$HERE/pss.sh" "$APP")
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  sleep 1 # let the WebKit processes exit before the next launch
  ((run > 0)) || continue
  seconds+=("$(echo "scale=6; ($painted - $started) / 1000000000" | bc)")
  window_seconds+=("$(echo "scale=6; ($mapped - $started) / 1000000000" | bc)")
  pss+=("$kib")
  processes+=("$count")
done
join() { local IFS=,; echo "$*"; }
fix() { sed -E 's/(^|,)\./\10./g'; } # bc prints .5; JSON needs 0.5
echo "{\"seconds\": [$(join "${seconds[@]}" | fix)], \"window_seconds\": [$(join "${window_seconds[@]}" | fix)], \"pss_kib\": [$(join "${pss[@]}")], \"processes\": [$(join "${processes[@]}")], \"last_breakdown\": \"$breakdown\"}"
