"""Cross-checks our PlainBuffer codec (crate tablestore-wire) against the official Python SDK.

For random rows (a fresh seed each run unless --seed is given) the official `tablestore==6.4.8`
SDK encodes every case; our Rust example binary then decodes the SDK's bytes and encodes the same
rows itself. Checks per case:
  * rust-decode:  the rows Rust decodes from the SDK's bytes equal the generated rows;
  * same-bytes:   Rust's encoding is byte-identical to the SDK's;
  * py-decode:    the SDK's pure-Python reader decodes Rust's bytes to the generated rows;
  * native-decode: the SDK's bundled C reader (active by default on this Python) does too.
Also compares our compiled .proto (the example's `descriptor` output) with the SDK's
`table_store.proto` descriptor: every field of every message both define must agree in name,
number, type, label, message/enum type and default; every enum value must agree; fields only we
have must be the spec's "GO only" list. (The SDK has no delivery-task proto to compare.)

The SDK readers cannot read INF_MIN/INF_MAX/AUTO_INCREMENT keys or UpdateRow cell operations
(both raise; the pure-Python one crashes on TAG_CELL_TYPE), so those cases skip the py/native
decode checks; they are never sent by a server.

Usage: conformance.py --rust-cmd "<command running the plainbuffer_conformance example>" [--seed N]
Prints one line per failure and finally "N passed, M failed"; exits 1 on any failure.

`conformance.py --write-fixture PATH --seed 1 --cases 150` instead stores the SDK-encoded cases
(no Rust involved) as the fixture `tests/python_sdk_fixtures.rs` reads, so plain `cargo test`
also checks against the SDK's bytes without Python.
"""

import argparse
import json
import os
import random
import shlex
import struct
import subprocess
import sys
import tempfile
import time
import warnings

warnings.simplefilter("ignore")
import logging  # noqa: E402

logging.disable(logging.WARNING)  # the SDK logs that its C++ codec is absent

from google.protobuf import descriptor_pb2  # noqa: E402
from tablestore.metadata import INF_MAX, INF_MIN, PK_AUTO_INCR  # noqa: E402
from tablestore.native import NATIVE_AVAILABLE, parse_multiple_rows  # noqa: E402
from tablestore.plainbuffer.plain_buffer_builder import PlainBufferBuilder  # noqa: E402
from tablestore.protobuf import table_store_pb2  # noqa: E402
from tablestore.plainbuffer.plain_buffer_coded_stream import PlainBufferCodedInputStream  # noqa: E402
from tablestore.plainbuffer.plain_buffer_stream import PlainBufferInputStream, PlainBufferOutputStream  # noqa: E402

# The SDK pre-computes each buffer's size and refuses to write past it, but undercounts: UpdateRow
# DELETE (one version) cells leave out their 9 timestamp bytes, so some valid update rows fail
# with "The buffer is full" in the SDK itself. Lift the cap so the SDK's writer code still
# produces the bytes; what it writes is unchanged.
_sdk_output_stream_init = PlainBufferOutputStream.__init__
PlainBufferOutputStream.__init__ = lambda self, capacity: _sdk_output_stream_init(self, 1 << 40)

I64_MIN, I64_MAX = -(2**63), 2**63 - 1


# ---------------------------------------------------------------------------------------------
# Random rows, in the JSON form the Rust example reads (see examples/plainbuffer_conformance.rs)

def random_name(rng):
    # Column names follow the service's rule [A-Za-z_][A-Za-z0-9_]*, 1-255 bytes. (The SDK's
    # writer cannot do more: it writes a name's length in characters, not UTF-8 bytes, so any
    # non-ASCII name comes out corrupt. Our own unicode-name round trips are proptests.)
    first = rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
    length = rng.randrange(0, 255) if rng.random() < 0.05 else rng.randrange(0, 16)
    return first + "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") for _ in range(length))


def random_text(rng, lo, hi):
    alphabets = ["abc xyz", "äöüßéèçñ", "東京大阪中文字", "🙂🚀ℝ∑", "\t\n\"\\/"]
    return "".join(rng.choice(rng.choice(alphabets)) for _ in range(rng.randrange(lo, hi + 1)))


def random_int(rng):
    return rng.choice([I64_MIN, I64_MAX, 0, -1, 1, rng.randrange(I64_MIN, I64_MAX + 1), rng.randrange(-1000, 1000)])


def random_double_bits(rng):
    special = [float("nan"), float("inf"), float("-inf"), -0.0, 0.0, 5e-324, 1.7976931348623157e308]
    if rng.random() < 0.3:
        value = rng.choice(special)
    elif rng.random() < 0.5:
        value = rng.uniform(-1e6, 1e6)
    else:
        # Any bit pattern except NaNs with payloads, which Python may not carry through unchanged.
        value = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if value != value:
            value = float("nan")
    return "%016x" % struct.unpack("<Q", struct.pack("<d", value))[0]


def random_value(rng):
    kind = rng.choice(["int", "double", "bool", "str", "bin"])
    if kind == "int":
        return {"t": "int", "v": str(random_int(rng))}
    if kind == "double":
        return {"t": "double", "bits": random_double_bits(rng)}
    if kind == "bool":
        return {"t": "bool", "v": rng.random() < 0.5}
    if kind == "str":
        return {"t": "str", "v": "" if rng.random() < 0.15 else random_text(rng, 1, 30)}
    return {"t": "bin", "v": "" if rng.random() < 0.15 else rng.randbytes(rng.randrange(1, 40)).hex()}


def random_key_value(rng, allow_special):
    roll = rng.random()
    if allow_special and roll < 0.3:
        return {"t": rng.choice(["inf_min", "inf_max", "auto_inc"])}
    kind = rng.choice(["int", "str", "bin"])
    if kind == "int":
        return {"t": "int", "v": str(random_int(rng))}
    if kind == "str":
        return {"t": "str", "v": random_text(rng, 0, 20)}
    return {"t": "bin", "v": rng.randbytes(rng.randrange(0, 20)).hex()}


def random_pk(rng, allow_special=False):
    return [[random_name(rng), random_key_value(rng, allow_special)] for _ in range(rng.randrange(1, 5))]


def random_timestamp(rng):
    return str(rng.choice([0, I64_MAX, rng.randrange(0, 2**45)]))


def random_put_row(rng, always_timestamp, columns=None):
    count = columns if columns is not None else rng.randrange(0, 12)
    cells = []
    for _ in range(count):
        ts = random_timestamp(rng) if always_timestamp or rng.random() < 0.4 else None
        cells.append([random_name(rng), random_value(rng), ts, None])
    return {"pk": random_pk(rng), "cells": cells, "delete": False}


def random_update_row(rng):
    groups = {}
    for op in rng.sample(["put", "delete_one", "delete_all", "increment"], rng.randrange(1, 5)):
        cells = []
        for _ in range(rng.randrange(1, 4)):
            name = random_name(rng)
            if op == "put":
                ts = random_timestamp(rng) if rng.random() < 0.4 else None
                cells.append([name, random_value(rng), ts, None])
            elif op == "delete_one":
                cells.append([name, None, random_timestamp(rng), "delete_one"])
            elif op == "delete_all":
                cells.append([name, None, None, "delete_all"])
            else:
                cells.append([name, {"t": "int", "v": str(random_int(rng))}, None, "increment"])
        groups[op] = cells
    # The SDK writes cells grouped by operation in dict order; the case lists them the same way.
    return groups


def make_cases(rng, count, wide_row=True):
    cases = []
    for case_id in range(count):
        kind = rng.choice(["put", "returned", "pk", "delete", "update", "page"])
        if kind == "put":
            rows = [random_put_row(rng, always_timestamp=False)]
        elif kind == "returned":
            rows = [random_put_row(rng, always_timestamp=True)]
        elif kind == "pk":
            rows = [{"pk": random_pk(rng, allow_special=True), "cells": [], "delete": False}]
        elif kind == "delete":
            rows = [{"pk": random_pk(rng), "cells": [], "delete": True}]
        elif kind == "update":
            groups = random_update_row(rng)
            cells = [cell for op in groups for cell in groups[op]]
            rows = [{"pk": random_pk(rng), "cells": cells, "delete": False, "groups": groups}]
        else:
            rows = [random_put_row(rng, always_timestamp=True) for _ in range(rng.randrange(1, 7))]
        cases.append({"id": case_id, "kind": kind, "rows": rows})
    # One wide row per run: 1,000 attribute columns.
    if wide_row:
        cases.append({"id": count, "kind": "returned", "rows": [random_put_row(rng, True, columns=1000)]})
    return cases


# ---------------------------------------------------------------------------------------------
# JSON form <-> the SDK's Python values

def to_sdk_value(value):
    t = value["t"]
    if t == "int":
        return int(value["v"])
    if t == "double":
        return struct.unpack("<d", struct.pack("<Q", int(value["bits"], 16)))[0]
    if t == "bool":
        return bool(value["v"])
    if t == "str":
        return value["v"]
    if t == "bin":
        return bytearray.fromhex(value["v"])  # bytearray, not bytes: `bytes` is written as STRING
    return {"inf_min": INF_MIN, "inf_max": INF_MAX, "auto_inc": PK_AUTO_INCR}[t]


def sdk_pk(row):
    return [(name, to_sdk_value(value)) for name, value in row["pk"]]


def sdk_put_cells(row):
    out = []
    for name, value, ts, _op in row["cells"]:
        out.append((name, to_sdk_value(value)) if ts is None else (name, to_sdk_value(value), int(ts)))
    return out


SDK_UPDATE_TYPE = {"put": "PUT", "delete_one": "DELETE", "delete_all": "DELETE_ALL", "increment": "INCREMENT"}


def sdk_update_columns(groups):
    columns = {}
    for op, cells in groups.items():
        entries = []
        for name, value, ts, _ in cells:
            if op == "delete_all":
                entries.append(name)
            elif op == "delete_one":
                entries.append((name, None, int(ts)))
            elif ts is None:
                entries.append((name, to_sdk_value(value)))
            else:
                entries.append((name, to_sdk_value(value), int(ts)))
        columns[SDK_UPDATE_TYPE[op]] = entries
    return columns


def sdk_encode(case):
    rows = case["rows"]
    kind = case["kind"]
    if kind == "pk":
        return bytes(PlainBufferBuilder.serialize_primary_key(sdk_pk(rows[0])))
    if kind == "delete":
        return bytes(PlainBufferBuilder.serialize_for_delete_row(sdk_pk(rows[0])))
    if kind == "update":
        return bytes(PlainBufferBuilder.serialize_for_update_row(sdk_pk(rows[0]), sdk_update_columns(rows[0]["groups"])))
    encoded = [bytes(PlainBufferBuilder.serialize_for_put_row(sdk_pk(row), sdk_put_cells(row))) for row in rows]
    # A GetRange page: one header, then the rows without theirs (spec 5.6).
    return encoded[0] + b"".join(single[4:] for single in encoded[1:])


def from_sdk_value(value):
    if isinstance(value, bool):
        return {"t": "bool", "v": value}
    if isinstance(value, int):
        return {"t": "int", "v": str(value)}
    if isinstance(value, float):
        return {"t": "double", "bits": "%016x" % struct.unpack("<Q", struct.pack("<d", value))[0]}
    if isinstance(value, str):
        return {"t": "str", "v": value}
    if isinstance(value, (bytes, bytearray)):
        return {"t": "bin", "v": bytes(value).hex()}
    raise TypeError("unexpected SDK value %r" % (value,))


def from_sdk_row(pk, attrs):
    cells = []
    for attr in attrs:
        ts = attr[2] if len(attr) > 2 else None
        cells.append([attr[0], from_sdk_value(attr[1]), None if ts is None else str(ts), None])
    return {"pk": [[name, from_sdk_value(value)] for name, value in pk], "cells": cells}


def python_decode(buf):
    stream = PlainBufferCodedInputStream(PlainBufferInputStream(buf))
    return [from_sdk_row(row.primary_key, row.attribute_columns) for row in stream.read_rows()]


def native_decode(buf):
    return [from_sdk_row(pk, attrs) for pk, attrs in parse_multiple_rows(buf)]


def without_delete(rows):
    """The SDK readers do not report the delete marker."""
    return [{"pk": row["pk"], "cells": row["cells"]} for row in rows]


def expected_rows(case):
    return [{"pk": row["pk"], "cells": row["cells"], "delete": row["delete"]} for row in case["rows"]]


# ---------------------------------------------------------------------------------------------
# Protobuf descriptors: ours vs the SDK's

# Spec section 3 marks these "GO only": present in the Go SDK's proto, absent from Python's.
GO_ONLY_FIELDS = {
    ("BatchWriteRowRequest", "is_atomic"), ("CreateTableRequest", "enable_local_txn"),
    ("DescribeTableResponse", "table_status"), ("GetRangeRequest", "cache_blocks"),
    ("GetRangeRequest", "data_block_type_hint"), ("GetRangeRequest", "return_entire_primary_keys"),
    ("GetRangeRequest", "compress_type_hint"), ("GetRangeResponse", "data_block_type"),
    ("GetRangeResponse", "compress_type"), ("GetRowRequest", "cache_blocks"),
    ("IndexMeta", "index_sync_phase"), ("StreamDetails", "columns_to_get"),
    ("StreamSpecification", "columns_to_get"), ("TableInBatchGetRowRequest", "cache_blocks"),
    ("TableMeta", "index_meta"), ("TableOptions", "bloom_filter_type"), ("TableOptions", "block_size"),
    ("TableOptions", "update_full_row"),
}


def descriptor_checks(our_set_bytes):
    """Yields (name, ok, detail) for each field and enum value both descriptors define."""
    ours = descriptor_pb2.FileDescriptorSet()
    ours.ParseFromString(our_set_bytes)
    sdk = descriptor_pb2.FileDescriptorProto()
    table_store_pb2.DESCRIPTOR.CopyToProto(sdk)
    our_messages = {m.name: m for f in ours.file for m in f.message_type}
    our_enums = {e.name: e for f in ours.file for e in f.enum_type}
    for message in sdk.message_type:
        if message.name not in our_messages:
            continue  # an operation we do not use
        ours_by_number = {f.number: f for f in our_messages[message.name].field}
        sdk_numbers = set()
        for field in message.field:
            sdk_numbers.add(field.number)
            label = "%s.%s (%d)" % (message.name, field.name, field.number)
            mine = ours_by_number.get(field.number)
            if mine is None:
                yield label, False, "missing from our .proto"
                continue
            differences = [key for key in ("name", "type", "label", "default_value")
                           if getattr(mine, key) != getattr(field, key)]
            if mine.type_name.split(".")[-1] != field.type_name.split(".")[-1]:
                differences.append("type_name")
            yield label, not differences, "differs in %s" % differences
        for number, mine in ours_by_number.items():
            if number not in sdk_numbers:
                yield ("%s.%s (%d)" % (message.name, mine.name, number),
                       (message.name, mine.name) in GO_ONLY_FIELDS, "only in ours and not GO-only")
    for enum in sdk.enum_type:
        if enum.name not in our_enums:
            continue
        our_values = {v.name: v.number for v in our_enums[enum.name].value}
        for value in enum.value:
            yield ("%s.%s" % (enum.name, value.name), our_values.get(value.name) == value.number,
                   "ours is %r, SDK %d" % (our_values.get(value.name), value.number))


# ---------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rust-cmd")
    parser.add_argument("--write-fixture")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--cases", type=int, default=1500)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else int(time.time() * 1000) % 2**32
    print("seed %d (rerun with --seed %d)" % (seed, seed))
    rng = random.Random(seed)

    cases = make_cases(rng, args.cases, wide_row=not args.write_fixture)
    for case in cases:
        case["python_hex"] = sdk_encode(case).hex()

    if args.write_fixture:
        for case in cases:
            for row in case["rows"]:
                row.pop("groups", None)
        with open(args.write_fixture, "w") as f:
            json.dump({"generator": "tests/conformance/plainbuffer/conformance.py --write-fixture "
                                    "--seed %d --cases %d" % (seed, args.cases),
                       "sdk": "tablestore==6.4.8 pure-Python PlainBufferBuilder",
                       "cases": cases}, f, indent=0)
            f.write("\n")
        print("wrote %d cases to %s" % (len(cases), args.write_fixture))
        return
    if not args.rust_cmd:
        parser.error("--rust-cmd is required unless --write-fixture is given")

    with tempfile.TemporaryDirectory() as tmp:
        cases_path = os.path.join(tmp, "cases.json")
        out_path = os.path.join(tmp, "out.json")
        with open(cases_path, "w") as f:
            json.dump(cases, f)
        subprocess.run(shlex.split(args.rust_cmd) + ["exchange", cases_path, out_path], check=True)
        with open(out_path) as f:
            results = {r["id"]: r for r in json.load(f)}
        descriptor_path = os.path.join(tmp, "descriptor.bin")
        subprocess.run(shlex.split(args.rust_cmd) + ["descriptor", descriptor_path], check=True)
        with open(descriptor_path, "rb") as f:
            our_descriptor = f.read()

    passed = failed = 0

    def check(case, name, ok, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL case %d (%s) %s: %s" % (case["id"], case["kind"], name, detail[:2000]))

    if not NATIVE_AVAILABLE:
        print("note: the SDK's C PlainBuffer reader is not available; native-decode checks skipped")
    for case in cases:
        result = results[case["id"]]
        expected = expected_rows(case)
        decoded = result["decoded"]
        check(case, "rust-decode", decoded.get("rows") == expected,
              "got %s, expected %s" % (json.dumps(decoded), json.dumps(expected)))
        encoded = result["encoded"]
        check(case, "same-bytes", encoded.get("hex") == case["python_hex"],
              "rust %s python %s" % (encoded, case["python_hex"]))
        readable = case["kind"] != "update" and not any(
            value["t"] in ("inf_min", "inf_max", "auto_inc") for row in case["rows"] for _, value in row["pk"])
        if not readable or "hex" not in encoded:
            continue
        rust_bytes = bytes.fromhex(encoded["hex"])
        for name, decoder in [("py-decode", python_decode), ("native-decode", native_decode)]:
            if name == "native-decode" and not NATIVE_AVAILABLE:
                continue
            try:
                got = decoder(rust_bytes)
                check(case, name, got == without_delete(expected),
                      "got %s, expected %s" % (json.dumps(got), json.dumps(without_delete(expected))))
            except Exception as error:  # noqa: BLE001 - any SDK failure is a failed check
                check(case, name, False, "SDK raised %r" % (error,))

    for label, ok, detail in descriptor_checks(our_descriptor):
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL proto %s: %s" % (label, detail))

    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
