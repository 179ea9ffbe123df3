#!/usr/bin/env bash
# Proves the test run stayed in its sandbox:
#   snapshot FILE  records what the release build's identifier owns in the real user folders;
#   check FILE     fails if that changed, or if any test secret appears in what the run left
#                  behind (logs, screenshots' folder, the tests' temp files, config files).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RELEASE_ID="com.tablestore-delivery-studio.desktop"
# Secrets the tests use on purpose; none may ever be written anywhere.
SENTINELS=(
  "SentinelSecretValue0123456789"
  "CliSecretSentinel000000000000001"
  "EnvSecretSentinel0000000000001"
  "E2eKeyringSecretSentinel000000001"
)

owned_paths() {
  local base
  for base in "${XDG_CONFIG_HOME:-$HOME/.config}" "${XDG_DATA_HOME:-$HOME/.local/share}" "$HOME/.cache"; do
    [[ -d "$base/$RELEASE_ID" ]] && find "$base/$RELEASE_ID" -printf '%p %s %T@\n'
  done
  return 0
}

case "${1:-}" in
  snapshot)
    owned_paths | sort >"$2"
    ;;
  check)
    if ! diff <(owned_paths | sort) "$2"; then
      echo "the tests changed the release build's folders (above)"
      exit 1
    fi
    echo "release build folders untouched"
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
