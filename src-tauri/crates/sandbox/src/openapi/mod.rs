//! The account APIs on one endpoint, as the cloud's `OpenAPI` gateway serves them: STS
//! (`GetCallerIdentity`, `AssumeRole`), RAM and ResourceManager `GetRole`,
//! `CreateServiceLinkedRole` for the delivery role, and the Tablestore control plane's
//! `ListInstances` / `GetInstance` (ROA). Every request's V3 or RPC V2 signature is verified,
//! nonces are single-use, STS tokens and RAM policy are enforced, errors are the gateway's
//! JSON. Spec: `account.md` §1–3.

mod api;
mod auth;
mod error;
mod gateway;
mod instances;
mod nonce;
mod params;
mod respond;
pub mod roles;
mod sts;

use std::sync::Arc;

use axum::Router;

pub use error::ApiError;
pub use instances::Instance;
pub use roles::{Role, DELIVERY_ROLE_NAME, DELIVERY_SERVICE_NAME};

use crate::state::SandboxState;
use crate::SandboxConfig;

/// The service's data, in memory.
#[derive(Debug, Default)]
pub struct Store {
    /// The region's instances, sorted by name; only the sandbox's own serves data.
    pub instances: Vec<Instance>,
    roles: roles::Roles,
    nonces: nonce::NonceLog,
}

impl Store {
    pub fn seeded(config: &SandboxConfig) -> Self {
        Self {
            instances: instances::seed(config),
            roles: roles::Roles::default(),
            nonces: nonce::NonceLog::default(),
        }
    }

    /// The delivery service-linked role's ARN, once `CreateServiceLinkedRole` made it.
    pub fn delivery_role_arn(&self) -> Option<String> {
        self.roles.delivery_role_arn()
    }

    /// The account's roles (persistence saves them; instances and nonces are not saved).
    pub fn roles(&self) -> &roles::Roles {
        &self.roles
    }
}

/// Every path goes to the gateway: RPC calls post to `/`, ROA calls name theirs.
pub fn router(state: Arc<SandboxState>) -> Router {
    Router::new().fallback(gateway::handle).with_state(state)
}
