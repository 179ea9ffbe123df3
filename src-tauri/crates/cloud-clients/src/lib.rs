//! Clients for the cloud services the app talks to: Tablestore (data plane), OSS and the
//! account APIs (STS, ResourceManager, the Tablestore control plane).
//!
//! Each client is built at run time from a profile's endpoint and credentials (cloud, VPC,
//! custom or the sandbox: no compile-time URL, no global client), signs with the `signing`
//! crate, retries only what the official SDKs retry (waiting as long as a service's retry hint
//! asks, within a cap), and turns every failure into a
//! [`ClientError`] whose [`ErrorKind`] says what the user can do about it. It knows nothing of
//! Tauri or of the UI.

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
