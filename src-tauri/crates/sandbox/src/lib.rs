//! A local stand-in for Alibaba Cloud Tablestore, OSS and the account APIs (STS, RAM,
//! ResourceManager, the Tablestore control plane), served over HTTP on 127.0.0.1.
//!
//! It speaks the services' wire protocols: it verifies every request's signature the way the
//! service does (with the `signing` crate, the same canonicalisation the app's clients use),
//! answers with the services' status codes, error codes and request IDs, and keeps its data in
//! memory. It can be told to misbehave (see [`faults`]) so the app's error handling can be
//! tested. It must not depend on the app or on Tauri.

pub mod accounts;
pub mod admin;
pub mod clock;
pub mod config;
pub mod delivery;
pub mod faults;
pub mod openapi;
pub mod oss;
pub mod persist;
pub mod request_id;
pub mod server;
pub mod state;
pub mod tablestore;
pub mod transport;

pub use config::SandboxConfig;
pub use server::{Endpoints, Sandbox, SandboxError};
