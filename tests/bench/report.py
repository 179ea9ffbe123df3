"""Turns the raw measurements of `tests/bench/run.sh` into the results table, prints it and
writes tests/bench/RESULTS.md (the machine's description, the table, the targets, how to
reproduce). Text below the KEEP marker in an existing RESULTS.md (hand-written notes) is kept.

Usage: report.py WORK_DIR RUNS APP_RUNS RESULTS_MD
"""

import datetime
import json
import os
import platform
import statistics
import subprocess
import sys

KEEP = "<!-- Notes below this line are written by hand and kept when run.sh rewrites the file. -->"


def load(work, name):
    with open(os.path.join(work, name)) as f:
        return json.loads(f.read())


def median(values):
    return statistics.median(values) if values else float("nan")


def command_output(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kib = int(next(line for line in f if line.startswith("MemTotal")).split()[1])
    webkit = command_output("dpkg-query", "-W", "-f", "${Version}", "libwebkit2gtk-4.1-0")
    return [
        f"CPU: {cpu}, nproc {os.cpu_count()} (shared with other work while measured)",
        f"Memory: {mem_kib / 1024 / 1024:.1f} GiB",
        f"OS: {platform.platform()}; WebKitGTK {webkit}",
        f"{command_output('rustc', '-V')}; Python {platform.python_version()}; "
        f"tablestore {pkg_version('tablestore')}; pyarrow {pkg_version('pyarrow')}",
    ]


def pkg_version(name):
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def ms(seconds):
    return f"{seconds * 1e3:,.1f} ms"


def ratio(anchor, ours):
    return f"{anchor / ours:,.1f}×"


def rows_table(work):
    rows = []
    targets = []
    page_bytes = int(open(os.path.join(work, "page-bytes")).read())
    mb = page_bytes / 1e6
    decode = median(load(work, "decode-ours.json")["seconds"])
    decode_owned = median(load(work, "decode-ours-owned.json")["seconds"])
    c_reader = load(work, "decode-c.json")
    py_reader = load(work, "decode-python.json")
    page_rows = py_reader["rows"]
    c_seconds = median(c_reader["seconds"])
    py_seconds = median(py_reader["seconds"])
    rate = lambda s: f"{ms(s)} ({mb / s:,.0f} MB/s)"  # noqa: E731
    label = f"PlainBuffer decode, 4 MB page ({page_rows:,} rows)"
    rows.append((f"{label}: ours streaming vs SDK pure-Python reader", rate(decode), rate(py_seconds),
                 ratio(py_seconds, decode)))
    if c_reader["seconds"]:
        rows.append((f"{label}: ours streaming vs SDK C PlainBuffer reader alone", rate(decode),
                     rate(c_seconds), ratio(c_seconds, decode)))
        rows.append((f"{label}: ours into owned rows vs SDK C PlainBuffer reader alone",
                     rate(decode_owned), rate(c_seconds), ratio(c_seconds, decode_owned)))
    # The SDK's own GetRange answer decoder, with whichever reader it picks on this Python: the
    # target's "Python SDK".
    sdk = load(work, "decode-sdk.json")
    sdk_seconds = median(sdk["seconds"])
    rows.append((f"{label}: ours streaming vs the SDK's GetRange answer decoder "
                 f"({sdk['reader']}, Python {sdk['python']})", rate(decode), rate(sdk_seconds),
                 ratio(sdk_seconds, decode)))
    targets.append(("PlainBuffer decode ≥ 50× Python and ≥ 500 MB/s",
                    f"{sdk_seconds / decode:,.1f}× the SDK's answer decoder ({sdk['reader']}), "
                    f"{c_seconds / decode:,.1f}× its C reader alone, "
                    f"{py_seconds / decode:,.0f}× its pure-Python reader, {mb / decode:,.0f} MB/s",
                    sdk_seconds / decode >= 50 and mb / decode >= 500))

    ours = load(work, "sample-ours.json")
    python = load(work, "sample-python.json")
    ours_s, python_s = median(ours["seconds"]), median(python["seconds"])
    per_s = lambda n, s: f"{s:,.2f} s ({n / s:,.0f} rows/s)"  # noqa: E731
    server = load(work, "sample-server-cpu.json")
    rows.append((f"Sampling {ours['rows']:,} rows from the sandbox over loopback: our client vs SDK get_range loop "
                 "(sandbox CPU per run in brackets)",
                 f"{per_s(ours['rows'], ours_s)} [{server['ours']:.2f} s]",
                 f"{per_s(python['rows'], python_s)} [{server['python']:.2f} s]", ratio(python_s, ours_s)))
    targets.append(("Sampling ≥ 5× Python", f"{python_s / ours_s:,.1f}×", python_s / ours_s >= 5))

    infer = median(load(work, "infer-ours.json")["seconds"])
    infer_py = median(load(work, "infer-pyarrow.json")["seconds"])
    rows.append(("Schema inference, 100,000 rows × 20 columns: ours vs pyarrow infer_type per column",
                 ms(infer), ms(infer_py), ratio(infer_py, infer)))
    targets.append(("Inference < 100 ms", ms(infer), infer < 0.1))

    parquet = median(load(work, "parquet-ours.json")["seconds"])
    parquet_py = median(load(work, "parquet-pyarrow.json")["seconds"])
    rows.append(("Parquet render, 1,000,000 rows × 10 columns: ours vs pyarrow from Python lists, one per column",
                 f"{parquet:,.3f} s", f"{parquet_py:,.3f} s", ratio(parquet_py, parquet)))
    parquet_one = median(load(work, "parquet-ours-one-thread.json")["seconds"])
    rows.append(("Parquet render on one thread (ours by default uses every core): ours vs pyarrow from Python lists",
                 f"{parquet_one:,.3f} s", f"{parquet_py:,.3f} s", ratio(parquet_py, parquet_one)))
    parquet_rows = median(load(work, "parquet-pyarrow-rows.json")["seconds"])
    rows.append(("Parquet render, same rows: ours vs pyarrow from one Python dict per row (from_pylist)",
                 f"{parquet:,.3f} s", f"{parquet_rows:,.3f} s", ratio(parquet_rows, parquet)))
    targets.append(("Parquet ≥ 1× pyarrow", f"{ratio(parquet_py, parquet)} pyarrow from column lists; "
                    f"{ratio(parquet_rows, parquet)} from row dicts", parquet_py / parquet >= 1))

    starts = [line.split() for line in open(os.path.join(work, "sandbox-start.txt")) if line.strip()]
    start_s = median([float(s) for s, _ in starts])
    rss_kib = median([int(r) for _, r in starts])
    rows.append(("Sandbox start-up with the 200,000-row table (to endpoints printed)", ms(start_s), "—", "—"))
    rows.append(("Sandbox memory after start-up (RSS)", f"{rss_kib / 1024:,.0f} MiB", "—", "—"))

    direct = load(work, "app-direct.json")
    direct_cold = median(direct["seconds"])
    direct_window = median(direct["window_seconds"])
    direct_pss = median(direct["pss_kib"]) / 1024
    direct_processes = int(median(direct["processes"]))
    rows.append(("App cold start to first paint of the app frame (Xvfb, direct launch, paint probe)",
                 f"{ms(direct_cold)} (window mapped at {ms(direct_window)})", "—", "—"))
    app = load(work, "app.json")
    cold = median(app["seconds"])
    session = median(app["session_seconds"])
    pss = median(app["pss_kib"]) / 1024
    rows.append(("App cold start to first screen painted: \"Welcome\" heading shown + 2 frames "
                 "(Xvfb, launched by a WebDriver session)",
                 f"{ms(cold)} (session created at {ms(session)})", "—", "—"))
    rows.append((f"App idle memory, PSS over the app and its WebKit processes ({direct_processes} processes, "
                 "direct launch)", f"{direct_pss:,.0f} MiB", "—", "—"))
    rows.append(("App idle memory, same, under WebDriver automation", f"{pss:,.0f} MiB", "—", "—"))
    breakdown = ", ".join(f"{name} {int(kib) / 1024:,.0f} MiB" for name, kib in
                          (item.split("=") for item in direct.get("last_breakdown", "").split(",") if "=" in item))
    targets.append(("Cold start < 1.0 s", f"first screen {ms(cold)} (launched by WebDriver); first paint "
                    f"{ms(direct_cold)} (direct launch, paint probe)", cold < 1.0))
    targets.append(("Idle PSS < 300 MiB", f"{direct_pss:,.0f} MiB (last run: {breakdown})", direct_pss < 300))

    rates = [float(x) for x in open(os.path.join(work, "delivery-rates.txt")).read().split()]
    rows.append(("Sandbox end to end: 200,000-row BaseIncTask delivered to Parquet, every row checked once "
                 "(rows/s after INIT, release)", f"{median(rates):,.0f} rows/s", "—", "—"))

    filters = [tuple(map(float, line.split())) for line in open(os.path.join(work, "mapper-filter.txt")) if line.strip()]
    filter_median = median([m for m, _ in filters])
    filter_max = max((x for _, x in filters), default=float("nan"))
    rows.append(("Mapper filter with 2,000 columns, keystroke to next frame (Chromium, median of runs' medians; "
                 "worst keystroke)", f"{filter_median:.1f} ms (max {filter_max:.1f} ms)", "—", "—"))
    targets.append(("Mapper filter < 50 ms", f"{filter_median:.1f} ms median", filter_median < 50))

    bundle = load(work, "bundle.json")
    rows.append(("UI bundle (ui/dist), gzip -9 per file", f"{bundle['gzip_bytes'] / 1024:,.0f} KiB "
                 f"({bundle['raw_bytes'] / 1024:,.0f} KiB raw)", "—", "—"))
    return rows, targets


def main(work, runs, app_runs, results_path):
    rows, targets = rows_table(work)
    table = ["| measure | ours | anchor | ratio |", "|---|---|---|---|"]
    table += [f"| {m} | {o} | {a} | {r} |" for m, o, a, r in rows]
    target_lines = [f"- {'met' if ok else '**missed**'}: {name} — {value}" for name, value, ok in targets]
    print("\n".join(table))
    print()
    print("\n".join(target_lines))

    kept = ""
    if os.path.exists(results_path):
        text = open(results_path).read()
        if KEEP in text:
            kept = text.split(KEEP, 1)[1].lstrip("\n")
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    doc = [
        "# Benchmark results",
        "",
        f"Measured {now} by `tests/bench/run.sh` (release builds; every row measured side by side in "
        f"the same run; each number is the median of {runs} runs — {app_runs} for the app — or, for "
        "our Criterion benchmarks, Criterion's median). Ratio = anchor time ÷ our time "
        "(above 1× means ours is faster).",
        "",
        "## Machine",
        "",
        *[f"- {line}" for line in machine()],
        "",
        "## Results",
        "",
        *table,
        "",
        "## Targets (issue 13)",
        "",
        *target_lines,
        "",
        "## How to reproduce",
        "",
        "```",
        "python3 -m venv .venv && .venv/bin/pip install -r tests/python/requirements.txt",
        "npm --prefix ui ci && npm --prefix tests ci",
        "tests/bench/run.sh                # BENCH_RUNS=N (default 5), BENCH_APP_RUNS=N (default 3)",
        "```",
        "",
        "It needs `xvfb-run`, `tauri-driver` and `WebKitWebDriver` (as `tests/e2e/run.sh`). It builds "
        "with `cargo build --release` into `$CARGO_TARGET_DIR` (default `target/`, so CI's "
        "`target/debug` is untouched), runs the Criterion benches of `tablestore-wire` "
        "(`decode_page`) and `delivery` (`inference`, `render_parquet`), `cloud-clients`' example "
        "`sample_bench` and the Python anchors in `tests/bench/anchors.py`, then rewrites this file.",
        "",
        KEEP,
        "",
        kept,
    ]
    with open(results_path, "w") as f:
        f.write("\n".join(doc).rstrip("\n") + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4])
