//! Custom service endpoints: a scheme, a host and an optional port, nothing else.
//!
//! A path, query, fragment or user info is refused rather than ignored, because the clients
//! build request paths themselves and a stray `/v1` would silently break signing.
//! Plain `http://` is allowed only for this computer (`localhost`, `127.0.0.0/8`, `::1`), which
//! is how the sandbox and local test servers are reached; anything else must use TLS.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ProfileError;

/// Which service an endpoint is for; used in error messages and form field names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum EndpointService {
    Tablestore,
    Oss,
    Sts,
}

impl EndpointService {
    /// The form field the UI shows for this endpoint.
    pub fn field_name(self) -> &'static str {
        match self {
            Self::Tablestore => "tablestoreEndpoint",
            Self::Oss => "ossEndpoint",
            Self::Sts => "stsEndpoint",
        }
    }
}

impl fmt::Display for EndpointService {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Tablestore => "Tablestore",
            Self::Oss => "OSS",
            Self::Sts => "STS",
        })
    }
}

/// A validated `http(s)://host[:port]` base URL, stored without a trailing slash.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Endpoint {
    url: String,
    host: String,
}

impl Endpoint {
    /// Parses and checks an endpoint; `service` only names it in errors.
    pub fn parse(service: EndpointService, value: &str) -> Result<Self, ProfileError> {
        let invalid = |reason: &str| ProfileError::InvalidEndpoint {
            service,
            reason: reason.to_owned(),
        };
        let value = value.trim();
        let (scheme, rest) = value
            .split_once("://")
            .ok_or_else(|| invalid("it must start with https://"))?;
        let secure = match scheme.to_ascii_lowercase().as_str() {
            "https" => true,
            "http" => false,
            _ => {
                return Err(invalid(
                    "only https:// (or http:// to this computer) is allowed",
                ))
            }
        };
        let authority = rest.strip_suffix('/').unwrap_or(rest);
        if authority.contains(['/', '?', '#']) {
            return Err(invalid(
                "it must not have a path, query or fragment; give only the scheme, host and port",
            ));
        }
        if authority.contains('@') {
            return Err(invalid("it must not contain a user name or password"));
        }
        let (host, port) = split_host_port(authority).map_err(&invalid)?;
        check_host(&host).map_err(invalid)?;
        if !secure && !is_loopback(&host) {
            return Err(ProfileError::InsecureEndpoint { service, host });
        }
        let scheme = if secure { "https" } else { "http" };
        let url = match port {
            Some(port) => format!("{scheme}://{}:{port}", display_host(&host)),
            None => format!("{scheme}://{}", display_host(&host)),
        };
        Ok(Self { url, host })
    }

    /// The base URL, e.g. `https://example.com:8443` (no trailing slash).
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The host name or IP literal, without brackets.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// Whether requests stay on this computer.
    pub fn is_loopback(&self) -> bool {
        is_loopback(&self.host)
    }
}

/// Splits `host[:port]` and `[v6][:port]`; hosts are lowercased.
fn split_host_port(authority: &str) -> Result<(String, Option<u16>), &'static str> {
    let (host, port_text) = if let Some(rest) = authority.strip_prefix('[') {
        let (v6, after) = rest
            .split_once(']')
            .ok_or("an IPv6 address must be closed with ']'")?;
        v6.parse::<Ipv6Addr>()
            .map_err(|_| "the address in brackets is not an IPv6 address")?;
        let port = match after {
            "" => None,
            _ => Some(
                after
                    .strip_prefix(':')
                    .ok_or("expected ':' and a port after ']'")?,
            ),
        };
        (v6, port)
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let port = port_text
        .map(|text| match text.parse::<u16>() {
            Ok(0) | Err(_) => Err("the port must be a number from 1 to 65535"),
            Ok(port) => Ok(port),
        })
        .transpose()?;
    Ok((host.to_ascii_lowercase(), port))
}

fn check_host(host: &str) -> Result<(), &'static str> {
    if host.is_empty() {
        return Err("it has no host name");
    }
    if host.parse::<Ipv6Addr>().is_ok() || host.parse::<Ipv4Addr>().is_ok() {
        return Ok(());
    }
    if host.len() > 253 {
        return Err("the host name is too long");
    }
    let labels_ok = host.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    if labels_ok {
        Ok(())
    } else {
        Err("the host name may contain only letters, digits, '-' and dots between labels")
    }
}

/// `localhost` and loopback addresses only: a `*.localhost` name goes to the system's
/// resolver, which may ask DNS, so it could point anywhere.
fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<Ipv4Addr>().is_ok_and(|ip| ip.is_loopback())
        || host.parse::<Ipv6Addr>().is_ok_and(|ip| ip.is_loopback())
}

fn display_host(host: &str) -> String {
    if host.contains(':') {
        format!("[{host}]")
    } else {
        host.to_owned()
    }
}

impl fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Endpoint({})", self.url)
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(value: &str) -> Result<Endpoint, ProfileError> {
        Endpoint::parse(EndpointService::Tablestore, value)
    }

    #[test]
    fn normalises_case_and_drops_a_single_trailing_slash() {
        let endpoint = parse("HTTPS://MyInst.cn-hangzhou.ots.aliyuncs.com/").expect("valid");
        assert_eq!(
            endpoint.as_str(),
            "https://myinst.cn-hangzhou.ots.aliyuncs.com"
        );
        assert_eq!(endpoint.host(), "myinst.cn-hangzhou.ots.aliyuncs.com");
        assert!(!endpoint.is_loopback());
    }

    #[test]
    fn keeps_ports_and_ipv6_literals() {
        assert_eq!(
            parse("https://10.0.0.1:8443").expect("v4").as_str(),
            "https://10.0.0.1:8443"
        );
        let v6 = parse("http://[::1]:9000").expect("v6 loopback");
        assert_eq!(v6.as_str(), "http://[::1]:9000");
        assert_eq!(v6.host(), "::1");
        assert!(v6.is_loopback());
    }

    #[test]
    fn plain_http_is_allowed_only_for_this_computer() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://localhost:1",
            "http://127.9.9.9",
        ] {
            assert!(parse(ok).is_ok(), "{ok}");
        }
        // A subdomain of localhost is a name like any other for the resolver.
        let error = parse("http://evil.localhost:8080").expect_err("resolved name");
        assert_eq!(error.code(), "insecure_endpoint");
        let error = parse("http://oss-cn-hangzhou.aliyuncs.com").expect_err("remote http");
        assert_eq!(error.code(), "insecure_endpoint");
        assert_eq!(error.field(), Some("tablestoreEndpoint"));
        assert!(
            error.to_string().contains("oss-cn-hangzhou.aliyuncs.com"),
            "{error}"
        );
    }

    #[test]
    fn refuses_everything_but_scheme_host_and_port() {
        let cases = [
            ("example.com", "must start with https://"),
            ("ftp://example.com", "only https://"),
            ("https://example.com/v1", "must not have a path"),
            ("https://example.com?x=1", "must not have a path"),
            ("https://user:pw@example.com", "user name or password"),
            ("https://example.com:0", "port must be a number"),
            ("https://example.com:99999", "port must be a number"),
            ("https://", "no host name"),
            ("https://exa mple.com", "may contain only letters"),
            ("https://-bad.com", "may contain only letters"),
            ("https://[::1", "closed with ']'"),
        ];
        for (input, expected) in cases {
            let error = parse(input).expect_err(input);
            assert_eq!(error.code(), "invalid_endpoint", "{input}");
            assert!(error.to_string().contains(expected), "{input}: {error}");
        }
    }
}
