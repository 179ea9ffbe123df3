"""The sandbox under load: 50 concurrent official-SDK clients (Tablestore writers and readers,
OSS writers) for a bounded time. Every answer must be correct, and afterwards every row and
object acknowledged as written must be there — none lost, none extra.
"""
import os
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import oss2
from tablestore import INF_MAX, INF_MIN, Condition, Direction, Row, RowExistenceExpectation

from test_tablestore import client, fresh_table

CLIENTS = 50
SECONDS = float(os.environ.get("SANDBOX_LOAD_SECONDS", "8"))
BUCKET = "sandbox-delivery"


def test_fifty_concurrent_clients_lose_no_written_row_or_object(sandbox):
    setup = client(sandbox)
    table = fresh_table(setup, [("writer", "INTEGER"), ("seq", "INTEGER")])
    prefix = "load-" + uuid.uuid4().hex[:8] + "/"
    deadline = time.monotonic() + SECONDS
    written = {}  # writer -> rows acknowledged
    objects = set()
    reads = {"ok": 0}
    lock = threading.Lock()
    problems = []

    def tablestore_writer(writer):
        ots = client(sandbox)
        seq = 0
        while time.monotonic() < deadline:
            row = Row([("writer", writer), ("seq", seq)], [("payload", f"w{writer}-s{seq}"), ("n", seq)])
            ots.put_row(table, row, Condition(RowExistenceExpectation.EXPECT_NOT_EXIST))
            seq += 1
        with lock:
            written[writer] = seq

    def tablestore_reader(_):
        ots = client(sandbox)
        while time.monotonic() < deadline:
            _, row, _ = ots.get_row("orders", [("order_id", 7)], max_version=1)
            if row is None or row.primary_key != [("order_id", 7)]:
                problems.append(f"orders/7 read back as {row}")
            with lock:
                reads["ok"] += 1

    def oss_writer(writer):
        bucket = oss2.Bucket(oss2.Auth(sandbox.accessKeyId, sandbox.accessKeySecret), sandbox.oss, BUCKET, enable_crc=True)
        n = 0
        while time.monotonic() < deadline:
            key = f"{prefix}{writer}/{n}"
            bucket.put_object(key, f"{writer}:{n}".encode())
            with lock:
                objects.add(key)
            n += 1

    roles = [tablestore_writer] * 30 + [tablestore_reader] * 10 + [oss_writer] * 10
    assert len(roles) == CLIENTS
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        futures = [pool.submit(role, i) for i, role in enumerate(roles)]
        for future in futures:
            future.result()  # re-raises any client error: every call must have succeeded

    assert not problems, problems[:5]
    assert reads["ok"] > 0

    # Every acknowledged row is there exactly once, with its own payload.
    seen = {}
    start = [("writer", INF_MIN), ("seq", INF_MIN)]
    while start is not None:
        _, start, rows, _ = setup.get_range(
            table, Direction.FORWARD, start, [("writer", INF_MAX), ("seq", INF_MAX)], max_version=1
        )
        for row in rows:
            writer, seq = row.primary_key[0][1], row.primary_key[1][1]
            attrs = {name: value for name, value, _ in row.attribute_columns}
            assert attrs["payload"] == f"w{writer}-s{seq}"
            seen[writer] = seen.get(writer, 0) + 1
    assert seen == {w: n for w, n in written.items() if n > 0}
    total_rows = sum(written.values())
    assert total_rows > 0

    bucket = oss2.Bucket(oss2.Auth(sandbox.accessKeyId, sandbox.accessKeySecret), sandbox.oss, BUCKET)
    listed = {o.key for o in oss2.ObjectIteratorV2(bucket, prefix=prefix)}
    assert listed == objects
    print(f"load: {CLIENTS} clients for {SECONDS:.0f} s: {total_rows} rows and {len(objects)} objects written, "
          f"{reads['ok']} reads, none lost")
