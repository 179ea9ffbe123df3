//! The oss service of the sandbox.

use std::sync::Arc;

use axum::Router;

use crate::state::SandboxState;
use crate::SandboxConfig;

/// The service's data, in memory.
#[derive(Debug, Default)]
pub struct Store {}

impl Store {
    pub fn seeded(_config: &SandboxConfig) -> Self {
        Self::default()
    }
}

pub fn router(state: Arc<SandboxState>) -> Router {
    Router::new().with_state(state)
}
