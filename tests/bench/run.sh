#!/usr/bin/env bash
# The benchmark command (issue 13). Builds in release mode, measures each row side by side in
# this one run (ours, then the official SDK / pyarrow on the same input), takes medians, prints
# one table and writes it with the machine's description to tests/bench/RESULTS.md.
# Not part of the test command: it takes several minutes and its numbers depend on the machine.
#
# Usage: tests/bench/run.sh            (BENCH_RUNS=N changes the runs per measure, default 5)
# Needs: the repo's .venv (tests/python/requirements.txt), npm, xvfb-run, tauri-driver and
# WebKitWebDriver (as tests/e2e/run.sh), node modules in tests/ (npm --prefix tests ci).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Release builds go next to CI's debug ones (target/release), so CI's target/debug is untouched.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
PY="$ROOT/.venv/bin/python"
RUNS="${BENCH_RUNS:-5}"
APP_RUNS="${BENCH_APP_RUNS:-3}"
HERE="$ROOT/tests/bench"
# Raw measurements and logs of the last run stay here for a look after the run.
WORK="$CARGO_TARGET_DIR/bench-run"
rm -rf "$WORK"
mkdir -p "$WORK"
SANDBOX_PID=""
cleanup() {
  if [[ -n "$SANDBOX_PID" ]]; then kill -INT "$SANDBOX_PID" 2>/dev/null || true; wait "$SANDBOX_PID" 2>/dev/null || true; fi
  rm -rf "$WORK/app-home"
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*" >&2; }

step "building (release)"
# Runs a build quietly; shows its log only when it fails.
build() {
  "$@" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; echo "failed: $*" >&2; exit 1; }
}
build npm --prefix "$ROOT/ui" run build
build cargo build --release -p sandbox --bin sandbox
build cargo build --release -p cloud-clients --example sample_bench
build cargo build --release -p tablestore-wire --example plainbuffer_conformance
build cargo build --release -p tablestore-delivery-studio --features tauri/custom-protocol
build cargo bench --no-run -p tablestore-wire --bench decode_page
build cargo bench --no-run -p delivery --bench inference --bench render_parquet
REL="$CARGO_TARGET_DIR/release"

# The median per-iteration time (seconds) of a Criterion benchmark's last run.
criterion_median() {
  local file
  file="$(ls -t $CARGO_TARGET_DIR/criterion/$1/new/estimates.json | head -1)"
  "$PY" -c 'import json,sys; print(json.dumps({"seconds": [json.load(open(sys.argv[1]))["median"]["point_estimate"] / 1e9]}))' "$file"
}

# Starts the sandbox binary with ROWS in the large table; sets SANDBOX_PID, writes its JSON line
# to $WORK/sandbox.json and how long it took to print it (seconds) to $WORK/start-seconds.
start_sandbox() {
  rm -f "$WORK/sandbox.json"
  local started ended
  started="$(date +%s%N)"
  "$REL/sandbox" --json --large-table-rows "$1" >"$WORK/sandbox.json" 2>"$WORK/sandbox.err" &
  SANDBOX_PID=$!
  until [[ -s "$WORK/sandbox.json" ]]; do
    kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$WORK/sandbox.err" >&2; exit 1; }
    sleep 0.002
  done
  ended="$(date +%s%N)"
  echo "scale=6; ($ended - $started) / 1000000000" | bc >"$WORK/start-seconds"
}
# CPU seconds (user + system) the sandbox process has used so far.
sandbox_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); print ($12 + $13) / hz }' "/proc/$SANDBOX_PID/stat"
}
stop_sandbox() {
  kill -INT "$SANDBOX_PID"
  wait "$SANDBOX_PID" 2>/dev/null || true
  SANDBOX_PID=""
}

step "PlainBuffer decode of a 4 MB page"
"$REL/examples/plainbuffer_conformance" write-page "$WORK/page.bin"
cargo bench -q -p tablestore-wire --bench decode_page -- --warm-up-time 1 --measurement-time 3 >"$WORK/decode-criterion.log" 2>&1
criterion_median 'decode_4mb_page_*_rows/borrowed_streaming' >"$WORK/decode-ours.json"
criterion_median 'decode_4mb_page_*_rows/owned_rows' >"$WORK/decode-ours-owned.json"
"$PY" "$HERE/anchors.py" decode-c "$WORK/page.bin" $((RUNS * 2)) >"$WORK/decode-c.json"
"$PY" "$HERE/anchors.py" decode-sdk "$WORK/page.bin" $((RUNS * 2)) >"$WORK/decode-sdk.json"
"$PY" "$HERE/anchors.py" decode-python "$WORK/page.bin" "$RUNS" >"$WORK/decode-python.json"
stat -c %s "$WORK/page.bin" >"$WORK/page-bytes"

step "sampling 100,000 rows from the sandbox over loopback"
start_sandbox 100000
"$PY" - "$WORK/sandbox.json" >"$WORK/sample-args" <<'PY'
import json, sys
info = json.loads(open(sys.argv[1]).readline())
print(info["tablestore"], info["instance"], info["accessKeyId"], info["accessKeySecret"])
PY
read -r TS_ENDPOINT TS_INSTANCE KEY_ID KEY_SECRET <"$WORK/sample-args"
# Our client reading 100,000 rows of `orders` $1 times, as JSON.
sample_ours() {
  "$REL/examples/sample_bench" --endpoint "$TS_ENDPOINT" --instance "$TS_INSTANCE" \
    --key-id "$KEY_ID" --key-secret "$KEY_SECRET" --table orders --rows 100000 --runs "$1"
}
# One unrecorded read first: the sandbox encodes each seed row the first time it is read, which
# would otherwise land in the first client's runs (and its server CPU) only.
sample_ours 1 >/dev/null
cpu_before="$(sandbox_cpu)"
sample_ours "$RUNS" >"$WORK/sample-ours.json"
cpu_between="$(sandbox_cpu)"
"$PY" "$HERE/anchors.py" sample "$WORK/sandbox.json" 100000 "$RUNS" >"$WORK/sample-python.json"
cpu_after="$(sandbox_cpu)"
# How much of each run the server itself spent on the CPU (it serves both clients alike).
echo "{\"ours\": $(echo "($cpu_between - $cpu_before) / $RUNS" | bc -l), \"python\": $(echo "($cpu_after - $cpu_between) / $RUNS" | bc -l)}" | sed -E 's/ \./ 0./g' >"$WORK/sample-server-cpu.json"
stop_sandbox

step "schema inference over 100,000 rows x 20 columns"
cargo bench -q -p delivery --bench inference -- --warm-up-time 1 --measurement-time 3 >"$WORK/inference-criterion.log" 2>&1
criterion_median 'inference/100k_rows_x_20_columns' >"$WORK/infer-ours.json"
"$PY" "$HERE/anchors.py" infer "$RUNS" >"$WORK/infer-pyarrow.json"

step "rendering 1,000,000 rows x 10 columns to Parquet"
# (The Criterion bench also prints its own best-of-3 pyarrow line into this log; the table
# uses the median from anchors.py below.)
cargo bench -q -p delivery --bench render_parquet -- --warm-up-time 1 --measurement-time 5 >"$WORK/parquet-criterion.log" 2>&1
criterion_median 'render_parquet/1m_rows_x_10_columns' >"$WORK/parquet-ours.json"
criterion_median 'render_parquet/1m_rows_x_10_columns_one_thread' >"$WORK/parquet-ours-one-thread.json"
"$PY" "$HERE/anchors.py" parquet "$RUNS" >"$WORK/parquet-pyarrow.json"
"$PY" "$HERE/anchors.py" parquet-rows 3 >"$WORK/parquet-pyarrow-rows.json"

step "sandbox start-up with the 200,000-row table"
: >"$WORK/sandbox-start.txt"
for _ in $(seq "$RUNS"); do
  start_sandbox 200000
  seconds="$(cat "$WORK/start-seconds")"
  rss="$(awk '/^VmRSS:/ {print $2}' "/proc/$SANDBOX_PID/status")"
  echo "$seconds $rss" >>"$WORK/sandbox-start.txt"
  stop_sandbox
done

step "app cold start and idle memory (Xvfb: direct launch with a paint probe, then WebDriver)"
APP="$REL/tablestore-delivery-studio"
SCRATCH="$WORK/app-home"
mkdir -p "$SCRATCH/home" "$SCRATCH/data" "$SCRATCH/config" "$SCRATCH/cache"
PORT="${TAURI_DRIVER_PORT:-4461}"
HOME="$SCRATCH/home" XDG_DATA_HOME="$SCRATCH/data" XDG_CONFIG_HOME="$SCRATCH/config" \
  XDG_CACHE_HOME="$SCRATCH/cache" TAURI_APP="$APP" TAURI_DRIVER_PORT="$PORT" RUNS="$APP_RUNS" \
  xvfb-run -a -s '-screen 0 1280x800x24' bash -c '
  PROBE_LOG="'"$WORK"'/app-stderr.log" bash "'"$HERE"'/paint_probe.sh" "$TAURI_APP" "$RUNS" >"'"$WORK"'/app-direct.json" || exit 1
  tauri-driver --port "$TAURI_DRIVER_PORT" --native-port $((TAURI_DRIVER_PORT + 1)) >"'"$WORK"'/tauri-driver.log" 2>&1 &
  DRIVER=$!
  for _ in $(seq 100); do
    (echo >/dev/tcp/127.0.0.1/"$TAURI_DRIVER_PORT") 2>/dev/null && break
    sleep 0.1
  done
  node "'"$HERE"'/cold_start.mjs" >"'"$WORK"'/app.json"
  rc=$?
  kill "$DRIVER" 2>/dev/null || true
  wait "$DRIVER" 2>/dev/null || true
  exit $rc
'

step "sandbox end to end: a 200,000-row BaseIncTask delivered (release)"
# The sandbox's own large-delivery test: creates the task over the wire, waits until every row is
# in Parquet objects, checks each row arrived exactly once, and prints the rate after INIT.
for _ in $(seq "$RUNS"); do
  cargo test -q --release -p sandbox --test delivery_large -- --nocapture 2>&1 |
    sed -n 's/^delivered .*: \([0-9]*\) rows\/s$/\1/p'
done >"$WORK/delivery-rates.txt"

step "mapper filter with 2,000 columns (Chromium, built UI harness)"
for _ in $(seq "$RUNS"); do
  node --test "$ROOT/tests/ui-browser/mapper.test.mjs" 2>&1 |
    sed -n 's/.*mapper filter (2000 columns): median \([0-9.]*\) ms, max \([0-9.]*\) ms per keystroke (keydown to the next frame).*/\1 \2/p'
done >"$WORK/mapper-filter.txt"

step "UI bundle size"
gz=0
raw=0
while IFS= read -r -d '' file; do
  raw=$((raw + $(stat -c %s "$file")))
  gz=$((gz + $(gzip -9 -c "$file" | wc -c)))
done < <(find "$ROOT/ui/dist" -type f -print0)
echo "{\"gzip_bytes\": $gz, \"raw_bytes\": $raw}" >"$WORK/bundle.json"

step "report"
"$PY" "$HERE/report.py" "$WORK" "$RUNS" "$APP_RUNS" "$HERE/RESULTS.md"
