//! The OSS service of the sandbox: buckets and objects in memory, served over HTTP with the
//! service's addressing (path-style and virtual-hosted), V1/V4 signature checks, RAM policy,
//! XML bodies, error codes, request IDs and CRC64 headers, so `oss2` works against it unchanged.
//!
//! The delivery engine can also read and write the same data directly through [`Store`]
//! (`put_object`, `get_object`, `list_objects`, `bucket_region`), without HTTP.

mod address;
mod answer;
mod auth;
mod bucket_ops;
pub mod checksum;
mod error;
mod handler;
mod listing;
mod object_ops;
mod operation;
mod query;
mod range;
pub mod seed;
mod service_ops;
mod store;
mod xml;

use std::sync::Arc;

use axum::Router;

pub use store::{BucketContents, BucketInfo, Store, StoreError, StoredObject};

use crate::state::SandboxState;
use crate::SandboxConfig;

impl Store {
    /// The sample buckets and objects (see [`seed`]).
    pub fn seeded(config: &SandboxConfig) -> Self {
        seed::seeded(config)
    }
}

/// Every request goes to one handler: OSS routes on Host, path and sub-resources together,
/// which route patterns cannot express.
pub fn router(state: Arc<SandboxState>) -> Router {
    Router::new().fallback(handler::handle).with_state(state)
}
