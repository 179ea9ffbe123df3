//! The built-in sandbox profile.
//!
//! It is not stored anywhere: the app describes it once at start-up (region, instance and the
//! sandbox's public demo keys, which are test values and need no keyring), and reports the
//! endpoints whenever the in-process sandbox starts or stops. Clients then reach the sandbox
//! through the same resolved-endpoints path as any profile with custom endpoints.

use signing::Credentials;

use crate::endpoint::{Endpoint, EndpointService};
use crate::{InstanceName, ProfileError, Region};

/// What the sandbox profile always is.
#[derive(Debug, Clone)]
pub struct SandboxProfile {
    pub region: Region,
    pub instance_name: InstanceName,
    /// The sandbox's demo keys; public test values, never real credentials.
    pub credentials: Credentials,
}

/// Where the running sandbox listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SandboxEndpoints {
    pub tablestore: Endpoint,
    pub oss: Endpoint,
    pub sts: Endpoint,
}

impl SandboxEndpoints {
    /// Parses the sandbox's base URLs (normally `http://127.0.0.1:<port>`).
    pub fn parse(tablestore: &str, oss: &str, sts: &str) -> Result<Self, ProfileError> {
        Ok(Self {
            tablestore: Endpoint::parse(EndpointService::Tablestore, tablestore)?,
            oss: Endpoint::parse(EndpointService::Oss, oss)?,
            sts: Endpoint::parse(EndpointService::Sts, sts)?,
        })
    }
}
