//! Connection profiles for the app: parsed settings, a versioned JSON file, secrets in the OS
//! keyring, the built-in sandbox profile, and import from the aliyun CLI and the environment.
//!
//! Owns: the rules for names, key ids, regions, instance names and endpoints; `profiles.json`
//! (atomic writes, corrupt files kept aside, newer formats refused); one keyring entry per
//! secret under a caller-given namespace; coded errors with remedies.
//!
//! Must not: put a secret in the JSON file, an error message, a `Debug` dump or anything that
//! serialises (secrets are `signing::Secret`, which has no `Serialize`); read the process
//! environment or the real home folder itself (paths and variables are arguments); talk to the
//! cloud (testing a connection belongs to the client crates); depend on Tauri.
//!
//! Types marked `#[ts(export)]` cross IPC; `cargo test` writes their TypeScript bindings.
//!
//! Wiring it up in the app (the namespace is the bundle identifier; test builds use another):
//!
//! ```no_run
//! use std::sync::Arc;
//! use profiles::{KeyringNamespace, KeyringVault, NewProfileRequest, ProfileId, ProfileStore};
//!
//! # fn main() -> Result<(), profiles::ProfileError> {
//! # let config_dir = std::path::PathBuf::from("/tmp/studio");
//! let namespace = KeyringNamespace::new("com.example.tablestore-delivery-studio")?;
//! let store = ProfileStore::new(&config_dir, Arc::new(KeyringVault::platform(namespace)));
//! # let form: NewProfileRequest = Default::default();
//! store.create(form.parse()?)?;                      // a form from the UI
//! let rows = store.list()?;                          // `Vec<ProfileSummary>` for the UI
//! let connection = store.connection(&ProfileId::parse("prod")?)?; // for the cloud clients
//! # let _ = (rows, connection);
//! # Ok(())
//! # }
//! ```

mod credential_fields;
mod endpoint;
mod error;
pub mod import;
mod instance_name;
mod name;
mod profile;
pub mod profiles_file;
mod region;
mod request;
mod sandbox;
mod store;
mod string_serde;
mod summary;
pub mod vault;

pub use credential_fields::{
    credentials, key_kind, mask_access_key_id, parse_access_key_id, parse_access_key_secret,
    parse_security_token, KeyKind,
};
pub use endpoint::{Endpoint, EndpointService};
pub use error::{ProfileError, ERROR_CODES};
pub use instance_name::InstanceName;
pub use name::{ProfileId, ProfileName, SANDBOX_PROFILE_NAME};
pub use profile::{
    CustomEndpoints, NewProfile, ProfileUpdate, ResolvedEndpoints, StoredProfile, TokenChange,
};
pub use region::{known_regions, KnownRegion, Region};
pub use request::{EndpointsInput, NewProfileRequest, ProfileUpdateRequest};
pub use sandbox::{SandboxEndpoints, SandboxProfile};
pub use store::{Connection, ProfileStore};
pub use summary::{EndpointsView, ProfileKind, ProfileStatus, ProfileSummary};
pub use vault::{KeyringNamespace, KeyringVault, SecretKind, SecretVault};
