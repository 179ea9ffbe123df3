import { describe, expect, it } from "vitest";

import {
  checkAccessKeyId,
  checkAccessKeySecret,
  checkEndpoint,
  checkInstanceName,
  checkProfileName,
  checkRegion,
  checkSecurityToken,
} from "./validation";

const keyOf = (problem: { key: string } | null) => problem?.key ?? null;

describe("profile name", () => {
  it("accepts letters, digits, '-', '_' and '.' up to 64, starting with a letter or digit", () => {
    for (const name of ["prod", "9lives", "team-a_b.c", "a".repeat(64), "  padded  "]) {
      expect(checkProfileName(name), name).toBeNull();
    }
  });

  it("names the rule each bad name breaks", () => {
    expect(keyOf(checkProfileName(""))).toBe("nameEmpty");
    expect(checkProfileName("a".repeat(65))).toEqual({ key: "nameTooLong", params: { count: 65, max: 64 } });
    expect(checkProfileName("my prod")).toEqual({ key: "nameBadChar", params: { char: "␠", position: 3 } });
    expect(checkProfileName("生产")).toEqual({ key: "nameBadChar", params: { char: "生", position: 1 } });
    expect(checkProfileName("-prod")).toEqual({ key: "nameBadStart", params: { char: "-" } });
    expect(keyOf(checkProfileName("SandBox"))).toBe("nameReserved");
  });
});

describe("AccessKey ID", () => {
  it("accepts long-term ids of 16 to 30 characters and temporary ids", () => {
    for (const id of ["LTAI5tAbCdEfGhIjKlMnOpQr", "LTAIabcdefgh1234", "ltaiabcdefgh1234", "STS.NUgYrLnoC37mZZCNnAbez1234"]) {
      expect(checkAccessKeyId(id), id).toBeNull();
    }
  });

  it("rejects each wrong shape with its reason", () => {
    expect(keyOf(checkAccessKeyId(" "))).toBe("idEmpty");
    expect(keyOf(checkAccessKeyId("AKIAIOSFODNN7EXAMPLE"))).toBe("idPrefix");
    expect(keyOf(checkAccessKeyId("sts.NUgYrLnoC37mZZCN"))).toBe("idPrefix");
    expect(checkAccessKeyId("LTAI5tAbCd")).toEqual({ key: "idLongTermLength", params: { count: 10 } });
    expect(keyOf(checkAccessKeyId("LTAI5tAbCd-fGhIjKlMnOpQr"))).toBe("idLongTermChars");
    expect(checkAccessKeyId("STS.short")).toEqual({ key: "idTemporaryLength", params: { count: 5 } });
    expect(keyOf(checkAccessKeyId("STS.NUgYrLno_37mZZCN"))).toBe("idTemporaryChars");
  });
});

describe("AccessKey secret and STS token", () => {
  it("requires a secret when creating and keeps the stored one when editing", () => {
    expect(keyOf(checkAccessKeySecret("", true))).toBe("secretEmpty");
    expect(checkAccessKeySecret("", false)).toBeNull();
    expect(checkAccessKeySecret(" abcDEF123+/=\n", true)).toBeNull();
  });

  it("rejects inner spaces, non-ASCII and over-long secrets", () => {
    expect(keyOf(checkAccessKeySecret("abc def", true))).toBe("secretWhitespace");
    expect(keyOf(checkAccessKeySecret("abcé", true))).toBe("secretChars");
    expect(keyOf(checkAccessKeySecret("x".repeat(129), true))).toBe("secretTooLong");
  });

  it("needs a token with a temporary key unless one is stored", () => {
    expect(keyOf(checkSecurityToken("", { temporaryKey: true, tokenStored: false }))).toBe("tokenRequired");
    expect(checkSecurityToken("", { temporaryKey: true, tokenStored: true })).toBeNull();
    expect(checkSecurityToken("", { temporaryKey: false, tokenStored: false })).toBeNull();
    expect(checkSecurityToken("CAIS+a/b=\n", { temporaryKey: true, tokenStored: false })).toBeNull();
    expect(keyOf(checkSecurityToken("CAIS\nmore", { temporaryKey: false, tokenStored: false }))).toBe("tokenWhitespace");
    expect(keyOf(checkSecurityToken("CAIS中", { temporaryKey: false, tokenStored: false }))).toBe("tokenChars");
    expect(keyOf(checkSecurityToken("x".repeat(16 * 1024 + 1), { temporaryKey: false, tokenStored: false }))).toBe(
      "tokenTooLong",
    );
  });
});

describe("region", () => {
  it("accepts ids shaped like the console's", () => {
    for (const region of ["cn-hangzhou", "ap-southeast-1", "cn-shanghai-finance-1", "xx-newplace"]) {
      expect(checkRegion(region), region).toBeNull();
    }
  });

  it("rejects each wrong shape", () => {
    expect(keyOf(checkRegion(""))).toBe("regionEmpty");
    expect(keyOf(checkRegion(`cn-${"a".repeat(40)}`))).toBe("regionTooLong");
    expect(keyOf(checkRegion("CN-Hangzhou"))).toBe("regionUppercase");
    expect(keyOf(checkRegion("c-hangzhou"))).toBe("regionStart");
    expect(keyOf(checkRegion("1n-hangzhou"))).toBe("regionStart");
    expect(keyOf(checkRegion("cn--hangzhou"))).toBe("regionSegments");
    expect(keyOf(checkRegion("cn-hang_zhou"))).toBe("regionSegments");
    expect(keyOf(checkRegion("cn-"))).toBe("regionSegments");
    expect(keyOf(checkRegion("hangzhou"))).toBe("regionParts");
  });
});

describe("instance name", () => {
  it("accepts 3 to 16 letters, digits and hyphens starting with a letter", () => {
    for (const name of ["abc", "my-instance-01", "A1234567890bcdef"]) {
      expect(checkInstanceName(name), name).toBeNull();
    }
  });

  it("rejects each broken rule", () => {
    expect(checkInstanceName("ab")).toEqual({ key: "instanceLength", params: { count: 2 } });
    expect(checkInstanceName("a".repeat(17))).toEqual({ key: "instanceLength", params: { count: 17 } });
    expect(checkInstanceName("my_inst")).toEqual({ key: "instanceBadChar", params: { char: "_", position: 3 } });
    expect(keyOf(checkInstanceName("1abc"))).toBe("instanceStart");
    expect(keyOf(checkInstanceName("abc-"))).toBe("instanceEnd");
  });
});

describe("custom endpoint", () => {
  it("accepts empty, https hosts with ports, and http only to this computer", () => {
    for (const url of [
      "",
      "https://my-inst.cn-hangzhou.vpc.tablestore.aliyuncs.com",
      "https://oss-cn-hangzhou-internal.aliyuncs.com/",
      "HTTPS://Example.COM:8443",
      "http://127.0.0.1:4100",
      "http://localhost:9000",
      "http://[::1]:8080",
      "https://[2001:db8::1]",
    ]) {
      expect(checkEndpoint(url), url).toBeNull();
    }
  });

  it("rejects what Rust rejects", () => {
    expect(keyOf(checkEndpoint("example.com"))).toBe("endpointScheme");
    expect(keyOf(checkEndpoint("ftp://example.com"))).toBe("endpointScheme");
    expect(keyOf(checkEndpoint("https://example.com/v1"))).toBe("endpointPath");
    expect(keyOf(checkEndpoint("https://example.com?x=1"))).toBe("endpointPath");
    expect(keyOf(checkEndpoint("https://user:pw@example.com"))).toBe("endpointUserInfo");
    expect(keyOf(checkEndpoint("https://[nothex]:80"))).toBe("endpointIpv6");
    expect(keyOf(checkEndpoint("https://example.com:0"))).toBe("endpointPort");
    expect(keyOf(checkEndpoint("https://example.com:70000"))).toBe("endpointPort");
    expect(keyOf(checkEndpoint("https://"))).toBe("endpointNoHost");
    expect(keyOf(checkEndpoint("https://bad_host.com"))).toBe("endpointHost");
    expect(keyOf(checkEndpoint("https://-bad.com"))).toBe("endpointHost");
    expect(checkEndpoint("http://10.0.0.5:4100")).toEqual({ key: "endpointInsecure", params: { host: "10.0.0.5" } });
    expect(keyOf(checkEndpoint("http://evil.localhost:4100"))).toBe("endpointInsecure");
    expect(keyOf(checkEndpoint("http://example.com"))).toBe("endpointInsecure");
  });
});
