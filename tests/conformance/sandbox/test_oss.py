"""The official oss2 2.19.1 SDK, unmodified, against the sandbox's OSS endpoint.

Covers V1 (`oss2.Auth`), V4 (`oss2.AuthV4` with a region) and STS (`oss2.StsAuth`) signing,
ListBuckets paging, bucket info and location, objects with CRC64 checks on, ranges,
ListObjectsV2 paging with a delimiter, head and delete, and the service's error codes for a
wrong secret, a limited key, an unknown bucket, a skewed clock, expired and revoked
credentials, busy answers and corrupt checksums.
"""
import os
import tempfile

import oss2
import pytest
import requests
from oss2.exceptions import (
    AccessDenied,
    InconsistentError,
    NoSuchBucket,
    NoSuchKey,
    ServerError,
    SignatureDoesNotMatch,
)

ARCHIVE = "sandbox-archive"
DELIVERY = "sandbox-delivery"
OTHER_REGION_BUCKET = "sandbox-beijing"
LOG_BUCKETS = [f"sandbox-logs-{n:02d}" for n in range(30)]


def v1(sandbox):
    return oss2.Auth(sandbox.accessKeyId, sandbox.accessKeySecret)


def bucket(sandbox, name=ARCHIVE, auth=None, **kwargs):
    return oss2.Bucket(auth or v1(sandbox), sandbox.oss, name, enable_crc=True, **kwargs)


def test_list_buckets_pages_through_every_bucket_with_bucket_iterator(sandbox):
    service = oss2.Service(v1(sandbox), sandbox.oss)
    first = service.list_buckets(max_keys=10)
    assert first.is_truncated is True
    assert len(first.buckets) == 10
    assert first.next_marker == first.buckets[-1].name
    names = [b.name for b in oss2.BucketIterator(service, max_keys=10)]
    assert names == sorted([ARCHIVE, DELIVERY, OTHER_REGION_BUCKET] + LOG_BUCKETS)
    by_name = {b.name: b for b in service.list_buckets(max_keys=100).buckets}
    assert by_name[OTHER_REGION_BUCKET].location == "oss-cn-beijing"
    assert by_name[OTHER_REGION_BUCKET].region == "cn-beijing"
    assert by_name[DELIVERY].location == f"oss-{sandbox.region}"
    assert by_name[DELIVERY].extranet_endpoint == f"oss-{sandbox.region}.aliyuncs.com"


def test_list_buckets_honours_prefix_and_marker(sandbox):
    service = oss2.Service(v1(sandbox), sandbox.oss)
    result = service.list_buckets(prefix="sandbox-logs-", marker="sandbox-logs-27")
    assert [b.name for b in result.buckets] == ["sandbox-logs-28", "sandbox-logs-29"]
    assert result.is_truncated is False


def test_bucket_info_and_location_report_each_buckets_own_region(sandbox):
    info = bucket(sandbox).get_bucket_info()
    assert info.name == ARCHIVE
    assert info.location == f"oss-{sandbox.region}"
    assert info.acl.grant == "private"
    assert info.intranet_endpoint == f"oss-{sandbox.region}-internal.aliyuncs.com"
    assert bucket(sandbox).get_bucket_location().location == f"oss-{sandbox.region}"
    other = bucket(sandbox, OTHER_REGION_BUCKET)
    assert other.get_bucket_info().location == "oss-cn-beijing"
    assert other.get_bucket_location().location == "oss-cn-beijing"


def test_put_and_get_with_crc_checks_on_round_trip_bytes_and_digests(sandbox):
    b = bucket(sandbox, DELIVERY)
    data = os.urandom(200_000)
    key = "tests/v1/数据 a+b.bin"
    put = b.put_object(key, data)
    crc = oss2.utils.Crc64(0)
    crc.update(data)
    assert put.crc == crc.crc
    assert put.etag == oss2.utils.md5_string(data).upper()
    got = b.get_object(key)
    assert got.read() == data
    assert got.server_crc == crc.crc
    assert got.client_crc == crc.crc
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "copy.bin")
        b.get_object_to_file(key, path)
        with open(path, "rb") as copy:
            assert copy.read() == data
    b.delete_object(key)


def test_a_content_md5_that_does_not_match_the_body_is_refused(sandbox):
    with pytest.raises(ServerError) as refused:
        bucket(sandbox, DELIVERY).put_object(
            "tests/md5.txt", b"not hello", headers={"Content-MD5": oss2.utils.content_md5(b"hello")}
        )
    assert (refused.value.status, refused.value.code) == (400, "InvalidDigest")
    good = bucket(sandbox, DELIVERY).put_object(
        "tests/md5.txt", b"hello", headers={"Content-MD5": oss2.utils.content_md5(b"hello")}
    )
    assert good.status == 200


def test_ranges_answer_206_with_content_range_and_invalid_ranges_send_everything(sandbox):
    b = bucket(sandbox, DELIVERY)
    b.put_object("tests/range.txt", b"0123456789")
    part = b.get_object("tests/range.txt", byte_range=(2, 5))
    assert part.status == 206
    assert part.headers["Content-Range"] == "bytes 2-5/10"
    assert part.read() == b"2345"
    assert b.get_object("tests/range.txt", byte_range=(7, None)).read() == b"789"
    assert b.get_object("tests/range.txt", byte_range=(None, 3)).read() == b"789"
    whole = b.get_object("tests/range.txt", byte_range=(5, 100))
    assert (whole.status, whole.read()) == (200, b"0123456789")
    standard = {"x-oss-range-behavior": "standard"}
    clamped = b.get_object("tests/range.txt", byte_range=(5, 100), headers=standard)
    assert (clamped.status, clamped.read()) == (206, b"56789")
    with pytest.raises(ServerError) as refused:
        b.get_object("tests/range.txt", byte_range=(10, 20), headers=standard)
    assert (refused.value.status, refused.value.code) == (416, "InvalidRange")


def test_list_objects_v2_pages_with_a_delimiter_and_decodes_keys(sandbox):
    b = bucket(sandbox)
    top = [(o.key, o.is_prefix()) for o in oss2.ObjectIteratorV2(b, delimiter="/", max_keys=1)]
    assert top == [("dir/", True), ("exports/", True), ("readme.txt", False), ("unicode/", True)]
    first = b.list_objects_v2(delimiter="/", max_keys=2)
    assert first.is_truncated is True
    assert first.prefix_list == ["dir/", "exports/"]
    second = b.list_objects_v2(delimiter="/", max_keys=2, continuation_token=first.next_continuation_token)
    assert [o.key for o in second.object_list] == ["readme.txt"]
    assert second.prefix_list == ["unicode/"]
    assert second.is_truncated is False
    nested = [o.key for o in oss2.ObjectIteratorV2(b, prefix="exports/orders/", max_keys=1)]
    assert nested == [
        "exports/orders/2025/01/15/part-00000.parquet",
        "exports/orders/2025/01/16/part-00000.parquet",
    ]
    assert [o.key for o in oss2.ObjectIteratorV2(b, prefix="unicode/")] == ["unicode/数据/文件.txt"]
    assert [o.key for o in oss2.ObjectIteratorV2(b, prefix="dir/")] == ["dir/a b+c.txt"]
    after = b.list_objects_v2(start_after="exports/orders/2025/01/15/part-00000.parquet", fetch_owner=True)
    assert after.object_list[0].key == "exports/orders/2025/01/16/part-00000.parquet"
    assert after.object_list[0].owner.id


def test_seeded_parquet_object_looks_like_parquet(sandbox):
    data = bucket(sandbox).get_object("exports/orders/2025/01/15/part-00000.parquet").read()
    assert data[:4] == b"PAR1" and data[-4:] == b"PAR1"


def test_head_object_exists_and_delete(sandbox):
    b = bucket(sandbox, DELIVERY)
    b.put_object("tests/head.txt", b"hello world")
    head = b.head_object("tests/head.txt")
    assert head.content_length == 11
    assert head.server_crc == 5981764153023615706
    assert head.etag == "5EB63BBBE01EEED093CB22BB8F5ACDC3"
    assert head.object_type == "Normal"
    assert b.object_exists("tests/head.txt") is True
    b.delete_object("tests/head.txt")
    assert b.object_exists("tests/head.txt") is False
    with pytest.raises(NoSuchKey):
        b.head_object("tests/head.txt")
    with pytest.raises(NoSuchKey) as missing:
        b.get_object("tests/head.txt")
    assert missing.value.request_id and len(missing.value.request_id) == 24


def test_v4_signing_lists_writes_and_reads(sandbox):
    auth = oss2.AuthV4(sandbox.accessKeyId, sandbox.accessKeySecret)
    service = oss2.Service(auth, sandbox.oss, region=sandbox.region)
    assert len(list(oss2.BucketIterator(service, max_keys=7))) == 33
    b = bucket(sandbox, DELIVERY, auth=auth, region=sandbox.region)
    b.put_object("tests/v4/a b+c.txt", b"signed with v4")
    assert b.get_object("tests/v4/a b+c.txt").read() == b"signed with v4"
    assert [o.key for o in oss2.ObjectIteratorV2(b, prefix="tests/v4/")] == ["tests/v4/a b+c.txt"]
    other = bucket(sandbox, OTHER_REGION_BUCKET, auth=auth, region="cn-beijing")
    assert other.get_object("hello.txt").read().startswith(b"Sample object hello.txt")
    b.delete_object("tests/v4/a b+c.txt")


def test_v4_signing_with_a_wrong_secret_is_signature_does_not_match(sandbox):
    auth = oss2.AuthV4(sandbox.accessKeyId, "not-the-secret")
    with pytest.raises(SignatureDoesNotMatch) as refused:
        bucket(sandbox, auth=auth, region=sandbox.region).get_bucket_info()
    assert refused.value.status == 403


def test_sts_credentials_sign_requests_with_their_token(sandbox):
    sts = sandbox.admin("POST", "/sts", {"durationSeconds": 900})
    auth = oss2.StsAuth(sts["accessKeyId"], sts["accessKeySecret"], sts["securityToken"])
    b = bucket(sandbox, DELIVERY, auth=auth)
    b.put_object("tests/sts.txt", b"temporary")
    assert b.get_object("tests/sts.txt").read() == b"temporary"
    auth_v4 = oss2.StsAuth(sts["accessKeyId"], sts["accessKeySecret"], sts["securityToken"], auth_version="v4")
    assert bucket(sandbox, DELIVERY, auth=auth_v4, region=sandbox.region).head_object("tests/sts.txt").content_length == 9
    forged = oss2.StsAuth(sts["accessKeyId"], sts["accessKeySecret"], "forged-token")
    with pytest.raises(ServerError) as refused:
        bucket(sandbox, DELIVERY, auth=forged).get_object("tests/sts.txt")
    assert (refused.value.status, refused.value.code) == (403, "InvalidSecurityToken")


def test_wrong_secret_is_signature_does_not_match_like_the_cloud(sandbox):
    auth = oss2.Auth(sandbox.accessKeyId, "not-the-secret")
    with pytest.raises(SignatureDoesNotMatch) as refused:
        oss2.Service(auth, sandbox.oss).list_buckets()
    error = refused.value
    assert (error.status, error.code) == (403, "SignatureDoesNotMatch")
    assert error.details["OSSAccessKeyId"] == sandbox.accessKeyId
    assert error.details["EC"] == "0002-00000040"


def test_unknown_access_key_is_invalid_access_key_id(sandbox):
    auth = oss2.Auth("LTAI5tNoSuchKey000000", "whatever")
    with pytest.raises(ServerError) as refused:
        bucket(sandbox, auth=auth).get_bucket_info()
    assert (refused.value.status, refused.value.code) == (403, "InvalidAccessKeyId")


def test_limited_key_is_denied_listing_buckets_but_reads_a_bucket(sandbox):
    auth = oss2.Auth(sandbox.limitedAccessKeyId, sandbox.limitedAccessKeySecret)
    with pytest.raises(AccessDenied) as refused:
        oss2.Service(auth, sandbox.oss).list_buckets()
    assert refused.value.status == 403
    assert "oss:ListBuckets" in refused.value.message
    assert bucket(sandbox, auth=auth).get_bucket_location().location == f"oss-{sandbox.region}"


def test_unknown_bucket_is_no_such_bucket(sandbox):
    missing = bucket(sandbox, "sandbox-no-such-bucket")
    with pytest.raises(NoSuchBucket) as refused:
        missing.get_bucket_info()
    assert refused.value.status == 404
    assert refused.value.details["BucketName"] == "sandbox-no-such-bucket"
    with pytest.raises(NoSuchBucket):
        missing.put_object("a.txt", b"x")
    with pytest.raises(NoSuchBucket):
        missing.object_exists("a.txt")


def test_corrupt_checksum_fault_makes_oss2_raise_its_crc_error(sandbox, faults):
    b = bucket(sandbox, DELIVERY)
    b.put_object("tests/corrupt.txt", b"some bytes to protect")
    faults(corruptRate=1.0, operations=["GetObject", "PutObject"])
    with tempfile.TemporaryDirectory() as folder:
        with pytest.raises(InconsistentError):
            b.get_object_to_file("tests/corrupt.txt", os.path.join(folder, "x"))
    with pytest.raises(InconsistentError):
        b.put_object("tests/corrupt2.txt", b"more bytes")


def test_skewed_clock_is_request_time_too_skewed(sandbox, faults):
    faults(clockSkewSeconds=3600)
    with pytest.raises(ServerError) as refused:
        bucket(sandbox).get_bucket_info()
    assert (refused.value.status, refused.value.code) == (403, "RequestTimeTooSkewed")
    assert refused.value.details["EC"] == "0002-00000504"
    faults(clockSkewSeconds=600)
    assert bucket(sandbox).get_bucket_info().name == ARCHIVE


def test_expired_token_is_security_token_expired(sandbox, faults):
    sts = sandbox.admin("POST", "/sts", {})
    auth = oss2.StsAuth(sts["accessKeyId"], sts["accessKeySecret"], sts["securityToken"])
    faults(expireTokens=True)
    with pytest.raises(ServerError) as refused:
        bucket(sandbox, auth=auth).get_bucket_info()
    assert (refused.value.status, refused.value.code) == (403, "SecurityTokenExpired")


def test_revoked_key_is_refused_as_invalid_access_key_id(sandbox):
    sts = sandbox.admin("POST", "/sts", {})
    auth = oss2.StsAuth(sts["accessKeyId"], sts["accessKeySecret"], sts["securityToken"])
    assert bucket(sandbox, auth=auth).get_bucket_info().name == ARCHIVE
    sandbox.admin("POST", f"/keys/{sts['accessKeyId']}/revoke")
    with pytest.raises(ServerError) as refused:
        bucket(sandbox, auth=auth).get_bucket_info()
    assert (refused.value.status, refused.value.code) == (403, "InvalidAccessKeyId")


def test_busy_fault_answers_503_with_the_service_codes(sandbox, faults):
    faults(busyRate=1.0, operations=["GetObject", "ListBuckets"])
    with pytest.raises(ServerError) as busy:
        bucket(sandbox).get_object("readme.txt")
    assert (busy.value.status, busy.value.code) == (503, "ServiceUnavailable")
    with pytest.raises(ServerError) as throttled:
        oss2.Service(v1(sandbox), sandbox.oss).list_buckets()
    assert (throttled.value.status, throttled.value.code) == (503, "MetaOperationQpsLimitExceeded")
    assert bucket(sandbox).get_bucket_info().name == ARCHIVE


def test_list_objects_v1_iterates_with_markers(sandbox):
    keys = [o.key for o in oss2.ObjectIterator(bucket(sandbox), delimiter="/", max_keys=1)]
    assert keys == ["dir/", "exports/", "readme.txt", "unicode/"]


def test_dropped_connection_is_a_request_error(sandbox, faults):
    faults(dropRate=1.0, operations=["GetObject"])
    with pytest.raises(oss2.exceptions.RequestError):
        bucket(sandbox).get_object("readme.txt").read()


def test_truncated_body_is_detected_by_oss2(sandbox, faults):
    faults(truncateRate=1.0, operations=["GetObject"])
    with tempfile.TemporaryDirectory() as folder:
        # oss2 lets the HTTP library's error through when the body stops short.
        with pytest.raises(requests.exceptions.ChunkedEncodingError, match="IncompleteRead"):
            bucket(sandbox).get_object_to_file("readme.txt", os.path.join(folder, "x"))
