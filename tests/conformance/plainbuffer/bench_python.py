"""Times the official Python SDK (tablestore==6.4.8) decoding the same realistic 4 MB GetRange
page that `benches/decode_page.rs` decodes, and prints the ratio to our Rust decoder.

The page comes from the crate's example binary (`write-page`, the bench's generator); the Rust
time comes from the same binary (`time-decode`, release build, streaming borrowed decode, best of
several runs). Both SDK readers are timed: the pure-Python one, and the bundled C reader that the
SDK uses by default when it loads (it does on CPython 3.11 / Linux x86-64).

Usage (from the repo root): .venv/bin/python tests/conformance/plainbuffer/bench_python.py
Not a test: prints numbers only.
"""

import json
import logging
import os
import subprocess
import sys
import tempfile
import time
import warnings

warnings.simplefilter("ignore")
logging.disable(logging.WARNING)

from tablestore.native import NATIVE_AVAILABLE, parse_multiple_rows  # noqa: E402
from tablestore.plainbuffer.plain_buffer_coded_stream import PlainBufferCodedInputStream  # noqa: E402
from tablestore.plainbuffer.plain_buffer_stream import PlainBufferInputStream  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def best_of(runs, action):
    best = float("inf")
    result = None
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
    return best, result


def main():
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "tablestore-wire",
                    "--example", "plainbuffer_conformance"], cwd=ROOT, check=True)
    target_dir = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    binary = os.path.join(target_dir, "release", "examples", "plainbuffer_conformance")

    with tempfile.TemporaryDirectory() as tmp:
        page_path = os.path.join(tmp, "page.bin")
        subprocess.run([binary, "write-page", page_path], check=True)
        with open(page_path, "rb") as f:
            page = f.read()
        rust_runs = [json.loads(subprocess.run([binary, "time-decode", page_path, "100"], check=True,
                                               capture_output=True, text=True).stdout)
                     for _ in range(3)]
    rust_seconds = min(run["seconds_per_decode"] for run in rust_runs)

    mb = len(page) / 1e6
    python_seconds, rows = best_of(2, lambda: PlainBufferCodedInputStream(PlainBufferInputStream(page)).read_rows())
    print("page: %d bytes, %d rows, %d cells" % (len(page), len(rows),
                                                 sum(len(r.primary_key) + len(r.attribute_columns) for r in rows)))
    print("rust tablestore-wire (streaming, borrowed): %8.2f ms  %8.1f MB/s" % (rust_seconds * 1e3, mb / rust_seconds))
    print("python SDK, pure-Python reader:             %8.2f ms  %8.1f MB/s  -> rust is %.0fx faster"
          % (python_seconds * 1e3, mb / python_seconds, python_seconds / rust_seconds))
    if NATIVE_AVAILABLE:
        native_seconds, native_rows = best_of(5, lambda: parse_multiple_rows(page))
        assert len(native_rows) == len(rows)
        print("python SDK, bundled C reader (default):     %8.2f ms  %8.1f MB/s  -> rust is %.1fx faster"
              % (native_seconds * 1e3, mb / native_seconds, native_seconds / rust_seconds))
    else:
        print("python SDK, bundled C reader: not available on this interpreter")


if __name__ == "__main__":
    sys.exit(main())
