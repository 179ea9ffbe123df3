"""Reads Parquet files rendered by the `delivery` crate with pyarrow (an independent reader)
and checks schema, encodings and values against the fixture's expectations.

Usage: check.py <dir with *.parquet and *.expected.json>
"""
import json
import math
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ARROW_TYPES = {"BOOL": pa.bool_(), "INT64": pa.int64(), "DOUBLE": pa.float64(), "UTF8": pa.string()}
PHYSICAL = {"BOOL": "BOOLEAN", "INT64": "INT64", "DOUBLE": "DOUBLE", "UTF8": "BYTE_ARRAY"}

passed = 0
failed = 0


def check(label, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {label} {detail}")


def same_double(expected, actual):
    if expected is None or actual is None:
        return expected is None and actual is None
    want = float(expected)
    if math.isnan(want):
        return math.isnan(actual)
    return want == actual and math.copysign(1.0, want) == math.copysign(1.0, actual)


def check_fixture(parquet_path, expected):
    name = parquet_path.stem
    meta = pq.ParquetFile(parquet_path)
    table = pq.read_table(parquet_path)
    columns = expected["columns"]
    check(f"{name}: row count", table.num_rows == expected["rows"], f"{table.num_rows} != {expected['rows']}")
    check(f"{name}: row groups", meta.metadata.num_row_groups == expected["rowGroups"],
          f"{meta.metadata.num_row_groups} != {expected['rowGroups']}")
    check(f"{name}: column order and names", table.column_names == [c["name"] for c in columns],
          f"{table.column_names}")
    for index, column in enumerate(columns):
        field = table.schema.field(index)
        label = f"{name}.{column['name']}"
        check(f"{label}: arrow type", field.type == ARROW_TYPES[column["type"]], str(field.type))
        check(f"{label}: nullable", field.nullable)
        pq_column = meta.schema.column(index)
        check(f"{label}: physical type", pq_column.physical_type == PHYSICAL[column["type"]], pq_column.physical_type)
        if column["type"] == "UTF8":
            check(f"{label}: logical type String", str(pq_column.logical_type) == "String", str(pq_column.logical_type))
        else:
            check(f"{label}: no logical type", str(pq_column.logical_type) == "None", str(pq_column.logical_type))
        for group in range(meta.metadata.num_row_groups):
            chunk = meta.metadata.row_group(group).column(index)
            encodings = set(chunk.encodings)
            check(f"{label}: row group {group} PLAIN only",
                  "PLAIN" in encodings and not any("DICTIONARY" in e for e in encodings), str(encodings))
            check(f"{label}: row group {group} uncompressed", chunk.compression == "UNCOMPRESSED", chunk.compression)
        actual = table.column(index).to_pylist()
        want = column["values"]
        if column["type"] == "DOUBLE":
            ok = len(actual) == len(want) and all(same_double(w, a) for w, a in zip(want, actual))
        else:
            ok = actual == want
        check(f"{label}: values", ok, f"{actual[:8]} != {want[:8]}")
        nulls = sum(1 for v in want if v is None)
        check(f"{label}: null count", table.column(index).null_count == nulls)


def main():
    directory = Path(sys.argv[1])
    fixtures = sorted(directory.glob("*.parquet"))
    check("fixtures rendered", len(fixtures) > 0)
    for parquet_path in fixtures:
        expected = json.loads(parquet_path.with_suffix(".expected.json").read_text())
        check_fixture(parquet_path, expected)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
