"""Delivery tasks end to end: the sandbox runs them for real and the official SDKs check the
result. No official Python SDK has the delivery operations (spec tablestore.md 4.1), so tasks
are created, described and deleted through the `delivery_sandbox` example of the sandbox crate
(signed HTTP calls, one JSON command per stdin line); that example hosts a sandbox whose
delivery timing runs in milliseconds. Everything else uses the unmodified official SDKs:
ResourceManager creates the service-linked role, `tablestore` writes new rows, `oss2` lists
and downloads the delivered objects, and `pyarrow` reads every file (row counts, column order,
names, types, nulls, dirty data, partition paths).
"""
import io
import json
import os
import re
import subprocess
import time
from datetime import datetime, timezone
from pathlib import Path

import oss2
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from alibabacloud_resourcemanager20200331 import models as rm_models
from alibabacloud_resourcemanager20200331.client import Client as ResourceManagerClient
from alibabacloud_tea_openapi import utils_models as open_api_models
from tablestore import Condition, OTSClient, Row, RowExistenceExpectation
from tablestore.retry import NoRetryPolicy

ROOT = Path(__file__).resolve().parents[3]
BUCKET = "sandbox-delivery"
ROLE_ARN = "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery"
ORDERS = 5000
WAIT = 20


class DeliverySandbox:
    def __init__(self, process):
        self.process = process
        self.info = json.loads(process.stdout.readline())

    def __getattr__(self, name):
        try:
            return self.info[name]
        except KeyError as missing:
            raise AttributeError(name) from missing

    def command(self, **command):
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())


@pytest.fixture(scope="module")
def delivery():
    # The example sits next to the sandbox binary check.sh built.
    examples = Path(os.environ["SANDBOX_BIN"]).parent / "examples"
    subprocess.run(
        ["cargo", "build", "-q", "-p", "sandbox", "--example", "delivery_sandbox"],
        cwd=ROOT,
        check=True,
    )
    process = subprocess.Popen(
        [str(examples / "delivery_sandbox"), "--large-table-rows", str(ORDERS)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        sandbox = DeliverySandbox(process)
        config = open_api_models.Config(
            endpoint=sandbox.openapi.removeprefix("http://"),
            protocol="http",
            access_key_id=sandbox.accessKeyId,
            access_key_secret=sandbox.accessKeySecret,
            region_id=sandbox.region,
        )
        role = ResourceManagerClient(config).create_service_linked_role(
            rm_models.CreateServiceLinkedRoleRequest(
                service_name="datadelivery.ots.aliyuncs.com"
            )
        )
        assert role.body.role.arn == ROLE_ARN
        yield sandbox
    finally:
        # Closing stdin ends the example.
        process.stdin.close()
        process.wait(timeout=10)


def ots(sandbox):
    return OTSClient(
        sandbox.tablestore,
        sandbox.accessKeyId,
        sandbox.accessKeySecret,
        sandbox.instance,
        retry_policy=NoRetryPolicy(),
    )


def bucket(sandbox):
    auth = oss2.Auth(sandbox.accessKeyId, sandbox.accessKeySecret)
    return oss2.Bucket(auth, sandbox.oss, BUCKET, enable_crc=True)


def create(sandbox, **task):
    task.setdefault("bucket", BUCKET)
    task.setdefault("role", ROLE_ARN)
    return sandbox.command(op="create", **task)


def wait_until(sandbox, table, task, done):
    deadline = time.monotonic() + WAIT
    while True:
        state = sandbox.command(op="describe", table=table, task=task)
        if done(state):
            return state
        assert time.monotonic() < deadline, f"gave up on {task}: {state}"
        time.sleep(0.02)


def delivered(sandbox, prefix):
    """Every object under the prefix, read with pyarrow: {key: Table}."""
    b = bucket(sandbox)
    return {
        o.key: pq.read_table(io.BytesIO(b.get_object(o.key).read()))
        for o in oss2.ObjectIteratorV2(b, prefix=prefix)
    }


USER_SCHEMA = [
    ["user_id", "id", "UTF8"],
    ["name", "name", "UTF8"],
    ["age", "age", "INT64"],
    ["balance", "balance", "DOUBLE"],
    ["active", "active", "BOOL"],
    ["email", "email", "UTF8"],
    # Seed values are INTEGER, DOUBLE, STRING and BOOLEAN in turn: only integers fit.
    ["score", "score", "INT64"],
]


def test_create_refuses_bad_names_duplicates_and_unknown_tables(delivery):
    base = {"prefix": "py/errors", "schema": USER_SCHEMA, "type": "BASE"}
    bad = create(delivery, table="users", task="Bad_Name", **base)
    assert (bad["status"], bad["code"]) == (400, "OTSParameterInvalid")
    assert "lowercase letters, digits and hyphens" in bad["message"]
    unknown = create(delivery, table="no_such_table", task="errors-a", **base)
    assert (unknown["status"], unknown["code"], unknown["message"]) == (
        404,
        "OTSObjectNotExist",
        "Requested table does not exist.",
    )
    assert create(delivery, table="users", task="errors-a", **base)["status"] == 200
    duplicate = create(delivery, table="users", task="errors-a", **base)
    assert (duplicate["status"], duplicate["code"]) == (409, "OTSObjectAlreadyExist")
    listed = delivery.command(op="list", table="users")
    assert {"table": "users", "task": "errors-a", "type": "BASE"} in listed["tasks"]


def test_a_bucket_in_another_region_and_a_wrong_role_surface_in_describe(delivery):
    base = {"table": "users", "schema": USER_SCHEMA, "type": "BASE_INC"}
    assert create(delivery, task="far-bucket", prefix="py/far", **{**base, "bucket": "sandbox-beijing"})["status"] == 200
    wrong_role = "acs:ram::1234567890123456:role/not-the-delivery-role"
    assert create(delivery, task="wrong-role", prefix="py/wrong", **{**base, "role": wrong_role})["status"] == 200

    far = wait_until(delivery, "users", "far-bucket", lambda s: s["errorCode"])
    assert far["errorCode"] == "INVALID_OSS_BUCKET"
    assert far["detail"] == (
        "The OSS bucket 'sandbox-beijing' is in cn-beijing, not in the instance's region cn-hangzhou."
    )
    assert far["bucket"] == "sandbox-beijing"
    wrong = wait_until(delivery, "users", "wrong-role", lambda s: s["errorCode"])
    assert wrong["errorCode"] == "UNAUTHORIZED"
    assert "not-the-delivery-role" in wrong["detail"]
    assert list(oss2.ObjectIteratorV2(bucket(delivery), prefix="py/wrong")) == []


def test_a_base_task_partitions_every_order_by_its_event_day(delivery):
    schema = [
        ["order_id", "order_id", "INT64"],
        ["status", "status", "UTF8"],
        ["amount", "amount", "DOUBLE"],
        ["paid", "paid", "BOOL"],
        ["created_at", "created_at", "UTF8"],
    ]
    answer = create(
        delivery,
        table="orders",
        task="orders-py",
        type="BASE",
        prefix="py/orders/year=$yyyy/month=$MM/day=$dd",
        schema=schema,
        eventTime={"column": "created_at", "format": "RFC3339"},
    )
    assert answer["status"] == 200
    done = wait_until(delivery, "orders", "orders-py", lambda s: s["checkpoint"] > 0)
    assert (done["phase"], done["errorCode"]) == ("FULL", None)

    tables = delivered(delivery, "py/orders/")
    ids = []
    for key, table in tables.items():
        # 5000 orders 13 s apart: 2026-01-01 and the first hours of 2026-01-01 only.
        match = re.fullmatch(
            r"py/orders/year=(\d{4})/month=(\d\d)/day=(\d\d)/orders-py_0_"
            r"py_orders_year=\1_month=\2_day=\3__1",
            key,
        )
        assert match, key
        assert table.schema.names == ["order_id", "status", "amount", "paid", "created_at"]
        assert [f.type for f in table.schema] == [
            pa.int64(),
            pa.string(),
            pa.float64(),
            pa.bool_(),
            pa.string(),
        ]
        for created in table.column("created_at").to_pylist():
            day = datetime.fromisoformat(created.replace("Z", "+00:00")).astimezone(timezone.utc)
            assert (day.year, day.month, day.day) == tuple(int(g) for g in match.groups())
        ids += table.column("order_id").to_pylist()
    assert sorted(ids) == list(range(1, ORDERS + 1))
    assert not any(key.endswith(".parquet") for key in tables)


def test_a_base_inc_task_delivers_the_table_then_rows_written_with_the_sdk(delivery):
    answer = create(
        delivery,
        table="users",
        task="users-py",
        type="BASE_INC",
        prefix="py/users/day=$yyyy$MM$dd",
        schema=USER_SCHEMA,
    )
    assert answer["status"] == 200
    only_new = create(
        delivery, table="users", task="users-new", type="INC", prefix="py/new", schema=USER_SCHEMA
    )
    assert only_new["status"] == 200
    state = wait_until(delivery, "users", "users-py", lambda s: s["phase"] == "INCR")
    wait_until(delivery, "users", "users-new", lambda s: s["phase"] == "INCR")
    assert state["errorCode"] is None and state["checkpoint"] > 1_700_000_000 * 10**9

    client = ots(delivery)
    client.put_row(
        "users",
        Row([("user_id", "py-1")], [("name", "From Python"), ("age", 41), ("score", 7)]),
        Condition(RowExistenceExpectation.IGNORE),
    )
    client.put_row(
        "users",
        Row([("user_id", "py-2")], [("name", "Dirty score"), ("active", True), ("score", "high")]),
        Condition(RowExistenceExpectation.IGNORE),
    )
    deadline = time.monotonic() + WAIT
    while True:
        objects = delivered(delivery, "py/users/")
        rows = {r["id"]: (key, r) for key, t in objects.items() for r in t.to_pylist()}
        if "py-1" in rows and "py-2" in rows:
            break
        assert time.monotonic() < deadline, "the new rows never arrived"
        time.sleep(0.05)
    today = datetime.now(timezone.utc).strftime("%Y%m%d")
    new_key, new_row = rows["py-1"]
    # Partitioned by write time: today's folder.
    assert new_key.startswith(f"py/users/day={today}/users-py_0_py_users_day={today}__")
    assert new_row == {
        "id": "py-1", "name": "From Python", "age": 41, "balance": None,
        "active": None, "email": None, "score": 7,
    }
    # A STRING in an INT64 column is dirty data: the field is dropped, the row kept.
    assert rows["py-2"][1]["score"] is None and rows["py-2"][1]["active"] is True

    seed_rows = [r for key, r in rows.values() if r["id"].startswith("u0")]
    assert len(seed_rows) == 40
    seed_keys = {key for key, r in rows.values() if r["id"].startswith("u0")}
    # The seed users were written on 2026-01-01.
    assert seed_keys == {"py/users/day=20260101/users-py_0_py_users_day=20260101__1"}
    for table in objects.values():
        assert table.schema.names == [c[1] for c in USER_SCHEMA]
        assert [f.type for f in table.schema] == [
            pa.string(), pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.string(), pa.int64(),
        ]
    # The incremental-only task delivers just the two new rows, under the fixed prefix.
    deadline = time.monotonic() + WAIT
    while True:
        new_only = delivered(delivery, "py/new/")
        new_ids = sorted(r["id"] for t in new_only.values() for r in t.to_pylist())
        if len(new_ids) >= 2:
            break
        assert time.monotonic() < deadline, "the incremental task delivered nothing"
        time.sleep(0.05)
    assert new_ids == ["py-1", "py-2"]
    assert all(re.fullmatch(r"py/new/users-new_0_py_new__\d+", key) for key in new_only)
    # Every fifth seed user has no email: a missing cell is a null.
    assert sum(r["email"] is None for r in seed_rows) == 8
    # Seed scores cycle INTEGER, DOUBLE, STRING, BOOLEAN: only the integers survive.
    assert sorted(r["score"] for r in seed_rows if r["score"] is not None) == [
        i * 10 for i in range(0, 40, 4)
    ]

    deleted = delivery.command(op="delete", table="users", task="users-py")
    assert deleted == {"status": 200}
    gone = delivery.command(op="describe", table="users", task="users-py")
    assert (gone["status"], gone["code"]) == (404, "OTSObjectNotExist")
    client.put_row(
        "users",
        Row([("user_id", "py-3")], [("name", "After delete")]),
        Condition(RowExistenceExpectation.IGNORE),
    )
    time.sleep(0.8)
    # Files already written stay; rows written after the delete are not delivered.
    assert delivered(delivery, "py/users/").keys() == objects.keys()


def test_deleting_a_table_with_the_sdk_deletes_its_tasks(delivery):
    from tablestore import CapacityUnit, ReservedThroughput, TableMeta, TableOptions

    client = ots(delivery)
    table, task, schema = "py_dropped", "dropped-task", [["id", "id", "INT64"]]

    def make_table_with_rows(count):
        client.create_table(
            TableMeta(table, [("id", "INTEGER")]),
            TableOptions(),
            ReservedThroughput(CapacityUnit(0, 0)),
        )
        for n in range(1, count + 1):
            client.put_row(table, Row([("id", n)], [("label", f"row {n}")]), Condition(RowExistenceExpectation.IGNORE))

    def delivered_ids(prefix):
        return sorted(r["id"] for t in delivered(delivery, prefix).values() for r in t.to_pylist())

    make_table_with_rows(3)
    assert create(delivery, table=table, task=task, type="BASE_INC", prefix="py/dropped/before", schema=schema)["status"] == 200
    wait_until(delivery, table, task, lambda s: s["phase"] == "INCR")
    assert delivered_ids("py/dropped/before/") == [1, 2, 3]

    client.delete_table(table)
    gone = delivery.command(op="describe", table=table, task=task)
    assert (gone["status"], gone["code"]) == (404, "OTSObjectNotExist")
    # A new table of the same name starts with no task; the old one does not pick up its rows.
    make_table_with_rows(5)
    assert delivery.command(op="list", table=table)["tasks"] == []
    time.sleep(0.5)
    assert delivered_ids("py/dropped/before/") == [1, 2, 3]
    assert create(delivery, table=table, task=task, type="BASE_INC", prefix="py/dropped/after", schema=schema)["status"] == 200
    wait_until(delivery, table, task, lambda s: s["phase"] == "INCR")
    assert delivered_ids("py/dropped/after/") == [1, 2, 3, 4, 5]
