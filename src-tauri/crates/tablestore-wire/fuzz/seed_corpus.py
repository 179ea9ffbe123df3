#!/usr/bin/env python3
"""Writes starting corpora for the fuzz targets into corpus/<target>/ (git-ignored) from the
Python SDK fixture (../tests/fixtures/python_sdk_cases.json): every fixture buffer for the
PlainBuffer targets, and GetRange answers wrapping the fixture pages for decode_responses.
Optional: the fuzzers find their way from an empty corpus too, only more slowly."""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
cases = json.loads((HERE.parent / "tests/fixtures/python_sdk_cases.json").read_text())["cases"]


def varint(n):
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field(number, payload):
    """A length-delimited protobuf field."""
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def write(target, name, data):
    folder = HERE / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


consumed = field(1, field(1, b"\x08\x01"))  # ConsumedCapacity{CapacityUnit{read: 1}}
for case in cases:
    data = bytes.fromhex(case["python_hex"])
    name = f"{case['kind']}-{case['id']}"
    write("decode_rows", name, data)
    if case["kind"] == "pk":
        write("decode_primary_key", name, data)
        write("decode_responses", name, b"\x02" + consumed + field(2, b"") + field(3, data))
    if case["kind"] == "page":
        write("decode_responses", name, b"\x02" + consumed + field(2, data))
print("seeded", sorted(p.name for p in (HERE / "corpus").iterdir()))
