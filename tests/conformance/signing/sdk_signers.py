"""Signs request descriptions with the official Python SDKs' own signer code.

Each function takes a plain description of a request (credentials, method, path, query,
headers, the signing time, ...) and returns a JSON-ready record: the description plus what the
SDK produced (the headers or parameters it added, the Authorization value). The Rust side
(`src-tauri/crates/signing/tests/support/conformance.rs`) signs the same description with our
crate, compares byte for byte, and verifies the SDK's request with our verifier.

Clocks and nonces are pinned by patching the SDK helpers that read them; everything else runs
unmodified SDK code:

* Tablestore: `tablestore==6.4.8` `OTSProtocol._make_request_headers` with `SignV2`/`SignV4`,
  and `SignBase.make_response_signature` for responses.
* OSS: `oss2==2.19.1` `ProviderAuth` (V1) and `ProviderAuthV4` (V4) `_sign_request`.
* OpenAPI V3: `alibabacloud-tea-openapi==0.4.6` `Utils.get_authorization`, headers composed as
  `Client.do_request` composes them (checked end to end in gen_fixtures.py).
* RPC HMAC-SHA1: Tea's `Utils.get_rpcsignature` and `aliyun-python-sdk-core==2.16.0`
  `rpc_signature_composer.get_signed_url`.
"""

import base64
import datetime
import email.utils
import hashlib
import logging
from contextlib import ExitStack
from unittest import mock
from urllib.parse import parse_qsl, urlencode, urlsplit

import aliyunsdkcore.auth.composer.rpc_signature_composer as core_rpc
import aliyunsdkcore.utils.parameter_helper as core_helper
import oss2
import oss2.auth
import oss2.http
import oss2.utils
import tablestore.auth as ots_auth
import tablestore.utils as ots_utils
from alibabacloud_tea_openapi.utils import Utils as TeaUtils
from darabonba.request import DaraRequest
from oss2.credentials import StaticCredentialsProvider
from tablestore.credentials import Credentials as OtsCredentials
from tablestore.protocol import OTSProtocol


def iso_seconds(now):
    return now.strftime("%Y-%m-%dT%H:%M:%SZ")


def _pairs(mapping):
    return [[k, v] for k, v in mapping.items()]


def _creds(case):
    return {"ak": case["ak"], "secret": case["secret"], "token": case.get("token")}


# ----------------------------------------------------------------------------- Tablestore

_OTS_PROTOCOL = OTSProtocol("placeholder", "utf-8", logging.getLogger("sdk_signers"))


def _ots_signer(case):
    if case["version"] == "v2":
        return ots_auth.SignV2("utf-8")
    return ots_auth.SignV4("utf-8", region=case["region"], sign_date=case["sign_date"])


def ots_request(case):
    """case: ak, secret, token, instance, path, query (pairs), body_hex, extra_headers (pairs),
    now (aware datetime), version ('v2'|'v4'), region, sign_date (YYYYMMDD)."""
    signer = _ots_signer(case)
    ctx = ots_auth.RequestContext(OtsCredentials(case["ak"], case["secret"], case.get("token")))
    _OTS_PROTOCOL.instance_name = case["instance"]
    _OTS_PROTOCOL.extra_headers = dict(case["extra_headers"])
    query = case["path"]
    if case["query"]:
        query += "?" + urlencode([tuple(p) for p in case["query"]])
    body = bytes.fromhex(case["body_hex"])
    with mock.patch.object(ots_utils, "get_now_utc_datetime", return_value=case["now"]):
        headers = _OTS_PROTOCOL._make_request_headers(body, query, signer, ctx)

    signer_owned = (
        ["x-ots-signature"]
        if case["version"] == "v2"
        else ["x-ots-signdate", "x-ots-signregion", "x-ots-signaturev4"]
    )
    record = {
        "scheme": "ots_request",
        **_creds(case),
        "version": case["version"],
        "region": case.get("region"),
        "sign_date": case.get("sign_date"),
        "method": "POST",
        "path": case["path"],
        "query": case["query"],
        "now": case["now"].strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "instance": case["instance"],
        "content_md5": base64.b64encode(hashlib.md5(body).digest()).decode(),
        "headers": [[k, v] for k, v in headers.items() if k not in signer_owned],
        "expected_added": [[k, headers[k]] for k in signer_owned],
    }
    return record


def ots_response(case):
    """case: as ots_request plus response_headers (pairs, lower-case names as urllib3 gives)."""
    signer = _ots_signer(case)
    ctx = ots_auth.RequestContext(
        OtsCredentials(case["ak"], case["secret"], case.get("token")),
        sign_date=case.get("sign_date"),
    )
    headers = dict(case["response_headers"])
    signature = signer.make_response_signature(case["path"], headers, signer.get_signing_key(ctx))
    return {
        "scheme": "ots_response",
        **_creds(case),
        "version": case["version"],
        "region": case.get("region"),
        "sign_date": case.get("sign_date"),
        "path": case["path"],
        "now": case["now"].strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "response_headers": case["response_headers"],
        "expected_authorization": "OTS %s:%s" % (case["ak"], signature),
    }


# ----------------------------------------------------------------------------- OSS


class _PinnedDatetime(datetime.datetime):
    pinned = None

    @classmethod
    def utcnow(cls):
        return cls.pinned


def oss(case):
    """case: ak, secret, token, version ('v1'|'v4'), region, method, bucket (str|None), key,
    query (pairs, unique names), headers (pairs, unique names), additional (list|None), now."""
    provider = StaticCredentialsProvider(case["ak"], case["secret"], case.get("token") or "")
    if case["version"] == "v1":
        auth = oss2.ProviderAuth(provider)
    else:
        auth = oss2.ProviderAuthV4(provider)
    req = oss2.http.Request(
        case["method"],
        "http://127.0.0.1/",
        params=dict(case["query"]),
        headers=dict(case["headers"]),
        region=case.get("region"),
        product="oss",
    )
    before = {k: v for k, v in req.headers.items() if v is not None}
    now = case["now"]
    _PinnedDatetime.pinned = now.replace(tzinfo=None)
    with ExitStack() as stack:
        stack.enter_context(
            mock.patch.object(
                oss2.utils, "http_date", return_value=email.utils.formatdate(now.timestamp(), usegmt=True)
            )
        )
        stack.enter_context(mock.patch.object(oss2.auth, "datetime", _PinnedDatetime))
        if case["version"] == "v1":
            auth._sign_request(req, case["bucket"] or "", case["key"])
        else:
            auth._sign_request(req, case["bucket"] or "", case["key"], in_additional_headers=case.get("additional"))
    after = {k.lower(): v for k, v in req.headers.items() if v is not None}
    lowered_before = {k.lower(): v for k, v in before.items()}
    added = [[k, v] for k, v in after.items() if lowered_before.get(k) != v]
    return {
        "scheme": "oss_" + case["version"],
        **_creds(case),
        "region": case.get("region"),
        "method": case["method"],
        "bucket": case["bucket"],
        "key": case["key"],
        "query": case["query"],
        "headers": _pairs(before),
        "additional": case.get("additional") or [],
        "now": iso_seconds(now),
        "expected_added": added,
    }


# ----------------------------------------------------------------------------- OpenAPI V3


def acs3(case):
    """case: ak, secret, token, method, path (encoded), query (pairs, unique names),
    headers (pairs: host, x-acs-action, ...), body_hex, now, nonce."""
    body = bytes.fromhex(case["body_hex"])
    request = DaraRequest()
    request.method = case["method"]
    request.pathname = case["path"]
    request.query = dict(case["query"])
    headers = dict(case["headers"])
    # The same steps, in the same order, as Client.do_request.
    headers["x-acs-date"] = iso_seconds(case["now"])
    headers["x-acs-signature-nonce"] = case["nonce"]
    payload = TeaUtils.hash(body, "ACS3-HMAC-SHA256").hex()
    headers["x-acs-content-sha256"] = payload
    added = [
        ["x-acs-date", headers["x-acs-date"]],
        ["x-acs-signature-nonce", case["nonce"]],
        ["x-acs-content-sha256", payload],
    ]
    if case.get("token"):
        headers["x-acs-accesskey-id"] = case["ak"]
        headers["x-acs-security-token"] = case["token"]
        added += [["x-acs-accesskey-id", case["ak"]], ["x-acs-security-token", case["token"]]]
    request.headers = headers
    authorization = TeaUtils.get_authorization(request, "ACS3-HMAC-SHA256", payload, case["ak"], case["secret"])
    added.append(["authorization", authorization])
    return {
        "scheme": "acs3",
        **_creds(case),
        "method": case["method"],
        "path": case["path"],
        "query": case["query"],
        "headers": case["headers"],
        "body_hex": case["body_hex"],
        "now": iso_seconds(case["now"]),
        "nonce": case["nonce"],
        "expected_added": added,
    }


# ----------------------------------------------------------------------------- RPC HMAC-SHA1


def rpc_tea(case):
    """case: ak, secret, token, method, params (pairs, unique names), now, nonce."""
    params = dict(case["params"])
    # Client.do_rpcrequest's additions, then the credential parameters.
    params["Timestamp"] = iso_seconds(case["now"])
    params["SignatureNonce"] = case["nonce"]
    if case.get("token"):
        params["SecurityToken"] = case["token"]
    params["SignatureMethod"] = "HMAC-SHA1"
    params["SignatureVersion"] = "1.0"
    params["AccessKeyId"] = case["ak"]
    params["Signature"] = TeaUtils.get_rpcsignature(params, case["method"], case["secret"])
    return {
        "scheme": "rpc",
        "oracle": "alibabacloud-tea-openapi",
        **_creds(case),
        "method": case["method"],
        "params": case["params"],
        "form_params": [],
        "now": iso_seconds(case["now"]),
        "nonce": case["nonce"],
        "expected_params": _pairs(params),
    }


def rpc_core(case):
    """case: ak, secret, method, params (pairs), form_params (pairs), now, nonce.

    aliyun-python-sdk-core adds SignatureType="" and Format itself; they are passed in the
    base parameters so our signer (which leaves them to the caller) sees the same set. STS
    tokens reach this signer as an ordinary `SecurityToken` parameter."""
    with ExitStack() as stack:
        stack.enter_context(mock.patch.object(core_helper, "get_iso_8061_date", return_value=iso_seconds(case["now"])))
        stack.enter_context(mock.patch.object(core_helper, "get_uuid", return_value=case["nonce"]))
        url, _ = core_rpc.get_signed_url(
            dict(case["params"]), case["ak"], case["secret"], "JSON", case["method"], dict(case["form_params"])
        )
    signed = parse_qsl(urlsplit(url).query, keep_blank_values=True)
    base = dict(case["params"])
    base["SignatureType"] = ""
    base["Format"] = "JSON"
    return {
        "scheme": "rpc",
        "oracle": "aliyun-python-sdk-core",
        **_creds(case),
        "token": None,
        "method": case["method"],
        "params": _pairs(base),
        "form_params": case["form_params"],
        "now": iso_seconds(case["now"]),
        "nonce": case["nonce"],
        "expected_params": [[k, v] for k, v in signed] + case["form_params"],
    }
