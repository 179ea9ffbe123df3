"""DeleteBucket through the official oss2 2.19.1 SDK, unmodified: `Bucket.delete_bucket()`
sends `DELETE /` on the bucket (path style against 127.0.0.1) and expects 204; a bucket that
holds objects raises oss2's `BucketNotEmpty` (409), a missing one `NoSuchBucket` (404).

Deleting changes the bucket list other tests count, so this module runs its own sandbox.
"""
import oss2
import pytest
from oss2.exceptions import BucketNotEmpty, NoSuchBucket

from sandbox_process import start_sandbox

EMPTY = "sandbox-logs-07"
ARCHIVE = "sandbox-archive"


class Endpoints:
    def __init__(self, info):
        self.__dict__.update(info)


@pytest.fixture(scope="module")
def own_sandbox():
    process, info = start_sandbox("--large-table-rows", "100")
    try:
        yield Endpoints(info)
    finally:
        process.terminate()
        process.wait(timeout=10)


def v1(sandbox):
    return oss2.Auth(sandbox.accessKeyId, sandbox.accessKeySecret)


def names(sandbox):
    return [b.name for b in oss2.BucketIterator(oss2.Service(v1(sandbox), sandbox.oss))]


def test_an_empty_bucket_is_deleted_and_gone_from_the_listing(own_sandbox):
    assert EMPTY in names(own_sandbox)
    bucket = oss2.Bucket(v1(own_sandbox), own_sandbox.oss, EMPTY)
    result = bucket.delete_bucket()
    assert result.status == 204
    assert len(result.request_id) == 24
    listed = names(own_sandbox)
    assert EMPTY not in listed
    assert "sandbox-logs-06" in listed
    with pytest.raises(NoSuchBucket) as gone:
        bucket.get_bucket_info()
    assert gone.value.details["BucketName"] == EMPTY
    with pytest.raises(NoSuchBucket) as again:
        bucket.delete_bucket()
    assert again.value.status == 404


def test_a_bucket_holding_objects_is_refused_until_it_is_emptied(own_sandbox):
    bucket = oss2.Bucket(v1(own_sandbox), own_sandbox.oss, ARCHIVE)
    with pytest.raises(BucketNotEmpty) as refused:
        bucket.delete_bucket()
    error = refused.value
    assert (error.status, error.code) == (409, "BucketNotEmpty")
    assert error.message == "The bucket you tried to delete is not empty."
    assert error.details["BucketName"] == ARCHIVE
    assert ARCHIVE in names(own_sandbox)
    keys = [o.key for o in oss2.ObjectIteratorV2(bucket)]
    assert len(keys) == 5
    for key in keys:
        bucket.delete_object(key)
    assert bucket.delete_bucket().status == 204
    assert ARCHIVE not in names(own_sandbox)


def test_a_delete_signed_with_v4_for_the_buckets_region_deletes_it(own_sandbox):
    auth = oss2.AuthV4(own_sandbox.accessKeyId, own_sandbox.accessKeySecret)
    bucket = oss2.Bucket(auth, own_sandbox.oss, "sandbox-logs-08", region=own_sandbox.region)
    assert bucket.delete_bucket().status == 204
    assert "sandbox-logs-08" not in names(own_sandbox)
