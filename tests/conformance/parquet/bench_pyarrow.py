"""Times pyarrow writing the rows of the `delivery` crate's render benchmark
(`benches/render_parquet.rs`, same formulas) from Python lists to an in-memory Parquet file,
with the same layout choices: PLAIN (no dictionary), uncompressed, one row group.

Prints `pyarrow_columns_seconds`, `pyarrow_rows_seconds` and `pyarrow_best_seconds` (best of 3
each). "columns" starts from one Python list per column; "rows" from one dict per row.
"""
import io
import time

import pyarrow as pa
import pyarrow.parquet as pq

ROWS = 1_000_000

SCHEMA = pa.schema(
    [(f"c{i}", t) for i, t in enumerate(
        [pa.int64()] * 3 + [pa.float64()] * 2 + [pa.bool_()] * 2 + [pa.string()] * 3)]
)


def columns():
    r = range(ROWS)
    return {
        "c0": list(r),
        "c1": [i * 7919 % 1_000_003 for i in r],
        "c2": [-i * 31 for i in r],
        "c3": [i * 0.5 for i in r],
        "c4": [(i % 1000) / 7.0 for i in r],
        "c5": [i % 2 == 0 for i in r],
        "c6": [i % 3 == 0 for i in r],
        "c7": [f"user-{i % 100_000}" for i in r],
        "c8": [f"city-{i % 1000}" for i in r],
        "c9": [None if i % 10 == 0 else f"note {i}" for i in r],
    }


def write(table):
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="none", use_dictionary=False,
                   row_group_size=1024 * 1024, version="1.0", data_page_version="1.0")
    return sink.getbuffer().nbytes


def best_of(runs, fn):
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    cols = columns()
    rows = [{k: v[i] for k, v in cols.items() if v[i] is not None} for i in range(ROWS)]
    from_columns = best_of(3, lambda: write(pa.table({k: pa.array(v, type=SCHEMA.field(k).type) for k, v in cols.items()})))
    from_rows = best_of(3, lambda: write(pa.Table.from_pylist(rows, schema=SCHEMA)))
    print(f"pyarrow_columns_seconds {from_columns:.3f}")
    print(f"pyarrow_rows_seconds {from_rows:.3f}")
    print(f"pyarrow_best_seconds {min(from_columns, from_rows):.3f}")


if __name__ == "__main__":
    main()
