#!/usr/bin/env bash
# Proves the test run stayed in its sandbox:
#   snapshot FILE  records what any build of the app (release, E2E, IPC tests: every identifier
#                  starting com.tablestore-delivery-studio) owns in the real user folders;
#   check FILE     fails if that changed, or if any test secret appears in what the run left
#                  behind in test-artifacts/ (the run's log, tauri-driver's log, screenshots).
# Files the tests write secrets into on purpose (fixtures, a CLI config to import) live in
# temporary folders and are not scanned; the tests themselves assert that no secret reaches
# the web view, an IPC answer, the app's files or an error.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

APP_IDS="com.tablestore-delivery-studio"
# Secrets the tests use on purpose; none may ever be written anywhere.
SENTINELS=(
  "SentinelSecretValue0123456789"
  "CliSecretSentinel000000000000001"
  "EnvSecretSentinel0000000000001"
  "E2eKeyringSecretSentinel000000001"
  "E2eCliConfigSecretSentinel0000001"
  "IniSecretSentinel000000000001"
  "TokenThatMustNotTravel0001"
)

owned_paths() {
  local base
  for base in "${XDG_CONFIG_HOME:-$HOME/.config}" "${XDG_DATA_HOME:-$HOME/.local/share}" "${XDG_CACHE_HOME:-$HOME/.cache}"; do
    [[ -d "$base" ]] && find "$base" -maxdepth 1 -name "$APP_IDS*" -print0 | xargs -0 -r -I{} find {} -printf '%p %s %T@\n'
  done
  return 0
}

case "${1:-}" in
  snapshot)
    owned_paths | sort >"$2"
    ;;
  check)
    if ! diff <(owned_paths | sort) "$2"; then
      echo "the tests changed the app's folders in the real user folders (above)"
      exit 1
    fi
    echo "the app's folders in the real user folders are untouched"
    leaks=0
    for sentinel in "${SENTINELS[@]}"; do
      if grep -rlF --exclude-dir=node_modules --exclude-dir=.git --exclude-dir=target \
        --exclude-dir=src --exclude-dir=tests "$sentinel" "$ROOT/test-artifacts" 2>/dev/null; then
        echo "a test secret was written to the files above"
        leaks=1
      fi
    done
    [[ $leaks == 0 ]] && echo "no test secret in test artifacts or logs"
    exit "$leaks"
    ;;
  *)
    echo "usage: $0 snapshot|check FILE" >&2
    exit 2
    ;;
esac
