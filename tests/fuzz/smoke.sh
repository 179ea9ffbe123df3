#!/usr/bin/env bash
# Bounded smoke run of every cargo-fuzz target (issue 14, "Fuzzing"): each target runs for
# FUZZ_SECONDS (default 20) from its seed corpus; any crash, panic or broken invariant fails it.
# Needs the nightly toolchain and cargo-fuzz; without them it says so and exits 0.
#
#   tests/fuzz/smoke.sh                  # all targets, 20 s each
#   FUZZ_SECONDS=60 tests/fuzz/smoke.sh  # longer
#
# The first run builds each fuzz package (with ASan) into its own fuzz/target/ unless
# CARGO_TARGET_DIR is set: several minutes (cloud-clients pulls in reqwest and aws-lc).
# Crash inputs land in <crate>/fuzz/artifacts/<target>/; see each crate's README, "Fuzzing".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CRATES="$ROOT/src-tauri/crates"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-20}"

if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "skipped: nightly/cargo-fuzz not installed (rustup toolchain install nightly; cargo install cargo-fuzz)"
  echo "0 passed, 0 failed"
  exit 0
fi

# crate directory | target | extra libFuzzer arguments
TARGETS=(
  "tablestore-wire|decode_rows|"
  "tablestore-wire|decode_primary_key|"
  "tablestore-wire|decode_responses|"
  "cloud-clients|oss_xml|-dict=oss_xml.dict"
  "delivery|task_files|-dict=task_files.dict"
  "profiles|config_files|"
)

passed=0
failed=0
for entry in "${TARGETS[@]}"; do
  IFS='|' read -r crate target extra <<<"$entry"
  dir="$CRATES/$crate/fuzz"
  # Seed the corpus (git-ignored) so a short run starts from valid documents.
  if [[ -f "$dir/seed_corpus.py" ]] && command -v python3 >/dev/null; then
    python3 "$dir/seed_corpus.py" >/dev/null
  fi
  echo "== $crate/$target (${SECONDS_PER_TARGET}s)"
  log="$(mktemp)"
  # shellcheck disable=SC2086 # $extra is zero or one word by construction
  if (cd "$dir" && cargo +nightly fuzz run "$target" -- \
        -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 $extra) >"$log" 2>&1; then
    grep -E '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec)' "$log" ||
      echo "(libFuzzer printed no final stats for this run)"
    passed=$((passed + 1))
  else
    tail -n 40 "$log"
    echo "FAILED: $crate/$target (the crash input is in $dir/artifacts/$target/)"
    failed=$((failed + 1))
  fi
  rm -f "$log"
done
echo "$passed passed, $failed failed"
[[ "$failed" == 0 ]]
