//! Request signing and verification for Tablestore, OSS and Alibaba Cloud `OpenAPI`, and the
//! `Secret` type that keeps key material out of logs and IPC.
//!
//! Owns: the canonicalisation of each scheme (one implementation serves the client that
//! signs and the sandbox that verifies), the signing keys, constant-time comparison and the
//! credential types. Must not: do I/O, read a clock or a random source (dates and nonces are
//! arguments), or depend on an HTTP client or runtime. Byte-for-byte agreement with the
//! official Python SDKs is checked by `tests/conformance/signing/check.sh`.
//!
//! Both sides of one OSS request:
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use signing::oss::{self, OssResource};
//! use signing::{AccessKeyId, CanonicalRequest, Credentials, Freshness, Secret};
//!
//! let creds = Credentials::new(AccessKeyId::parse("LTAI5tExampleKeyId1234")?, Secret::from("secret"));
//! let now = Utc.with_ymd_and_hms(2025, 1, 15, 8, 30, 0).single().expect("valid time");
//! let resource = OssResource::object("examplebucket", "dir/a b.txt");
//!
//! // Client: sign, then send the request with these headers (credentials marked sensitive).
//! let request = CanonicalRequest::new("PUT", "/dir/a%20b.txt").with_header("content-type", "text/plain");
//! let added = oss::sign_v4(&request, &resource, &creds, "cn-hangzhou", now, &[]);
//! let headers: http::HeaderMap = added.to_header_map()?;
//! assert!(headers["authorization"].is_sensitive());
//!
//! // Server: view what arrived, verify against its key store and clock.
//! let received = request.with_added_headers(&added);
//! let verified = oss::verify(&received, &resource, &creds, &Freshness::new(now, Freshness::FIFTEEN_MINUTES))?;
//! assert_eq!(verified.access_key_id.as_str(), "LTAI5tExampleKeyId1234");
//! # Ok::<(), signing::SignError>(())
//! ```

mod crypto;
mod encoding;
mod error;
mod freshness;
mod request;
mod secret;
mod sensitive;

pub mod acs;
pub mod oss;
pub mod tablestore;

pub use error::{Scheme, SignError};
pub use freshness::Freshness;
pub use request::{parse_query_string, CanonicalRequest, HeaderList, QueryPairs};
pub use secret::{AccessKeyId, Credentials, Secret, SecretLookup, SecurityToken};
pub use sensitive::{header_value, is_sensitive_header, AddedHeaders};
