"""Misbehaviour switched on from the start (`--faults`, the JSON the admin endpoint takes),
seen by the official `tablestore` SDK: only the named operation misbehaves. A malformed value
stops the binary with a usage error that says what is wrong."""
import json
import os
import subprocess

import pytest
from tablestore import OTSClient, OTSServiceError
from tablestore.retry import NoRetryPolicy

from sandbox_process import start_sandbox


def test_faults_given_at_start_apply_to_the_named_operation_only():
    process, info = start_sandbox(
        "--large-table-rows", "100", "--faults", json.dumps({"busyRate": 1.0, "operations": ["ListTable"]})
    )
    try:
        ots = OTSClient(
            info["tablestore"],
            info["accessKeyId"],
            info["accessKeySecret"],
            info["instance"],
            retry_policy=NoRetryPolicy(),
        )
        with pytest.raises(OTSServiceError) as busy:
            ots.list_table()
        assert busy.value.get_error_code() == "OTSServerBusy"
        assert busy.value.get_http_status() == 503
        # Another operation is untouched.
        described = ots.describe_table("orders")
        assert described.table_meta.table_name == "orders"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_malformed_faults_stop_the_binary_with_a_usage_error():
    finished = subprocess.run(
        [os.environ["SANDBOX_BIN"], "--json", "--faults", '{"busyRate": "often"}'],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert finished.returncode == 2
    assert finished.stdout == ""
    assert "not valid fault settings" in finished.stderr
