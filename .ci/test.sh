#!/usr/bin/env bash
# Runs every test of the project, installing what is missing first. Fails on the first failure.
# This is the README's test command and what CI runs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
export CARGO_TERM_COLOR=never
export TEST_ARTIFACTS="$ROOT/test-artifacts"
rm -rf "$TEST_ARTIFACTS" && mkdir -p "$TEST_ARTIFACTS"
# Everything the run prints is kept, so the secret scan at the end covers every log line.
exec > >(tee "$TEST_ARTIFACTS/run.log") 2>&1
HERMETIC_SNAPSHOT="$(mktemp)"
"$ROOT/.ci/hermeticity.sh" snapshot "$HERMETIC_SNAPSHOT"

# The MockRuntime IPC tests need tauri's `test` feature; enabling it for every cargo step keeps
# tauri compiled once for clippy and once for the tests.
APP_TEST_FEATURES=(--features tablestore-delivery-studio/test,app-services/test-support)

stage "install dependencies" "$ROOT/.ci/install-deps.sh" --for-tests
stage "ui build" npm --prefix ui run build --silent
stage "rustfmt" cargo fmt --all --check
stage "clippy" cargo clippy --workspace --all-targets "${APP_TEST_FEATURES[@]}" --quiet -- -D warnings

no_tauri_in_library_crates() {
  local manifest name
  for manifest in src-tauri/crates/*/Cargo.toml; do
    name=$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -1)
    if cargo tree -p "$name" --prefix none --format '{p}' --quiet | grep -qE '^tauri(-[a-z-]+)? v'; then
      echo "library crate $name depends on tauri; core logic must build without it"
      return 1
    fi
    echo "library crate $name: no tauri in its dependency tree"
  done
}
stage "no tauri in library crates" no_tauri_in_library_crates

# ts-rs writes the IPC bindings when the tests run; they go to a fresh folder here and are
# compared with the committed ones, so new, changed and deleted types all count as drift and
# the working tree is never touched.
GENERATED_BINDINGS="$(mktemp -d)"
cargo_tests() {
  # Tauri creates an app's data folder under XDG_DATA_HOME (the IPC tests' app too): point the
  # XDG folders at a scratch one so no test touches the real user folders (HOME stays: cargo
  # and rustup live there).
  local xdg
  xdg="$(mktemp -d)"
  XDG_DATA_HOME="$xdg/data" XDG_CONFIG_HOME="$xdg/config" XDG_CACHE_HOME="$xdg/cache" \
    TS_RS_EXPORT_DIR="$GENERATED_BINDINGS" cargo test --workspace "${APP_TEST_FEATURES[@]}" --quiet
}
stage "cargo test" cargo_tests

bindings_drift() {
  if ! diff -r "$GENERATED_BINDINGS" ui/src/bindings; then
    echo "ui/src/bindings differs from what ts-rs generates (above); run cargo test and commit"
    return 1
  fi
}
stage "bindings drift" bindings_drift

# The About box lists the shipped packages' licences from a committed, generated file.
licences_drift() {
  local generated copyright
  generated="$(mktemp)"
  copyright="$(mktemp)"
  python3 .ci/third_party_licences.py "$generated" "$copyright"
  # The .deb's copyright file too, here rather than at the late package stage.
  if ! diff -u src-tauri/third-party-licences.json "$generated" ||
    ! diff -u src-tauri/third-party-licences.txt "$copyright" >/dev/null; then
    echo "src-tauri/third-party-licences.json or .txt is stale; run: python3 .ci/third_party_licences.py src-tauri/third-party-licences.json"
    return 1
  fi
}
stage "licence list drift" licences_drift

stage "ui lint" npm --prefix ui run lint --silent
stage "ui typecheck" npm --prefix ui run typecheck --silent
stage "ui unit tests" npm --prefix ui test --silent

conformance() {
  local check
  for check in tests/conformance/*/check.sh; do
    [[ -e "$check" ]] || continue
    echo "--- $check"
    bash "$check"
  done
}
stage "conformance (official SDKs)" conformance
stage "keyring (real Secret Service)" bash src-tauri/crates/profiles/tests/keyring/check.sh

stage "ui in chromium" node --test --test-concurrency=1 tests/ui-browser/

build_e2e_app() {
  # Its own identifier, so the tests never touch a user's real data or keyring namespace.
  TAURI_CONFIG="$(cat src-tauri/tauri.e2e.conf.json)" \
    cargo build -p tablestore-delivery-studio --features tauri/custom-protocol --quiet
}
stage "e2e app build" build_e2e_app
stage "e2e real window" tests/e2e/run.sh "$ROOT/target/debug/tablestore-delivery-studio"
stage "release .deb installed and started" tests/package/deb.sh
stage "hermeticity and secret scan" "$ROOT/.ci/hermeticity.sh" check "$HERMETIC_SNAPSHOT"

summary
