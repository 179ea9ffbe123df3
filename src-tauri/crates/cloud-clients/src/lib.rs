//! Clients for the cloud services the app talks to: Tablestore (data plane), OSS and the
//! account APIs (STS, ResourceManager, the Tablestore control plane).
//!
//! Each client is built at run time from a profile's endpoint and credentials (cloud, VPC,
//! custom or the sandbox: no compile-time URL, no global client), signs with the `signing`
//! crate, retries only what the official SDKs retry (waiting as long as a service's retry hint
//! asks, within a cap), and turns every failure into a
//! [`ClientError`] whose [`ErrorKind`] says what the user can do about it. It knows nothing of
//! Tauri or of the UI.
//!
//! HTTP: clients built from the same [`HttpSettings`] share one reqwest client (its connection
//! pool and TLS sessions), certificates are verified against the platform's roots, and
//! redirects are never followed (our credential headers are custom ones, which reqwest would
//! resend to wherever a redirect points): a 3xx is a [`ClientError::Redirected`]. A read that
//! times out is retried once, not at every attempt, so a hanging service is reported in about
//! a minute with the default 30 s read timeout.

pub mod account;
pub mod clock;
pub mod error;
pub mod http;
pub mod oss;
pub mod retry;
pub mod retry_hint;
pub mod tablestore;

pub use clock::{Clock, SystemClock};
pub use error::{ClientError, ErrorKind, Service};
pub use http::HttpSettings;
pub use retry::RetryPolicy;
