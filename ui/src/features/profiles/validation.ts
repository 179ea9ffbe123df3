// The profile form's field rules, mirroring the Rust `profiles` crate (name.rs, region.rs,
// instance_name.rs, credential_fields.rs, endpoint.rs) so the form can say what is wrong while
// the user types. Rust stays the authority: it checks everything again on submit.
// Each problem is a catalogue key under `validation.` plus its placeholders.

export type ValidationKey =
  | "nameEmpty"
  | "nameTooLong"
  | "nameBadChar"
  | "nameBadStart"
  | "nameReserved"
  | "idEmpty"
  | "idPrefix"
  | "idLongTermChars"
  | "idLongTermLength"
  | "idTemporaryChars"
  | "idTemporaryLength"
  | "secretEmpty"
  | "secretTooLong"
  | "secretWhitespace"
  | "secretChars"
  | "tokenRequired"
  | "tokenTooLong"
  | "tokenWhitespace"
  | "tokenChars"
  | "regionEmpty"
  | "regionTooLong"
  | "regionUppercase"
  | "regionStart"
  | "regionSegments"
  | "regionParts"
  | "instanceLength"
  | "instanceBadChar"
  | "instanceStart"
  | "instanceEnd"
  | "endpointScheme"
  | "endpointPath"
  | "endpointUserInfo"
  | "endpointIpv6"
  | "endpointPort"
  | "endpointNoHost"
  | "endpointHostTooLong"
  | "endpointHost"
  | "endpointInsecure";

export interface Problem {
  key: ValidationKey;
  params?: Record<string, string | number>;
}

type Check = Problem | null;

const SANDBOX_PROFILE_NAME = "sandbox";
const NAME_MAX = 64;
const ALNUM = /^[A-Za-z0-9]$/;
const ALNUM_ONLY = /^[A-Za-z0-9]*$/;
const SECRET_MAX = 128;
const TOKEN_MAX = 16 * 1024;
const REGION_MAX = 40;

/** A profile name: 1–64 letters, digits, `-`, `_`, `.`, starting with a letter or digit. */
export function checkProfileName(value: string): Check {
  const name = value.trim();
  if (name === "") return { key: "nameEmpty" };
  const chars = Array.from(name);
  if (chars.length > NAME_MAX) return { key: "nameTooLong", params: { count: chars.length, max: NAME_MAX } };
  for (const [index, c] of chars.entries()) {
    if (!ALNUM.test(c) && c !== "-" && c !== "_" && c !== ".") {
      return { key: "nameBadChar", params: { char: describeChar(c), position: index + 1 } };
    }
    if (index === 0 && !ALNUM.test(c)) return { key: "nameBadStart", params: { char: c } };
  }
  if (name.toLowerCase() === SANDBOX_PROFILE_NAME) return { key: "nameReserved", params: { name } };
  return null;
}

function describeChar(c: string): string {
  if (/\s/u.test(c)) return "␠";
  const code = c.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return c;
}

/** Whether an AccessKey ID is temporary (`STS.` prefix, exact case, as Rust checks). */
export function isTemporaryKeyId(value: string): boolean {
  return value.trim().startsWith("STS.");
}

/** `LTAI` (any case) + letters and digits, 16–30 in all; or `STS.` + 10–64 letters and digits. */
export function checkAccessKeyId(value: string): Check {
  const id = value.trim();
  if (id === "") return { key: "idEmpty" };
  if (id.startsWith("STS.")) {
    const suffix = id.slice(4);
    if (!ALNUM_ONLY.test(suffix)) return { key: "idTemporaryChars" };
    if (suffix.length < 10 || suffix.length > 64) return { key: "idTemporaryLength", params: { count: suffix.length } };
    return null;
  }
  if (id.slice(0, 4).toUpperCase() === "LTAI") {
    if (!ALNUM_ONLY.test(id)) return { key: "idLongTermChars" };
    if (id.length < 16 || id.length > 30) return { key: "idLongTermLength", params: { count: id.length } };
    return null;
  }
  return { key: "idPrefix" };
}

type SecretKind = "secret" | "token";

function checkSecretText(value: string, max: number, kind: SecretKind): Check {
  const text = value.trim();
  if (text.length > max) return { key: kind === "secret" ? "secretTooLong" : "tokenTooLong" };
  if (/\s/u.test(text)) return { key: kind === "secret" ? "secretWhitespace" : "tokenWhitespace" };
  if (!/^[\x21-\x7e]*$/.test(text)) return { key: kind === "secret" ? "secretChars" : "tokenChars" };
  return null;
}

/** The secret: printable ASCII without spaces, at most 128. Optional when editing (empty keeps it). */
export function checkAccessKeySecret(value: string, required: boolean): Check {
  if (value.trim() === "") return required ? { key: "secretEmpty" } : null;
  return checkSecretText(value, SECRET_MAX, "secret");
}

/** The STS token: optional, but needed with a temporary key unless one is already stored. */
export function checkSecurityToken(value: string, options: { temporaryKey: boolean; tokenStored: boolean }): Check {
  if (value.trim() === "") {
    return options.temporaryKey && !options.tokenStored ? { key: "tokenRequired" } : null;
  }
  return checkSecretText(value, TOKEN_MAX, "token");
}

/** A region id: lowercase words of letters and digits joined by `-`, the first two+ letters. */
export function checkRegion(value: string): Check {
  const region = value.trim();
  if (region === "") return { key: "regionEmpty" };
  if (region.length > REGION_MAX) return { key: "regionTooLong" };
  if (/[A-Z]/.test(region)) return { key: "regionUppercase" };
  const [first = "", ...rest] = region.split("-");
  if (!/^[a-z]{2,}$/.test(first)) return { key: "regionStart" };
  if (rest.some((segment) => !/^[a-z0-9]+$/.test(segment))) return { key: "regionSegments" };
  if (rest.length === 0) return { key: "regionParts" };
  return null;
}

/** A Tablestore instance name: 3–16 letters, digits, `-`; starts with a letter; no final `-`. */
export function checkInstanceName(value: string): Check {
  const name = value.trim();
  const chars = Array.from(name);
  if (chars.length < 3 || chars.length > 16) return { key: "instanceLength", params: { count: chars.length } };
  const bad = chars.findIndex((c) => !ALNUM.test(c) && c !== "-");
  if (bad >= 0) return { key: "instanceBadChar", params: { char: describeChar(chars[bad] ?? ""), position: bad + 1 } };
  if (!/^[A-Za-z]/.test(name)) return { key: "instanceStart" };
  if (name.endsWith("-")) return { key: "instanceEnd" };
  return null;
}

/** A custom endpoint: empty (public default) or `https://host[:port]`; `http://` only to this computer. */
export function checkEndpoint(value: string): Check {
  const text = value.trim();
  if (text === "") return null;
  const separator = text.indexOf("://");
  if (separator < 0) return { key: "endpointScheme" };
  const scheme = text.slice(0, separator).toLowerCase();
  if (scheme !== "https" && scheme !== "http") return { key: "endpointScheme" };
  const rest = text.slice(separator + 3);
  const authority = rest.endsWith("/") ? rest.slice(0, -1) : rest;
  if (/[/?#]/.test(authority)) return { key: "endpointPath" };
  if (authority.includes("@")) return { key: "endpointUserInfo" };
  const split = splitHostPort(authority);
  if ("problem" in split) return split.problem;
  const { host } = split;
  if (host === "") return { key: "endpointNoHost" };
  if (!isIpv4(host) && !isIpv6(host)) {
    if (host.length > 253) return { key: "endpointHostTooLong" };
    const labelsOk = host
      .split(".")
      .every((label) => label.length > 0 && label.length <= 63 && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(label));
    if (!labelsOk) return { key: "endpointHost" };
  }
  if (scheme === "http" && !isLoopback(host)) return { key: "endpointInsecure", params: { host } };
  return null;
}

function splitHostPort(authority: string): { host: string } | { problem: Problem } {
  let host: string;
  let port: string | undefined;
  if (authority.startsWith("[")) {
    const close = authority.indexOf("]");
    if (close < 0) return { problem: { key: "endpointIpv6" } };
    host = authority.slice(1, close);
    if (!isIpv6(host)) return { problem: { key: "endpointIpv6" } };
    const after = authority.slice(close + 1);
    if (after !== "") {
      if (!after.startsWith(":")) return { problem: { key: "endpointPort" } };
      port = after.slice(1);
    }
  } else {
    const colon = authority.indexOf(":");
    host = colon < 0 ? authority : authority.slice(0, colon);
    port = colon < 0 ? undefined : authority.slice(colon + 1);
  }
  if (port !== undefined) {
    const number = /^\+?[0-9]{1,5}$/.test(port) ? Number(port) : NaN;
    if (!(number >= 1 && number <= 65535)) return { problem: { key: "endpointPort" } };
  }
  return { host: host.toLowerCase() };
}

function isIpv4(host: string): boolean {
  const parts = host.split(".");
  return parts.length === 4 && parts.every((part) => /^(0|[1-9][0-9]{0,2})$/.test(part) && Number(part) <= 255);
}

function isIpv6(host: string): boolean {
  if (!host.includes(":") || !/^[0-9a-fA-F:.]+$/.test(host)) return false;
  try {
    new URL(`http://[${host}]/`);
    return true;
  } catch {
    return false;
  }
}

// Mirrors the Rust rule: `localhost` itself, not `*.localhost` (a name the resolver may send to DNS).
function isLoopback(host: string): boolean {
  return (
    host.toLowerCase() === "localhost" ||
    (isIpv4(host) && host.startsWith("127.")) ||
    (isIpv6(host) && new URL(`http://[${host}]/`).hostname === "[::1]")
  );
}
