//! What the profile list shows over IPC. Never holds a secret: only whether one is present.

use serde::Serialize;
use ts_rs::TS;

use crate::credential_fields::mask_access_key_id;
use crate::endpoint::Endpoint;
use crate::profile::{CustomEndpoints, StoredProfile};
use crate::sandbox::{SandboxEndpoints, SandboxProfile};
use crate::{ProfileError, SANDBOX_PROFILE_NAME};

/// Whether a profile can be used right now, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProfileStatus {
    /// Settings and secrets are all there.
    Ready,
    /// The AccessKey secret (or the token of a temporary key) is gone from the keyring.
    SecretMissing,
    /// The keyring is locked, so the secret's presence is unknown.
    KeychainLocked,
    /// No keyring could be reached.
    KeychainUnavailable,
    /// The keyring answered with an unexpected error.
    KeychainFailed,
    /// The built-in sandbox profile, while the sandbox is not running.
    SandboxStopped,
}

impl ProfileStatus {
    /// The status a keyring error leaves a profile in.
    pub fn from_keychain_error(error: &ProfileError) -> Self {
        match error {
            ProfileError::KeychainLocked { .. } => Self::KeychainLocked,
            ProfileError::KeychainUnavailable { .. } => Self::KeychainUnavailable,
            ProfileError::SecretMissing { .. } => Self::SecretMissing,
            _ => Self::KeychainFailed,
        }
    }
}

/// Built in, or made by the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProfileKind {
    Sandbox,
    Stored,
}

/// Endpoints as shown in the list: `null` means the public default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EndpointsView {
    pub tablestore: Option<String>,
    pub oss: Option<String>,
    pub sts: Option<String>,
}

impl From<&CustomEndpoints> for EndpointsView {
    fn from(endpoints: &CustomEndpoints) -> Self {
        let text = |e: &Option<Endpoint>| e.as_ref().map(|e| e.as_str().to_owned());
        Self {
            tablestore: text(&endpoints.tablestore),
            oss: text(&endpoints.oss),
            sts: text(&endpoints.sts),
        }
    }
}

impl From<&SandboxEndpoints> for EndpointsView {
    fn from(endpoints: &SandboxEndpoints) -> Self {
        Self {
            tablestore: Some(endpoints.tablestore.as_str().to_owned()),
            oss: Some(endpoints.oss.as_str().to_owned()),
            sts: Some(endpoints.sts.as_str().to_owned()),
        }
    }
}

/// One row of the profile list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProfileSummary {
    /// The name commands take (`"sandbox"` for the built-in profile).
    pub name: String,
    pub kind: ProfileKind,
    /// The AccessKey ID; not a secret, shown in the edit form.
    pub access_key_id: String,
    /// The id with its middle hidden (`LTAI****abcd`), for lists and screenshots.
    pub access_key_id_masked: String,
    pub region: String,
    pub instance_name: String,
    pub endpoints: EndpointsView,
    /// Temporary credentials (an STS token is stored with the key).
    pub has_security_token: bool,
    pub status: ProfileStatus,
}

impl ProfileSummary {
    pub fn stored(profile: &StoredProfile, status: ProfileStatus) -> Self {
        Self {
            name: profile.name.as_str().to_owned(),
            kind: ProfileKind::Stored,
            access_key_id: profile.access_key_id.as_str().to_owned(),
            access_key_id_masked: mask_access_key_id(&profile.access_key_id),
            region: profile.region.as_str().to_owned(),
            instance_name: profile.instance_name.as_str().to_owned(),
            endpoints: EndpointsView::from(&profile.endpoints),
            has_security_token: profile.has_security_token,
            status,
        }
    }

    pub fn sandbox(profile: &SandboxProfile, running: Option<&SandboxEndpoints>) -> Self {
        let id = &profile.credentials.access_key_id;
        Self {
            name: SANDBOX_PROFILE_NAME.to_owned(),
            kind: ProfileKind::Sandbox,
            access_key_id: id.as_str().to_owned(),
            access_key_id_masked: mask_access_key_id(id),
            region: profile.region.as_str().to_owned(),
            instance_name: profile.instance_name.as_str().to_owned(),
            endpoints: running.map(EndpointsView::from).unwrap_or_default(),
            has_security_token: profile.credentials.security_token.is_some(),
            status: if running.is_some() {
                ProfileStatus::Ready
            } else {
                ProfileStatus::SandboxStopped
            },
        }
    }
}
