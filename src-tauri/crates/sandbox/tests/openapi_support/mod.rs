//! Calls the sandbox's account-API endpoint over real HTTP, signed by the `signing` crate the
//! way the Tea SDK (V3) and the RPC SDKs (V2) sign.

#![allow(dead_code)] // Each test file uses a different part of this helper.

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Utc};
use sandbox::accounts::{DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET};
use sandbox::{Sandbox, SandboxConfig};
use signing::{AccessKeyId, CanonicalRequest, Credentials, Secret, SecurityToken};

pub async fn small_sandbox() -> Sandbox {
    Sandbox::start(SandboxConfig {
        large_table_rows: 100,
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox starts")
}

pub fn credentials(id: &str, secret: &str) -> Credentials {
    Credentials::new(
        AccessKeyId::parse(id).expect("valid id"),
        Secret::from(secret),
    )
}

pub fn demo() -> Credentials {
    credentials(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET)
}

pub fn with_token(credentials: Credentials, token: &str) -> Credentials {
    credentials.with_security_token(SecurityToken::from(token))
}

/// A nonce no other call in this test process uses.
pub fn fresh_nonce() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!(
        "{:032x}",
        NEXT.fetch_add(1, Ordering::Relaxed) ^ 0x5eed_0000_0000
    )
}

/// What the endpoint answered.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn code(&self) -> String {
        self.json()["Code"].as_str().unwrap_or_default().to_owned()
    }
}

/// One API call, signed and sent by [`Call::send_v3`] or [`Call::send_rpc`].
#[derive(Debug, Clone)]
pub struct Call {
    pub method: &'static str,
    pub path: &'static str,
    pub action: &'static str,
    pub version: &'static str,
    pub params: Vec<(&'static str, String)>,
}

impl Call {
    pub fn rpc(action: &'static str, version: &'static str) -> Self {
        Self {
            method: "POST",
            path: "/",
            action,
            version,
            params: Vec::new(),
        }
    }

    pub fn roa_get(path: &'static str, action: &'static str) -> Self {
        Self {
            method: "GET",
            path,
            action,
            version: "2020-12-09",
            params: Vec::new(),
        }
    }

    #[must_use]
    pub fn param(mut self, name: &'static str, value: &str) -> Self {
        self.params.push((name, value.to_owned()));
        self
    }

    /// A V3 request as the Tea client builds it: parameters in the query, empty body.
    pub fn signed_v3(
        &self,
        base: &str,
        credentials: &Credentials,
        now: DateTime<Utc>,
        nonce: &str,
    ) -> reqwest::Request {
        let host = base.trim_start_matches("http://");
        let mut canonical = CanonicalRequest::new(self.method, self.path)
            .with_header("host", host)
            .with_header("x-acs-action", self.action)
            .with_header("x-acs-version", self.version)
            .with_header("accept", "application/json");
        for (name, value) in &self.params {
            canonical = canonical.with_query(*name, value.as_str());
        }
        let added = signing::acs::sign_v3(&canonical, b"", credentials, now, nonce);
        let query = encode_query(self.params.iter().map(|(n, v)| (*n, v.as_str())));
        let url = format!("{base}{}{}", self.path, question_mark(&query));
        let mut request = reqwest::Client::new()
            .request(self.method.parse().expect("method"), url)
            .header("x-acs-action", self.action)
            .header("x-acs-version", self.version)
            .header("accept", "application/json");
        for (name, value) in added.iter() {
            request = request.header(name, value);
        }
        request.build().expect("request builds")
    }

    /// An RPC V2 request: every parameter, signature included, in the query.
    pub fn signed_rpc(
        &self,
        base: &str,
        credentials: &Credentials,
        now: DateTime<Utc>,
        nonce: &str,
    ) -> reqwest::Request {
        let mut params: Vec<(&str, &str)> = vec![
            ("Action", self.action),
            ("Version", self.version),
            ("Format", "JSON"),
        ];
        params.extend(self.params.iter().map(|(n, v)| (*n, v.as_str())));
        let signed = signing::acs::sign_rpc(self.method, &params, credentials, now, nonce);
        let url = format!("{base}{}?{}", self.path, signed.to_query_string());
        reqwest::Client::new()
            .request(self.method.parse().expect("method"), url)
            .build()
            .expect("request builds")
    }

    pub async fn send_v3(&self, base: &str, credentials: &Credentials) -> Reply {
        send(self.signed_v3(base, credentials, Utc::now(), &fresh_nonce())).await
    }

    pub async fn send_rpc(&self, base: &str, credentials: &Credentials) -> Reply {
        send(self.signed_rpc(base, credentials, Utc::now(), &fresh_nonce())).await
    }
}

fn question_mark(query: &str) -> String {
    if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    }
}

fn encode_query<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    pairs
        .map(|(n, v)| {
            format!(
                "{n}={}",
                percent_encoding::utf8_percent_encode(v, UNRESERVED)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Sends and reads the whole answer; panics on transport errors (fault tests use
/// [`try_send`]).
pub async fn send(request: reqwest::Request) -> Reply {
    try_send(request).await.expect("an answer arrives")
}

pub async fn try_send(request: reqwest::Request) -> Result<Reply, reqwest::Error> {
    let response = reqwest::Client::new().execute(request).await?;
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.bytes().await?.to_vec();
    Ok(Reply {
        status,
        headers,
        body,
    })
}
