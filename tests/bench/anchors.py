"""The Python side of the benchmark command (`tests/bench/run.sh`): times the official SDKs on
the same inputs our Rust code is timed on, and prints one JSON line per call:
`{"seconds": [one entry per run], ...details}`. run.sh takes the median.

Subcommands:
  decode-c PAGE RUNS        tablestore SDK's bundled C reader on a GetRange page
  decode-python PAGE RUNS   tablestore SDK's pure-Python PlainBuffer reader on the same page
  decode-sdk PAGE RUNS      the SDK's own GetRange answer decoder (OTSProtoBufferDecoder) on the
                            page wrapped in a GetRangeResponse: whichever reader the SDK picks on
                            the running interpreter (its C++ decoder where it loads — the shipped
                            build needs Python 3.12 —, else the C PlainBuffer reader)
  sample INFO_JSON ROWS RUNS  tablestore OTSClient.get_range loop against a running sandbox
                            (INFO_JSON is the sandbox's `--json` line)
  infer RUNS                pyarrow type inference over the rows of delivery/benches/inference.rs
  parquet RUNS              pyarrow writing the rows of delivery/benches/render_parquet.rs from
                            Python lists, one per column (reuses tests/conformance/parquet/bench_pyarrow.py)
  parquet-rows RUNS         the same from one Python dict per row (pa.Table.from_pylist)
Not a test: prints numbers only.
"""

import json
import logging
import os
import sys
import time
import warnings

warnings.simplefilter("ignore")
logging.disable(logging.WARNING)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def timed_runs(runs, action):
    seconds = []
    result = None
    for _ in range(runs):
        # Free the previous run's objects before the clock starts, not inside the next run.
        result = None
        started = time.perf_counter()
        result = action()
        seconds.append(time.perf_counter() - started)
    return seconds, result


def decode_c(page_path, runs):
    from tablestore.native import NATIVE_AVAILABLE, parse_multiple_rows

    if not NATIVE_AVAILABLE:
        return {"seconds": [], "note": "C reader not available on this interpreter"}
    with open(page_path, "rb") as f:
        page = f.read()
    seconds, rows = timed_runs(runs, lambda: parse_multiple_rows(page))
    return {"seconds": seconds, "rows": len(rows), "bytes": len(page)}


def decode_python(page_path, runs):
    from tablestore.plainbuffer.plain_buffer_coded_stream import PlainBufferCodedInputStream
    from tablestore.plainbuffer.plain_buffer_stream import PlainBufferInputStream

    with open(page_path, "rb") as f:
        page = f.read()
    seconds, rows = timed_runs(
        runs, lambda: PlainBufferCodedInputStream(PlainBufferInputStream(page)).read_rows())
    return {"seconds": seconds, "rows": len(rows), "bytes": len(page)}


def decode_sdk(page_path, runs):
    import tablestore.decoder as decoder
    import tablestore.protobuf.table_store_pb2 as pb

    with open(page_path, "rb") as f:
        page = f.read()
    answer = pb.GetRangeResponse()
    answer.consumed.capacity_unit.read = 1
    answer.consumed.capacity_unit.write = 0
    answer.rows = page
    body = answer.SerializeToString()
    sdk = decoder.OTSProtoBufferDecoder("utf-8")
    seconds, decoded = timed_runs(runs, lambda: sdk._decode_get_range(body, None))
    rows = next(part for part in decoded[0] if isinstance(part, list))
    reader = ("C++ decoder (ots_sdk)" if decoder.NATIVE_DECODER_AVAILABLE
              else "C PlainBuffer reader" if decoder.NATIVE_PARSER_AVAILABLE else "pure Python")
    return {"seconds": seconds, "rows": len(rows), "bytes": len(page), "reader": reader,
            "python": sys.version.split()[0]}


def sample(info_path, rows_wanted, runs):
    from tablestore import INF_MAX, INF_MIN, Direction, OTSClient

    with open(info_path) as f:
        info = json.loads(f.readline())
    ots = OTSClient(info["tablestore"], info["accessKeyId"], info["accessKeySecret"], info["instance"])

    def read_all():
        start = [("order_id", INF_MIN)]
        seen = 0
        cells = 0
        pages = 0
        while start is not None and seen < rows_wanted:
            _, start, rows, _ = ots.get_range(
                "orders", Direction.FORWARD, start, [("order_id", INF_MAX)],
                limit=min(5000, rows_wanted - seen), max_version=1)
            pages += 1
            seen += len(rows)
            cells += sum(len(r.primary_key) + len(r.attribute_columns) for r in rows)
        return seen, cells, pages

    seconds, (seen, cells, pages) = timed_runs(runs, read_all)
    return {"seconds": seconds, "rows": seen, "cells": cells, "pages": pages}


def inference_rows():
    """The rows of delivery/benches/inference.rs, as dicts (same formulas)."""
    rows = []
    for i in range(100_000):
        row = {}
        for c in range(20):
            if (i + c) % 7 == 0:
                continue  # sparse: every column is missing from some rows
            kind = c % 4
            if kind == 0:
                value = i
            elif kind == 1:
                value = i * 0.5
            elif kind == 2:
                value = i % 2 == 0
            elif i % 100 == 0:
                value = i  # a few integers among strings: mixed types
            else:
                value = f"v{i}"
            row[f"col_{c:02}"] = value
        rows.append(row)
    return rows


def infer(runs):
    import pyarrow as pa

    rows = inference_rows()

    def infer_schema():
        names = set()
        for row in rows:
            names.update(row)
        fields = []
        for name in sorted(names):
            values = [row.get(name) for row in rows]
            try:
                fields.append((name, pa.infer_type(values)))
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                fields.append((name, pa.string()))  # mixed types: fall back, as we do
        return pa.schema(fields)

    seconds, schema = timed_runs(runs, infer_schema)
    return {"seconds": seconds, "columns": len(schema)}


def parquet(runs):
    import pyarrow as pa

    sys.path.insert(0, os.path.join(ROOT, "tests", "conformance", "parquet"))
    import bench_pyarrow

    cols = bench_pyarrow.columns()

    def from_lists():
        return bench_pyarrow.write(pa.table(
            {k: pa.array(v, type=bench_pyarrow.SCHEMA.field(k).type) for k, v in cols.items()}))

    seconds, size = timed_runs(runs, from_lists)
    return {"seconds": seconds, "bytes": size}


def parquet_rows(runs):
    """The same rows as one dict per row (pyarrow's row-oriented entry point, like our Rows)."""
    import pyarrow as pa

    sys.path.insert(0, os.path.join(ROOT, "tests", "conformance", "parquet"))
    import bench_pyarrow

    cols = bench_pyarrow.columns()
    rows = [{k: v[i] for k, v in cols.items() if v[i] is not None} for i in range(bench_pyarrow.ROWS)]
    del cols
    seconds, size = timed_runs(
        runs, lambda: bench_pyarrow.write(pa.Table.from_pylist(rows, schema=bench_pyarrow.SCHEMA)))
    return {"seconds": seconds, "bytes": size}


def main(argv):
    command, *args = argv
    if command == "decode-c":
        result = decode_c(args[0], int(args[1]))
    elif command == "decode-python":
        result = decode_python(args[0], int(args[1]))
    elif command == "decode-sdk":
        result = decode_sdk(args[0], int(args[1]))
    elif command == "sample":
        result = sample(args[0], int(args[1]), int(args[2]))
    elif command == "infer":
        result = infer(int(args[0]))
    elif command == "parquet":
        result = parquet(int(args[0]))
    elif command == "parquet-rows":
        result = parquet_rows(int(args[0]))
    else:
        raise SystemExit(__doc__)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
