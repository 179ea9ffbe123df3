//! A minimal Tablestore client for the sandbox's tests: encodes with `tablestore-wire`, signs
//! with `signing` (V2 or V4) exactly as the SDKs do, and checks every response's MD5 and
//! signature the way the Python SDK does.

#![allow(dead_code)] // each test file uses a different part of the client

use base64::Engine as _;
use chrono::{DateTime, Duration, Utc};
use md5::{Digest as _, Md5};
use prost::Message;
use sandbox::{Sandbox, SandboxConfig};
use signing::tablestore::{
    request_headers, sign_request, verify_response, TablestoreSigningKey, TablestoreVersion,
};
use signing::{
    AccessKeyId, CanonicalRequest, Credentials, Freshness, HeaderList, Secret, SecurityToken,
};
use tablestore_wire::proto;
use tablestore_wire::PrimaryKeyValue;

pub async fn start(large_table_rows: u32) -> Sandbox {
    Sandbox::start(SandboxConfig {
        large_table_rows,
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox starts")
}

#[derive(Debug, Clone)]
pub struct Client {
    pub endpoint: String,
    pub access_key_id: String,
    pub secret: String,
    pub token: Option<String>,
    pub instance: String,
    /// `Some(region)` signs with V4.
    pub region: Option<String>,
    /// How far this client's clock is from the real one.
    pub clock_offset: Duration,
    /// Off for tests that expect a damaged answer.
    pub check_answers: bool,
    pub http: reqwest::Client,
}

/// What came back, already checked for MD5 and (when present or required) signature.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Vec<u8>,
    pub headers: reqwest::header::HeaderMap,
}

impl Reply {
    pub fn error(&self) -> proto::Error {
        assert!(self.status >= 300, "expected an error, got {}", self.status);
        proto::Error::decode(self.body.as_slice()).expect("an Error protobuf")
    }

    pub fn message<M: Message + Default>(&self) -> M {
        assert_eq!(
            self.status,
            200,
            "expected success, got {:?}",
            proto::Error::decode(self.body.as_slice())
        );
        M::decode(self.body.as_slice()).expect("the response message")
    }
}

pub fn md5_base64(body: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Md5::digest(body))
}

impl Client {
    pub fn demo(sandbox: &Sandbox) -> Self {
        Self {
            endpoint: sandbox.endpoints().tablestore.clone(),
            access_key_id: sandbox::accounts::DEMO_ACCESS_KEY_ID.to_owned(),
            secret: sandbox::accounts::DEMO_ACCESS_KEY_SECRET.to_owned(),
            token: None,
            instance: sandbox.state().instance.clone(),
            region: None,
            clock_offset: Duration::zero(),
            check_answers: true,
            http: reqwest::Client::new(),
        }
    }

    fn credentials(&self) -> Credentials {
        let credentials = Credentials::new(
            AccessKeyId::parse(&self.access_key_id).expect("a key id"),
            Secret::new(self.secret.clone()),
        );
        match &self.token {
            Some(token) => credentials.with_security_token(SecurityToken::new(token.clone())),
            None => credentials,
        }
    }

    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.clock_offset
    }

    /// Sends `body` to `/{operation}` with headers signed for `signed_body` (normally the same).
    pub async fn send_raw(
        &self,
        operation: &str,
        body: Vec<u8>,
        signed_body: &[u8],
    ) -> Result<Reply, reqwest::Error> {
        let credentials = self.credentials();
        let now = self.now();
        let added = request_headers(&credentials, &self.instance, now, &md5_base64(signed_body));
        let canonical =
            CanonicalRequest::new("POST", format!("/{operation}")).with_added_headers(&added);
        let version = match &self.region {
            Some(region) => TablestoreVersion::V4 {
                region,
                sign_date: now.date_naive(),
            },
            None => TablestoreVersion::V2,
        };
        let signature = sign_request(&canonical, &credentials, version);
        let mut request = self
            .http
            .post(format!("{}/{operation}", self.endpoint))
            .body(body);
        for (name, value) in added.iter().chain(signature.iter()) {
            request = request.header(name, value);
        }
        let response = request.send().await?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.bytes().await?.to_vec();
        let reply = Reply {
            status,
            body,
            headers,
        };
        if self.check_answers {
            self.check(operation, &reply, now);
        }
        Ok(reply)
    }

    /// The Python SDK's response checks (spec 1.5): MD5 always, the signature on success and
    /// whenever it is present on errors other than `OTSAuthFailed`.
    fn check(&self, operation: &str, reply: &Reply, now: DateTime<Utc>) {
        let header = |name: &str| reply.headers.get(name).and_then(|v| v.to_str().ok());
        let md5 = header("x-ots-contentmd5").expect("x-ots-contentmd5 on every answer");
        assert_eq!(md5, md5_base64(&reply.body), "response MD5");
        for name in ["x-ots-requestid", "x-ots-date", "x-ots-contenttype"] {
            assert!(header(name).is_some(), "{name} missing");
        }
        let auth_failed = reply.status == 403
            && proto::Error::decode(reply.body.as_slice()).is_ok_and(|e| e.code == "OTSAuthFailed");
        if header("authorization").is_none() {
            assert_ne!(reply.status, 200, "a success must be signed");
            return;
        }
        if auth_failed {
            return;
        }
        let mut list = HeaderList::new();
        for (name, value) in &reply.headers {
            list.push(name.as_str(), value.to_str().expect("text header"));
        }
        let secret = Secret::new(self.secret.clone());
        let key = match &self.region {
            Some(region) => {
                TablestoreSigningKey::v4(&secret, &now.format("%Y%m%d").to_string(), region)
            }
            None => TablestoreSigningKey::v2(&secret),
        };
        // Compare against the service's clock window loosely: skew tests move it on purpose.
        let freshness = Freshness::new(Utc::now(), std::time::Duration::from_hours(24));
        verify_response(
            &format!("/{operation}"),
            &list,
            &AccessKeyId::parse(&self.access_key_id).expect("a key id"),
            &key,
            &freshness,
        )
        .expect("the response signature verifies");
    }

    pub async fn call(&self, operation: &str, request: &impl Message) -> Reply {
        let body = request.encode_to_vec();
        self.send_raw(operation, body.clone(), &body)
            .await
            .expect("the sandbox answers")
    }
}

pub fn int(v: i64) -> PrimaryKeyValue {
    PrimaryKeyValue::Integer(v)
}

pub fn text(v: &str) -> PrimaryKeyValue {
    PrimaryKeyValue::String(v.to_owned())
}

pub fn key(columns: &[(&str, PrimaryKeyValue)]) -> Vec<(String, PrimaryKeyValue)> {
    columns
        .iter()
        .map(|(name, value)| ((*name).to_owned(), value.clone()))
        .collect()
}

pub fn encoded_key(columns: &[(&str, PrimaryKeyValue)]) -> bytes::Bytes {
    bytes::Bytes::from(
        tablestore_wire::plainbuffer::encode_primary_key(&key(columns)).expect("encodes"),
    )
}

/// A GetRange over `[start, end)` reading one version.
pub fn range(
    table: &str,
    start: &[(&str, PrimaryKeyValue)],
    end: &[(&str, PrimaryKeyValue)],
) -> proto::GetRangeRequest {
    proto::GetRangeRequest {
        table_name: table.to_owned(),
        direction: proto::Direction::Forward as i32,
        max_versions: Some(1),
        inclusive_start_primary_key: encoded_key(start),
        exclusive_end_primary_key: encoded_key(end),
        ..Default::default()
    }
}

/// Decodes a GetRange `rows` buffer into owned rows.
pub fn rows_of(buffer: &[u8]) -> Vec<tablestore_wire::Row> {
    tablestore_wire::plainbuffer::RowReader::new(buffer)
        .expect("a row buffer")
        .map(|row| row.expect("a valid row").to_row())
        .collect()
}

/// CreateTable for `name`, keyed by one INTEGER column `id`, with no reserved throughput.
pub fn integer_keyed_table(name: &str) -> proto::CreateTableRequest {
    proto::CreateTableRequest {
        table_meta: proto::TableMeta {
            table_name: name.to_owned(),
            primary_key: vec![proto::PrimaryKeySchema {
                name: "id".to_owned(),
                r#type: proto::PrimaryKeyType::Integer as i32,
                option: None,
            }],
            ..Default::default()
        },
        reserved_throughput: proto::ReservedThroughput {
            capacity_unit: proto::CapacityUnit {
                read: Some(0),
                write: Some(0),
            },
        },
        ..Default::default()
    }
}

/// PutRow of `row` into `table`, whether or not the row exists.
pub fn put_whatever_exists(table: &str, row: &tablestore_wire::Row) -> proto::PutRowRequest {
    proto::PutRowRequest {
        table_name: table.to_owned(),
        row: bytes::Bytes::from(tablestore_wire::plainbuffer::encode_row(row).expect("encodes")),
        condition: proto::Condition {
            row_existence: proto::RowExistenceExpectation::Ignore as i32,
            column_condition: None,
        },
        ..Default::default()
    }
}
