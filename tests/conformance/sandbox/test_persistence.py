"""`--data-dir`: what the official SDKs write to one sandbox binary is there, unchanged, after
it is stopped (SIGTERM) and started again on the same folder. Own processes (not the session
sandbox), a small large-table, so the test takes about a second."""

import oss2
from alibabacloud_resourcemanager20200331 import models as rm_models
from alibabacloud_resourcemanager20200331.client import Client as ResourceManagerClient
from alibabacloud_tea_openapi import utils_models as open_api_models
from tablestore import (
    INF_MAX,
    INF_MIN,
    CapacityUnit,
    Condition,
    Direction,
    OTSClient,
    ReservedThroughput,
    Row,
    RowExistenceExpectation,
    TableMeta,
    TableOptions,
)

from sandbox_process import start_sandbox
from tablestore.retry import NoRetryPolicy

DELIVERY_ROLE = "AliyunServiceRoleForOTSDataDelivery"


def start(data_dir):
    return start_sandbox("--large-table-rows", "100", "--data-dir", str(data_dir))


def stop(process):
    process.terminate()
    assert process.wait(timeout=10) == 0


def ots(info):
    return OTSClient(
        info["tablestore"],
        info["accessKeyId"],
        info["accessKeySecret"],
        info["instance"],
        retry_policy=NoRetryPolicy(),
    )


def archive(info):
    auth = oss2.Auth(info["accessKeyId"], info["accessKeySecret"])
    return oss2.Bucket(auth, info["oss"], "sandbox-archive", enable_crc=True)


def resource_manager(info):
    return ResourceManagerClient(
        open_api_models.Config(
            endpoint=info["openapi"].removeprefix("http://"),
            protocol="http",
            access_key_id=info["accessKeyId"],
            access_key_secret=info["accessKeySecret"],
            region_id=info["region"],
        )
    )


ROWS = {
    1: [("s", "第一 row"), ("i", -(2**40)), ("d", 0.1), ("t", True), ("bin", bytearray(b"\x00\xff"))],
    2: [("s", "second"), ("d", -2.5e300)],
}


def test_what_the_sdks_wrote_is_read_back_after_a_restart_on_the_same_data_dir(tmp_path):
    process, info = start(tmp_path)
    try:
        client = ots(info)
        client.create_table(
            TableMeta("kept", [("id", "INTEGER")]),
            TableOptions(),
            ReservedThroughput(CapacityUnit(0, 0)),
        )
        for key, attrs in ROWS.items():
            client.put_row("kept", Row([("id", key)], attrs), Condition(RowExistenceExpectation.IGNORE))
        client.delete_table("empty_table")
        archive(info).put_object("notes/kept.txt", b"kept across restarts", headers={"x-oss-meta-owner": "analyst"})
        archive(info).delete_object("readme.txt")
        resource_manager(info).create_service_linked_role(
            rm_models.CreateServiceLinkedRoleRequest(service_name="datadelivery.ots.aliyuncs.com")
        )
    finally:
        stop(process)
    assert (tmp_path / "state.json").exists()

    process, info = start(tmp_path)
    try:
        client = ots(info)
        tables = client.list_table()
        assert "kept" in tables and "empty_table" not in tables and "orders" in tables
        _, _, rows, _ = client.get_range("kept", Direction.FORWARD, [("id", INF_MIN)], [("id", INF_MAX)], max_version=1)
        assert [row.primary_key for row in rows] == [[("id", 1)], [("id", 2)]]
        for row in rows:
            got = {name: value for name, value, _ts in row.attribute_columns}
            assert got == dict(ROWS[row.primary_key[0][1]])
        _, order, _ = client.get_row("orders", [("order_id", 100)], max_version=1)
        assert order is not None, "the seed's generated rows are still there"

        bucket = archive(info)
        kept = bucket.get_object("notes/kept.txt")
        assert kept.read() == b"kept across restarts"
        assert kept.headers["x-oss-meta-owner"] == "analyst"
        assert not bucket.object_exists("readme.txt")

        role = resource_manager(info).get_role(rm_models.GetRoleRequest(role_name=DELIVERY_ROLE)).body.role
        assert role.role_name == DELIVERY_ROLE
    finally:
        stop(process)
