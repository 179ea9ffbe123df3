# Shared helpers for the project's scripts: timing of stages and idempotent installs.
# Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

STAGE_LOG="${STAGE_LOG:-$(mktemp)}"

# Runs a named stage, prints its duration and records it for the summary.
stage() {
  local name="$1"
  shift
  local start end
  start=$(date +%s)
  echo "::: stage $name"
  if "$@"; then
    end=$(date +%s)
    echo "::: stage $name passed in $((end - start)) s"
    printf '%-28s %5d s\n' "$name" "$((end - start))" >>"$STAGE_LOG"
  else
    local rc=$?
    end=$(date +%s)
    echo "::: stage $name FAILED (exit $rc) after $((end - start)) s"
    printf '%-28s %5d s  FAILED\n' "$name" "$((end - start))" >>"$STAGE_LOG"
    summary
    exit "$rc"
  fi
}

summary() {
  echo "::: stage timings"
  cat "$STAGE_LOG"
  local failed passed
  failed=$(awk '/FAILED$/ { n++ } END { print n + 0 }' "$STAGE_LOG")
  passed=$(($(wc -l <"$STAGE_LOG") - failed))
  echo "stages: $passed passed, $failed failed"
}
