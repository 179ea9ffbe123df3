//! Request signing and verification for Tablestore, OSS and Alibaba Cloud `OpenAPI`, and the
//! `Secret` type that keeps key material out of logs and IPC.
//!
//! Owns: the canonicalisation of each scheme (one implementation serves the client that
//! signs and the sandbox that verifies), the signing keys, constant-time comparison and the
//! credential types. Must not: do I/O, read a clock or a random source (dates and nonces are
//! arguments), or depend on an HTTP client or runtime. Byte-for-byte agreement with the
//! official Python SDKs is checked by `tests/conformance/signing/check.sh`.

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
