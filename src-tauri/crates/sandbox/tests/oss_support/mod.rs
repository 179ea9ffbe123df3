//! A minimal OSS client for the Rust tests: builds path-style requests like oss2 does, signs
//! them with the `signing` crate (V1 or V4, optionally with an STS token) and sends them with
//! reqwest, so the sandbox is exercised over real HTTP.

#![allow(dead_code)] // Each test file uses a different part of the helper.

use chrono::{DateTime, Utc};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sandbox::{Sandbox, SandboxConfig};
use signing::oss::{self, OssResource};
use signing::{AccessKeyId, CanonicalRequest, Credentials, Secret, SecurityToken};

/// oss2 quotes keys and query values with no safe characters except the unreserved ones.
const QUOTED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

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
    credentials(
        sandbox::accounts::DEMO_ACCESS_KEY_ID,
        sandbox::accounts::DEMO_ACCESS_KEY_SECRET,
    )
}

pub fn sts(sandbox: &Sandbox, lifetime_seconds: i64) -> Credentials {
    let state = sandbox.state();
    let issuer = state
        .accounts
        .authenticate(sandbox::accounts::DEMO_ACCESS_KEY_ID, None, state.now())
        .expect("demo key");
    let credential = state.accounts.issue_sts(
        &issuer,
        "tester",
        "rust",
        chrono::Duration::seconds(lifetime_seconds),
        state.now(),
    );
    Credentials::new(
        AccessKeyId::parse(&credential.access_key_id).expect("valid id"),
        credential.access_key_secret,
    )
    .with_security_token(SecurityToken::new(
        credential.security_token.expose_secret().to_owned(),
    ))
}

#[derive(Debug, Clone)]
pub enum Version {
    V1,
    V4 { region: String },
}

/// One request to send; build with the helpers, then [`OssRequest::send`].
#[derive(Debug, Clone)]
pub struct OssRequest {
    pub method: &'static str,
    pub bucket: Option<String>,
    pub key: String,
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub credentials: Credentials,
    pub version: Version,
    pub signed_at: DateTime<Utc>,
    /// Overrides the Host header (virtual-hosted style); the key then goes in the path alone.
    pub host: Option<String>,
    pub unsigned: bool,
}

impl OssRequest {
    pub fn new(method: &'static str, bucket: Option<&str>, key: &str) -> Self {
        Self {
            method,
            bucket: bucket.map(str::to_owned),
            key: key.to_owned(),
            query: Vec::new(),
            headers: Vec::new(),
            body: Vec::new(),
            credentials: demo(),
            version: Version::V1,
            signed_at: Utc::now(),
            host: None,
            unsigned: false,
        }
    }

    pub fn list_buckets() -> Self {
        Self::new("GET", None, "")
    }

    pub fn query(mut self, name: &str, value: &str) -> Self {
        self.query.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn body(mut self, body: &[u8]) -> Self {
        self.body = body.to_vec();
        self
    }

    pub fn signed_by(mut self, credentials: Credentials) -> Self {
        self.credentials = credentials;
        self
    }

    pub fn v4(mut self, region: &str) -> Self {
        self.version = Version::V4 {
            region: region.to_owned(),
        };
        self
    }

    pub fn at(mut self, signed_at: DateTime<Utc>) -> Self {
        self.signed_at = signed_at;
        self
    }

    pub fn path(&self) -> String {
        let key = utf8_percent_encode(&self.key, QUOTED).to_string();
        match (&self.bucket, &self.host) {
            (Some(_), Some(_)) | (None, _) => format!("/{key}"),
            (Some(bucket), None) => format!("/{bucket}/{key}"),
        }
    }

    pub async fn send(&self, base: &str) -> Result<reqwest::Response, reqwest::Error> {
        let path = self.path();
        let mut canonical = CanonicalRequest::new(self.method, path.clone());
        for (name, value) in &self.query {
            canonical = canonical.with_query(name.clone(), value.clone());
        }
        for (name, value) in &self.headers {
            canonical = canonical.with_header(name.clone(), value.clone());
        }
        let resource = match &self.bucket {
            None => OssResource::service(),
            Some(bucket) => OssResource::object(bucket, &self.key),
        };
        let added = match &self.version {
            Version::V1 => oss::sign_v1(&canonical, &resource, &self.credentials, self.signed_at),
            Version::V4 { region } => oss::sign_v4(
                &canonical,
                &resource,
                &self.credentials,
                region,
                self.signed_at,
                &[],
            ),
        };
        let query = self
            .query
            .iter()
            .map(|(n, v)| {
                format!(
                    "{}={}",
                    utf8_percent_encode(n, QUOTED),
                    utf8_percent_encode(v, QUOTED)
                )
            })
            .collect::<Vec<_>>()
            .join("&");
        let url = if query.is_empty() {
            format!("{base}{path}")
        } else {
            format!("{base}{path}?{query}")
        };
        let method = reqwest::Method::from_bytes(self.method.as_bytes()).expect("method");
        let mut request = reqwest::Client::new()
            .request(method, url)
            .body(self.body.clone());
        for (name, value) in &self.headers {
            request = request.header(name, value);
        }
        if !self.unsigned {
            request = request.headers(added.to_header_map().expect("valid headers"));
        }
        if let Some(host) = &self.host {
            request = request.header("host", host);
        }
        request.send().await
    }
}

/// Status, `Code` element (or `x-oss-err` for HEAD) and body of an answer.
pub async fn status_and_code(response: reqwest::Response) -> (u16, String, String) {
    let status = response.status().as_u16();
    let header_error = response
        .headers()
        .get("x-oss-err")
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            use base64::Engine as _;
            String::from_utf8(
                base64::engine::general_purpose::STANDARD
                    .decode(v)
                    .expect("base64"),
            )
            .expect("utf-8")
        });
    let body = response.text().await.expect("body");
    let xml = header_error.unwrap_or(body);
    (status, element(&xml, "Code").unwrap_or_default(), xml)
}

/// The text of the first `<name>` element.
pub fn element(xml: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = xml.find(&open)? + open.len();
    let end = xml[start..].find(&close)? + start;
    Some(xml[start..end].to_owned())
}
