#!/usr/bin/env python3
"""Writes a starting corpus for config_files into corpus/config_files/ (git-ignored): a
profiles.json in the version-1 layout (../src/profiles_file/format.rs) and the test fixtures
for the aliyun CLI config and the credentials INI, each behind the byte that selects its
parser. Optional: the fuzzer gets there from an empty corpus too, only more slowly."""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
FIXTURES = HERE.parent / "tests" / "fixtures"
PROFILES = {"version": 1, "profiles": [
    {"name": "work", "accessKeyId": "LTAI5tAbCdEfGhIjKlMnOpQr", "region": "cn-hangzhou",
     "instanceName": "my-inst", "hasSecurityToken": False,
     "endpoints": {"tablestore": "https://my-inst.cn-hangzhou.ots.aliyuncs.com",
                   "oss": "https://oss-cn-hangzhou.aliyuncs.com", "sts": None}},
    {"name": "temp", "accessKeyId": "STS.NUgYrLnoC37mZZCNnAbez2oSJ", "region": "cn-shanghai",
     "instanceName": "other", "hasSecurityToken": True}]}
folder = HERE / "corpus" / "config_files"
folder.mkdir(parents=True, exist_ok=True)
(folder / "profiles.json").write_bytes(b"\x00" + json.dumps(PROFILES).encode())
for path in sorted((FIXTURES / "aliyun-cli").glob("*.json")):
    (folder / f"cli-{path.name}").write_bytes(b"\x01" + path.read_bytes())
for path in sorted((FIXTURES / "credentials-ini").glob("*.ini")):
    (folder / f"ini-{path.name}").write_bytes(b"\x02" + path.read_bytes())
print("seeded", folder)
