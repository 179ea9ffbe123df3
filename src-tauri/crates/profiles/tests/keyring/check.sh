#!/usr/bin/env bash
# Runs tests/secret_service.rs against a real, private gnome-keyring in four phases:
#   unlocked  dbus-run-session + gnome-keyring unlocked with a throwaway password
#   relock    the same, and the test locks the login collection over D-Bus mid-way
#   locked    dbus-run-session + gnome-keyring started without unlocking (no login collection)
#   no-bus    no session bus at all
# XDG_DATA_HOME points at a temp folder, so the user's own keyring files are never opened.
# Prints "N passed, M failed" last and exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../../.." && pwd)"
cd "$ROOT"

for tool in dbus-run-session gnome-keyring-daemon secret-tool; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt: dbus-x11 gnome-keyring libsecret-tools)"; echo "0 passed, 1 failed"; exit 1; }
done

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Build outside the bus sessions so the timed phases only run tests.
cargo test -q -p profiles --test secret_service --no-run 2>"$TMP/build.log" || { cat "$TMP/build.log"; echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0

# run_phase NAME EXPECTED_TESTS COMMAND...: the command's output must report EXPECTED_TESTS passed.
run_phase() {
  local phase="$1" expected="$2"; shift 2
  local log="$TMP/$phase.log" status=0
  # A keyring prompt nobody can answer would block forever; cap each phase.
  timeout --kill-after=10 300 "$@" >"$log" 2>&1 || status=$?
  # Sum over every "test result:" line (a phase may run cargo test more than once).
  local ok bad
  ok="$(grep -E '^test result:' "$log" | sed -nE 's/.* ([0-9]+) passed.*/\1/p' | awk '{ sum += $1 } END { print sum + 0 }')"
  bad="$(grep -E '^test result:' "$log" | sed -nE 's/.* ([0-9]+) failed.*/\1/p' | awk '{ sum += $1 } END { print sum + 0 }')"
  ok="${ok:-0}"; bad="${bad:-0}"
  if [[ $status -ne 0 || $bad -ne 0 || $ok -ne $expected ]]; then
    echo "phase $phase: FAILED (exit $status, $ok passed of $expected, $bad failed)"
    cat "$log"
    passed=$((passed + ok))
    failed=$((failed + (bad > 0 ? bad : 1)))
  else
    echo "phase $phase: $ok passed"
    passed=$((passed + ok))
  fi
}

TEST=(cargo test -q -p profiles --test secret_service -- --ignored)

mkdir -p "$TMP/unlocked" "$TMP/relock" "$TMP/locked"
# The audit runs after the other tests, in the same keyring, and sees what they left behind.
run_phase unlocked 5 env XDG_DATA_HOME="$TMP/unlocked" PROFILES_REAL_KEYRING=unlocked \
  dbus-run-session -- sh -c 'echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "$@" unlocked_ && "$@" audit_' sh \
  "${TEST[@]}"

run_phase relock 1 env XDG_DATA_HOME="$TMP/relock" PROFILES_REAL_KEYRING=relock \
  dbus-run-session -- sh -c 'echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh \
  "${TEST[@]}" --exact relocked_keyring_reports_keychain_locked_for_reads_and_in_the_list

run_phase locked 1 env XDG_DATA_HOME="$TMP/locked" PROFILES_REAL_KEYRING=locked \
  dbus-run-session -- sh -c 'gnome-keyring-daemon --start --components=secrets >/dev/null && exec "$@"' sh \
  "${TEST[@]}" --exact locked_keyring_without_a_login_collection_refuses_writes_as_keychain_locked

run_phase no-bus 1 env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$TMP/no-runtime" \
  DBUS_SESSION_BUS_ADDRESS="unix:path=$TMP/no-such-bus" PROFILES_REAL_KEYRING=no-bus \
  "${TEST[@]}" --exact no_bus_means_keychain_unavailable_and_the_list_still_loads

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
