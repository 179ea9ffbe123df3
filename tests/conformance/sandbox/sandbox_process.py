"""Starts the sandbox binary (SANDBOX_BIN, built by check.sh) and reads the JSON line it prints
with its endpoints and demo keys. Shared by the session fixture and tests that run their own."""
import json
import os
import subprocess


def start_sandbox(*args):
    """Returns the running process and its endpoints; raises with the binary's stderr if it
    exits before printing them."""
    process = subprocess.Popen(
        [os.environ["SANDBOX_BIN"], "--json", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline()
    if not line:
        raise RuntimeError("sandbox did not start: " + process.stderr.read())
    return process, json.loads(line)
