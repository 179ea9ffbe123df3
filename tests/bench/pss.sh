#!/usr/bin/env bash
# Sums PSS (KiB, from /proc/PID/smaps_rollup) over every running process of the binary APP and
# all their descendants (WebKitGTK's web and network processes are children of the app).
# Prints "TOTAL_KIB PROCESS_COUNT NAME=KIB,NAME=KIB,...". Usage: pss.sh /abs/path/to/app-binary
set -euo pipefail
APP="$(readlink -f "${1:?usage: pss.sh APP_BINARY}")"
declare -A parent_of
roots=()
for dir in /proc/[0-9]*; do
  pid="${dir#/proc/}"
  ppid="$(awk '/^PPid:/ {print $2}' "$dir/status" 2>/dev/null)" || continue
  [[ -n "$ppid" ]] || continue
  parent_of[$pid]="$ppid"
  exe="$(readlink "$dir/exe" 2>/dev/null)" || continue
  [[ "${exe% (deleted)}" == "$APP" ]] && roots+=("$pid")
done
is_ours() { # true when $1 is a root or descends from one
  local pid="$1" root
  while [[ -n "$pid" && "$pid" != 0 && "$pid" != 1 ]]; do
    for root in "${roots[@]}"; do [[ "$pid" == "$root" ]] && return 0; done
    pid="${parent_of[$pid]:-}"
  done
  return 1
}
total=0
count=0
detail=()
if ((${#roots[@]})); then
  for pid in "${!parent_of[@]}"; do
    is_ours "$pid" || continue
    pss="$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null)" || continue
    [[ -n "$pss" ]] || continue
    total=$((total + pss))
    count=$((count + 1))
    detail+=("$(cat "/proc/$pid/comm" 2>/dev/null || echo "$pid")=$pss")
  done
fi
echo "$total $count $(IFS=,; echo "${detail[*]}")"
