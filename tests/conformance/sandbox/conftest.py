"""Starts one sandbox binary for the whole pytest session and hands its endpoints to tests.

The binary path comes from SANDBOX_BIN (check.sh builds it). Tests that change the sandbox's
misbehaviour switches must use the `faults` fixture, which resets them afterwards.
"""
import json
import os
import urllib.request

import pytest

from sandbox_process import start_sandbox


class Sandbox:
    def __init__(self, info, process):
        self.info = info
        self.process = process

    def __getattr__(self, name):
        try:
            return self.info[name]
        except KeyError as missing:
            raise AttributeError(name) from missing

    def admin(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.info["admin"] + path, data=data, method=method)
        if data is not None:
            request.add_header("content-type", "application/json")
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read().decode()
            return json.loads(text) if text and text[0] in "{[" else text


@pytest.fixture(scope="session")
def sandbox():
    rows = os.environ.get("SANDBOX_LARGE_TABLE_ROWS", "200000")
    process, info = start_sandbox("--large-table-rows", rows)
    yield Sandbox(info, process)
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def faults(sandbox):
    """Sets misbehaviour switches for one test: faults(busyRate=1.0, operations=["ListTable"])."""

    def apply(**settings):
        return sandbox.admin("PUT", "/faults", settings)

    yield apply
    sandbox.admin("PUT", "/faults", {})
