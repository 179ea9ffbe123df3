"""Generates random requests, signs each with the official Python SDK, writes JSONL.

Usage: gen_random.py --seed N --count C --out FILE

For every scheme (Tablestore request V2/V4 and response, OSS V1/V4, OpenAPI ACS3, RPC
HMAC-SHA1 via Tea and via aliyun-python-sdk-core) it writes C records. The Rust example
`conformance_check` signs the same inputs with the `signing` crate, requires byte-for-byte
equality, and verifies the SDK-signed request with the crate's verifier.

Inputs vary: methods, paths, unicode object keys and query values, sub-resources, header
names in mixed case with padded values, STS tokens, dates from 2001 to 2037.
"""

import argparse
import datetime
import json
import random
import string
import sys

import sdk_signers

ASCII_PRINTABLE = string.ascii_letters + string.digits + " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
UNICODE_EXTRA = "éüßñ中文日本語한국🙂€\u00a0"
TOKEN_CHARS = string.ascii_letters + string.digits + "+/=-_."
NAME_CHARS = string.ascii_letters + string.digits + "-"


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def chance(self, p):
        return self.rng.random() < p

    def pick(self, seq):
        return self.rng.choice(seq)

    def text(self, lo, hi, alphabet=ASCII_PRINTABLE, unicode_p=0.3):
        pool = alphabet + (UNICODE_EXTRA if self.chance(unicode_p) else "")
        return "".join(self.rng.choice(pool) for _ in range(self.rng.randint(lo, hi)))

    def padded(self, value):
        """Surrounding white space: the Tablestore and ACS3 signers trim it, OSS keeps it."""
        left = self.pick(["", "", " ", "\t", "  "])
        right = self.pick(["", "", " ", "\t "])
        return left + value + right

    def ak(self):
        prefix = self.pick(["LTAI", "STS.", ""])
        return prefix + self.text(6, 28, string.ascii_letters + string.digits + "._-", 0)

    def secret(self):
        return self.text(1, 40, string.ascii_letters + string.digits + "!#$%&*+-./:;=?@^_~", 0.1).strip() or "s"

    def token(self, p=0.4):
        return self.text(16, 200, TOKEN_CHARS, 0) if self.chance(p) else None

    def now(self):
        start = datetime.datetime(2001, 1, 1, tzinfo=datetime.timezone.utc)
        seconds = self.rng.randint(0, 36 * 365 * 86400)
        return start + datetime.timedelta(seconds=seconds, microseconds=self.rng.randint(0, 999999))

    def header_name(self, prefix=""):
        return prefix + self.text(1, 14, NAME_CHARS, 0).strip("-") or prefix + "x"

    def unique_pairs(self, make, count, taken=()):
        seen = {t.lower() for t in taken}
        pairs = []
        for _ in range(count):
            name, value = make()
            if name.lower() in seen or not name:
                continue
            seen.add(name.lower())
            pairs.append([name, value])
        return pairs

    def nonce(self):
        return "%032x" % self.rng.getrandbits(128)


# --------------------------------------------------------------------------------- cases

OTS_OWNED = [
    "x-ots-date", "x-ots-apiversion", "x-ots-accesskeyid", "x-ots-instancename",
    "x-ots-contentmd5", "x-ots-ststoken", "x-ots-signature", "x-ots-signaturev4",
    "x-ots-signdate", "x-ots-signregion", "user-agent",
]
OTS_OPERATIONS = ["ListTable", "GetRange", "PutRow", "DescribeTable", "CreateDeliveryTask", "BatchWriteRow"]
REGIONS = ["cn-hangzhou", "cn-shanghai", "ap-southeast-1", "us-west-1", "eu-central-1", "cn-beijing"]


def ots_case(g, version):
    now = g.now()
    query = []
    if g.chance(0.4):
        query = g.unique_pairs(lambda: (g.text(1, 8, string.ascii_letters, 0.2), g.pick(["", g.text(0, 12)])), 4)

    def extra():
        if g.chance(0.7):
            # The Python SDK checks the `x-ots-` prefix case-sensitively, so keep it lower-case.
            name = g.header_name("x-ots-")
        else:
            name = g.header_name(g.pick(["X-Custom-", "content-", "x-acs-", ""]))
        return name, g.padded(g.text(0, 30))

    case = {
        "ak": g.ak(),
        "secret": g.secret(),
        "token": g.token(),
        "instance": g.text(1, 20, string.ascii_letters + string.digits + "-", 0),
        # No leading `//`: `urlparse` would read the rest as a host; operation names never do.
        "path": "/" + g.pick(OTS_OPERATIONS + [g.text(1, 20, string.ascii_letters + string.digits + "_-/", 0).lstrip("/") or "Op"]),
        "query": query,
        "body_hex": bytes(g.rng.getrandbits(8) for _ in range(g.rng.randint(0, 64))).hex(),
        "extra_headers": g.unique_pairs(extra, g.rng.randint(0, 5), OTS_OWNED),
        "now": now,
        "version": version,
    }
    if version == "v4":
        case["region"] = g.pick(REGIONS)
        sign_day = now + datetime.timedelta(days=g.pick([0, 0, 0, -1, 1]))
        case["sign_date"] = sign_day.strftime("%Y%m%d")
    return case


def ots_response_case(g, version):
    case = ots_case(g, version)
    now = case["now"]
    server = now + datetime.timedelta(seconds=g.rng.randint(-600, 600))

    def extra():
        name = g.header_name("x-ots-") if g.chance(0.6) else g.header_name(g.pick(["content-", "x-", ""]))
        return name.lower(), g.padded(g.text(0, 30))

    base = [
        ["x-ots-date", server.strftime("%Y-%m-%dT%H:%M:%S.%fZ")],
        ["x-ots-requestid", g.nonce()],
        ["x-ots-contentmd5", g.text(24, 24, TOKEN_CHARS, 0)],
        ["x-ots-contenttype", "protocol buffer"],
    ]
    taken = [k for k, _ in base] + ["authorization"]
    case["response_headers"] = base + g.unique_pairs(extra, g.rng.randint(0, 5), taken)
    g.rng.shuffle(case["response_headers"])
    return case


SUBRESOURCES = sorted(sdk_signers.oss2.auth.ProviderAuth._subresource_key_set)
OSS_LIST_PARAMS = ["prefix", "marker", "max-keys", "delimiter", "list-type", "start-after", "fetch-owner", "encoding-type"]
OSS_OWNED = ["date", "authorization", "x-oss-security-token", "x-oss-content-sha256", "x-oss-date"]
MIME = ["text/plain", "application/octet-stream", "application/xml", "image/png", "text/plain; charset=utf-8"]


def oss_case(g, version):
    kind = g.pick(["service", "bucket", "object", "object", "object"])
    bucket = None if kind == "service" else (
        g.pick(string.ascii_lowercase) + g.text(1, 30, string.ascii_lowercase + string.digits + "-", 0) + "b")
    key = ""
    if kind == "object":
        key = g.text(1, 60, string.ascii_letters + string.digits + " /+%?#=&~*!'()-_.", 0.5)

    def param():
        roll = g.rng.random()
        if roll < 0.45:
            name = g.pick(SUBRESOURCES)
        elif roll < 0.75:
            name = g.pick(OSS_LIST_PARAMS)
        else:
            name = g.text(1, 10, string.ascii_letters + "-_.~ /", 0.3)
        return name, g.pick(["", g.text(0, 20, unicode_p=0.4)])

    def header():
        roll = g.rng.random()
        if roll < 0.4:
            name = g.header_name(g.pick(["x-oss-meta-", "X-Oss-Meta-", "x-oss-"]))
        elif roll < 0.6:
            name = g.pick(["Content-Type", "content-md5", "Range", "Host", "If-Modified-Since", "Cache-Control"])
        else:
            name = g.header_name(g.pick(["X-", "x-custom-", ""]))
        if name.lower() == "content-type":
            value = g.pick(MIME)
        else:
            value = g.text(0, 30, unicode_p=0.3 if name.lower().startswith("x-oss-meta-") else 0.0)
        return name, value

    headers = g.unique_pairs(header, g.rng.randint(0, 6), OSS_OWNED + ["accept-encoding", "user-agent"])
    headers.append(["User-Agent", "aliyun-sdk-python/2.19.1"])
    now = g.now().replace(microsecond=0)
    if version == "v1" and g.chance(0.15):
        headers.append(["x-oss-date", sdk_signers.email.utils.formatdate(now.timestamp(), usegmt=True)])
    case = {
        "ak": g.ak(),
        "secret": g.secret(),
        "token": g.token(),
        "version": version,
        "method": g.pick(["GET", "PUT", "POST", "DELETE", "HEAD"]),
        "bucket": bucket,
        "key": key,
        "query": g.unique_pairs(param, g.rng.randint(0, 6)),
        "headers": headers,
        "now": now,
    }
    if version == "v4":
        case["region"] = g.pick(REGIONS)
        candidates = sorted({
            k.lower() for k, _ in headers
            if not k.lower().startswith("x-oss-") and k.lower() not in ("content-type", "content-md5")
        })
        if candidates and g.chance(0.5):
            chosen = sorted(g.rng.sample(candidates, g.rng.randint(1, len(candidates))))
            case["additional"] = chosen
    return case


ACS_OWNED = ["x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256", "x-acs-accesskey-id",
             "x-acs-security-token", "authorization"]


def acs3_case(g):
    rpc_style = g.chance(0.4)
    if rpc_style:
        path = "/"
    else:
        segments = [g.text(1, 12, string.ascii_letters + string.digits + " -_.~:@", 0.3) for _ in range(g.rng.randint(1, 4))]
        path = sdk_signers.TeaUtils.get_encode_path("/" + "/".join(segments))
    headers = [
        ["host", g.pick(["sts.aliyuncs.com", "tablestore.cn-hangzhou.aliyuncs.com", "127.0.0.1:%d" % g.rng.randint(1024, 65535)])],
        ["x-acs-version", g.pick(["2015-04-01", "2020-12-09", "2020-03-31"])],
        ["x-acs-action", g.text(3, 20, string.ascii_letters, 0)],
        ["user-agent", "AlibabaCloud (Linux; x86_64) Python/3.11.7 Core/0.4.3 TeaDSL/2"],
        ["accept", "application/json"],
    ]
    if g.chance(0.5):
        headers.append(["x-acs-credentials-provider", g.pick(["static_ak", "static_sts"])])
    if g.chance(0.3):
        headers.append(["content-type", g.pick(["application/json; charset=utf-8", "application/x-www-form-urlencoded"])])

    def extra():
        name = g.header_name(g.pick(["x-acs-", "X-Acs-", "x-custom-", "X-"]))
        return name, g.padded(g.text(0, 24, unicode_p=0.2))

    headers += g.unique_pairs(extra, g.rng.randint(0, 4), [k for k, _ in headers] + ACS_OWNED)
    if g.chance(0.15):
        # A header repeated under another case: the SDK groups, sorts and joins the values.
        # (A dict holds one value per exact name, so the second spelling must differ.)
        name = g.pick(headers)[0].swapcase()
        if name not in [k for k, _ in headers]:
            headers.append([name, g.padded(g.text(1, 10, unicode_p=0))])
    query = g.unique_pairs(
        lambda: (g.text(1, 12, string.ascii_letters + string.digits + "._-", 0), g.pick(["", g.text(0, 30, unicode_p=0.4)])),
        g.rng.randint(0, 5),
    )
    return {
        "ak": g.ak(),
        "secret": g.secret(),
        "token": g.token(),
        "method": g.pick(["GET", "POST", "PUT", "DELETE"]),
        "path": path,
        "query": query,
        "headers": headers,
        "body_hex": bytes(g.rng.getrandbits(8) for _ in range(g.pick([0, 0, g.rng.randint(1, 80)]))).hex(),
        "now": g.now().replace(microsecond=0),
        "nonce": g.nonce(),
    }


RPC_OWNED = ["Timestamp", "SignatureNonce", "SecurityToken", "SignatureMethod", "SignatureVersion",
             "AccessKeyId", "Signature", "SignatureType", "Format"]


def rpc_params(g, count, taken):
    return g.unique_pairs(
        lambda: (g.text(1, 14, string.ascii_letters + string.digits + "._-~ *", 0.2), g.pick(["", g.text(0, 30, unicode_p=0.4)])),
        count,
        taken,
    )


def rpc_tea_case(g):
    base = [["Action", g.text(3, 20, string.ascii_letters, 0)], ["Version", "2015-04-01"], ["Format", "json"]]
    return {
        "ak": g.ak(),
        "secret": g.secret(),
        "token": g.token(),
        "method": g.pick(["GET", "POST"]),
        "params": base + rpc_params(g, g.rng.randint(0, 6), RPC_OWNED + ["Action", "Version"]),
        "now": g.now().replace(microsecond=0),
        "nonce": g.nonce(),
    }


def rpc_core_case(g):
    base = [["Action", g.text(3, 20, string.ascii_letters, 0)], ["Version", "2015-04-01"]]
    params = base + rpc_params(g, g.rng.randint(0, 5), RPC_OWNED + ["Action", "Version"])
    form = rpc_params(g, g.rng.randint(0, 3), RPC_OWNED + [k for k, _ in params])
    return {
        "ak": g.ak(),
        "secret": g.secret(),
        "method": g.pick(["GET", "POST"]),
        "params": params,
        "form_params": form,
        "now": g.now().replace(microsecond=0),
        "nonce": g.nonce(),
    }


GENERATORS = [
    ("ots_v2", lambda g: sdk_signers.ots_request(ots_case(g, "v2"))),
    ("ots_v4", lambda g: sdk_signers.ots_request(ots_case(g, "v4"))),
    ("ots_response_v2", lambda g: sdk_signers.ots_response(ots_response_case(g, "v2"))),
    ("ots_response_v4", lambda g: sdk_signers.ots_response(ots_response_case(g, "v4"))),
    ("oss_v1", lambda g: sdk_signers.oss(oss_case(g, "v1"))),
    ("oss_v4", lambda g: sdk_signers.oss(oss_case(g, "v4"))),
    ("acs3", lambda g: sdk_signers.acs3(acs3_case(g))),
    ("rpc_tea", lambda g: sdk_signers.rpc_tea(rpc_tea_case(g))),
    ("rpc_core", lambda g: sdk_signers.rpc_core(rpc_core_case(g))),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    g = Gen(args.seed)
    with open(args.out, "w", encoding="utf-8") as out:
        for label, make in GENERATORS:
            for i in range(args.count):
                record = make(g)
                record["name"] = "%s #%d (seed %d)" % (label, i, args.seed)
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print("wrote %d records per scheme, %d schemes, to %s" % (args.count, len(GENERATORS), args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
