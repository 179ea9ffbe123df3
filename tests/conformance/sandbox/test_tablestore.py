"""The official `tablestore` 6.4.8 Python SDK, unmodified, against the sandbox's Tablestore
endpoint: tables, rows of every type, GetRange paging over the large seed table, V2/V4/STS
signing, and the service's errors for bad keys, expired tokens, skewed clocks and unknown tables.
"""
import os
import uuid

import pytest
from tablestore import (
    INF_MAX,
    INF_MIN,
    BatchWriteRowRequest,
    CapacityUnit,
    Condition,
    DeleteRowItem,
    Direction,
    OTSClient,
    OTSClientError,
    OTSServiceError,
    PutRowItem,
    ReservedThroughput,
    ReturnType,
    Row,
    RowExistenceExpectation,
    TableInBatchWriteRowItem,
    TableMeta,
    TableOptions,
    UpdateRowItem,
)
from tablestore.retry import NoRetryPolicy


def client(sandbox, **kwargs):
    key_id = kwargs.pop("access_key_id", sandbox.accessKeyId)
    secret = kwargs.pop("access_key_secret", sandbox.accessKeySecret)
    return OTSClient(
        sandbox.tablestore,
        key_id,
        secret,
        sandbox.instance,
        retry_policy=NoRetryPolicy(),
        **kwargs,
    )


def fresh_table(ots, primary_key, **options):
    name = "t_" + uuid.uuid4().hex[:12]
    ots.create_table(
        TableMeta(name, primary_key),
        TableOptions(**options),
        ReservedThroughput(CapacityUnit(0, 0)),
    )
    return name


def columns(row):
    """The newest version of each column (the service lists versions newest first)."""
    newest = {}
    for name, value, _ts in row.attribute_columns:
        newest.setdefault(name, value)
    return newest


def test_tablestore_lists_and_describes_the_seed_tables(sandbox):
    ots = client(sandbox)
    tables = ots.list_table()
    assert set(tables) >= {"orders", "users", "page_views", "device_metrics", "audit_log", "blob_store", "empty_table"}
    users = ots.describe_table("users")
    assert users.table_meta.schema_of_primary_key == [("user_id", "STRING")]
    assert ("age", "INTEGER") in users.table_meta.defined_columns
    audit = ots.describe_table("audit_log")
    assert [t for _, t in audit.table_meta.schema_of_primary_key] == ["STRING", "BINARY", "INTEGER", "INTEGER"]
    metrics = ots.describe_table("device_metrics")
    assert metrics.table_options.max_version == 3
    assert metrics.table_options.time_to_live == -1


def test_tablestore_writes_and_reads_every_type(sandbox):
    ots = client(sandbox)
    name = fresh_table(ots, [("pk_s", "STRING"), ("pk_i", "INTEGER"), ("pk_b", "BINARY")], max_version=2)
    pk = [("pk_s", "a/ü"), ("pk_i", -5), ("pk_b", bytearray(b"\x00\xff"))]
    attrs = [
        ("i", 2**62),
        ("d", -1.25),
        ("t", True),
        ("f", False),
        ("s", "中文 text"),
        ("bin", bytearray(b"\x01\x02\x03")),
    ]
    _, returned = ots.put_row(
        name,
        Row(pk, attrs),
        Condition(RowExistenceExpectation.EXPECT_NOT_EXIST),
        return_type=ReturnType.RT_PK,
    )
    assert returned.primary_key == pk
    _, row, _ = ots.get_row(name, pk, max_version=1)
    assert row.primary_key == pk
    assert columns(row) == dict(attrs)

    with pytest.raises(OTSServiceError) as refused:
        ots.put_row(name, Row(pk, attrs), Condition(RowExistenceExpectation.EXPECT_NOT_EXIST))
    assert refused.value.get_error_code() == "OTSConditionCheckFail"
    assert refused.value.get_http_status() == 403

    ots.update_row(
        name,
        Row(pk, {"put": [("s", "second")], "delete_all": ["bin"], "increment": [("i", 1)]}),
        Condition(RowExistenceExpectation.EXPECT_EXIST),
    )
    _, row, _ = ots.get_row(name, pk, max_version=2)
    versions = [(n, v) for n, v, _ in row.attribute_columns if n == "s"]
    assert versions == [("s", "second"), ("s", "中文 text")]
    assert "bin" not in columns(row)
    assert columns(row)["i"] == 2**62 + 1

    _, row, _ = ots.get_row(name, pk, columns_to_get=["d", "t"], max_version=1)
    assert columns(row) == {"d": -1.25, "t": True}
    ots.delete_row(name, Row(pk), Condition(RowExistenceExpectation.IGNORE))
    _, row, _ = ots.get_row(name, pk, max_version=1)
    assert row is None
    ots.delete_table(name)
    assert name not in ots.list_table()


def test_tablestore_batch_write_reports_each_row(sandbox):
    ots = client(sandbox)
    name = fresh_table(ots, [("id", "INTEGER")])
    request = BatchWriteRowRequest()
    request.add(
        TableInBatchWriteRowItem(
            name,
            [
                PutRowItem(Row([("id", 1)], [("v", "one")]), Condition(RowExistenceExpectation.IGNORE)),
                PutRowItem(Row([("id", 2)], [("v", "two")]), Condition(RowExistenceExpectation.EXPECT_EXIST)),
                UpdateRowItem(Row([("id", 3)], {"put": [("v", "three")]}), Condition(RowExistenceExpectation.IGNORE)),
                DeleteRowItem(Row([("id", 4)]), Condition(RowExistenceExpectation.IGNORE)),
            ],
        )
    )
    result = ots.batch_write_row(request)
    assert not result.is_all_succeed()
    failed = result.get_failed_of_put()
    assert [(item.is_ok, item.error_code) for item in failed] == [(False, "OTSConditionCheckFail")]
    assert len(result.get_succeed_of_put()) == 1
    assert len(result.get_succeed_of_update()) == 1
    assert len(result.get_succeed_of_delete()) == 1
    _, _, rows, _ = ots.get_range(name, Direction.FORWARD, [("id", INF_MIN)], [("id", INF_MAX)], max_version=1)
    assert [(r.primary_key, columns(r)) for r in rows] == [
        ([("id", 1)], {"v": "one"}),
        ([("id", 3)], {"v": "three"}),
    ]


def test_tablestore_pages_through_the_whole_large_table(sandbox):
    expected = int(os.environ.get("SANDBOX_LARGE_TABLE_ROWS", "200000"))
    ots = client(sandbox)
    start = [("order_id", INF_MIN)]
    seen = 0
    pages = 0
    previous = 0
    while start is not None:
        _, start, rows, _ = ots.get_range(
            "orders", Direction.FORWARD, start, [("order_id", INF_MAX)], max_version=1
        )
        pages += 1
        assert len(rows) <= 5000
        for row in rows:
            order_id = row.primary_key[0][1]
            assert order_id == previous + 1
            previous = order_id
        seen += len(rows)
    assert seen == expected
    assert pages == max(1, -(-expected // 5000))
    first = ots.get_row("orders", [("order_id", 1)], max_version=1)[1]
    values = columns(first)
    assert values["created_at"] == "2026-01-01T00:00:00Z"
    assert isinstance(values["event_time_ms"], int) and values["event_time_ms"] // 1000 == 1767225600


def test_tablestore_get_range_backward_with_limit_and_columns(sandbox):
    ots = client(sandbox)
    _, next_start, rows, _ = ots.get_range(
        "orders",
        Direction.BACKWARD,
        [("order_id", 50)],
        [("order_id", INF_MIN)],
        columns_to_get=["status", "amount"],
        limit=10,
        max_version=1,
    )
    assert [r.primary_key[0][1] for r in rows] == list(range(50, 40, -1))
    assert all(set(columns(r)) == {"status", "amount"} for r in rows)
    assert next_start == [("order_id", 40)]


def test_tablestore_seed_has_missing_mixed_and_unicode_columns(sandbox):
    ots = client(sandbox)
    _, _, rows, _ = ots.get_range(
        "users", Direction.FORWARD, [("user_id", INF_MIN)], [("user_id", INF_MAX)], max_version=1
    )
    assert len(rows) == 40
    score_types = {type(columns(r)["score"]).__name__ for r in rows}
    assert score_types == {"int", "float", "str", "bool"}
    assert any("email" not in columns(r) for r in rows)
    assert all(columns(r)["名前"].startswith("ユーザー") for r in rows)
    assert {type(columns(r)["avatar"]) for r in rows} == {bytearray}
    _, next_start, empty, _ = ots.get_range(
        "empty_table", Direction.FORWARD, [("id", INF_MIN)], [("id", INF_MAX)], max_version=1
    )
    assert not empty
    assert next_start is None


def test_tablestore_v4_signing_with_region(sandbox):
    ots = client(sandbox, region=sandbox.region)
    assert "orders" in ots.list_table()
    _, row, _ = ots.get_row("orders", [("order_id", 7)], max_version=1)
    assert row.primary_key == [("order_id", 7)]


def test_tablestore_sts_token_from_the_sandbox(sandbox):
    issued = sandbox.admin("POST", "/sts", {})
    ots = client(
        sandbox,
        access_key_id=issued["accessKeyId"],
        access_key_secret=issued["accessKeySecret"],
        sts_token=issued["securityToken"],
    )
    assert "users" in ots.list_table()


def test_tablestore_limited_key_may_read_tables(sandbox):
    ots = client(
        sandbox,
        access_key_id=sandbox.limitedAccessKeyId,
        access_key_secret=sandbox.limitedAccessKeySecret,
    )
    assert "orders" in ots.list_table()
    _, _, rows, _ = ots.get_range(
        "orders", Direction.FORWARD, [("order_id", 1)], [("order_id", 4)], max_version=1
    )
    assert [r.primary_key for r in rows] == [[("order_id", 1)], [("order_id", 2)], [("order_id", 3)]]


def test_tablestore_wrong_secret_is_auth_failed(sandbox):
    ots = client(sandbox, access_key_secret="wrong-secret")
    with pytest.raises(OTSServiceError) as refused:
        ots.list_table()
    assert refused.value.get_error_code() == "OTSAuthFailed"
    assert refused.value.get_http_status() == 403
    assert refused.value.get_request_id()


def test_tablestore_unknown_table_is_object_not_exist(sandbox):
    ots = client(sandbox)
    with pytest.raises(OTSServiceError) as missing:
        ots.describe_table("no_such_table")
    assert missing.value.get_error_code() == "OTSObjectNotExist"
    assert missing.value.get_http_status() == 404
    with pytest.raises(OTSServiceError) as missing:
        ots.get_range("no_such_table", Direction.FORWARD, [("id", INF_MIN)], [("id", INF_MAX)], max_version=1)
    assert missing.value.get_error_code() == "OTSObjectNotExist"


def test_tablestore_expired_token_is_auth_failed(sandbox, faults):
    issued = sandbox.admin("POST", "/sts", {})
    ots = client(
        sandbox,
        access_key_id=issued["accessKeyId"],
        access_key_secret=issued["accessKeySecret"],
        sts_token=issued["securityToken"],
    )
    faults(expireTokens=True)
    with pytest.raises(OTSServiceError) as refused:
        ots.list_table()
    assert refused.value.get_error_code() == "OTSAuthFailed"
    assert "expired" in refused.value.get_error_message()


def test_tablestore_skewed_clock_is_refused(sandbox, faults):
    faults(clockSkewSeconds=3600)
    ots = client(sandbox)
    # The service refuses the request (403 OTSAuthFailed) and dates its answer by its own
    # clock; the SDK checks that date first and reports the skew itself.
    with pytest.raises(OTSClientError) as refused:
        ots.list_table()
    assert "more than 15 minutes" in refused.value.get_error_message()
    assert refused.value.get_http_status() == 403


def test_tablestore_busy_is_server_busy(sandbox, faults):
    faults(busyRate=1.0, operations=["ListTable"])
    with pytest.raises(OTSServiceError) as busy:
        client(sandbox).list_table()
    assert busy.value.get_error_code() == "OTSServerBusy"
    assert busy.value.get_http_status() == 503


def test_tablestore_corrupt_body_fails_the_md5_check(sandbox, faults):
    faults(corruptRate=1.0, operations=["ListTable"])
    with pytest.raises(OTSClientError) as corrupt:
        client(sandbox).list_table()
    assert "MD5 mismatch" in corrupt.value.get_error_message()


def test_tablestore_dropped_and_truncated_answers_fail(sandbox, faults):
    for switch in ("dropRate", "truncateRate"):
        faults(**{switch: 1.0, "operations": ["ListTable"]})
        with pytest.raises(Exception) as broken:
            client(sandbox).list_table()
        assert not isinstance(broken.value, OTSServiceError), switch
    faults()
    assert "orders" in client(sandbox).list_table()
