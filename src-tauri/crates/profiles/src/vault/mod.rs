//! Where secrets live: a small trait over "one secret per profile and kind", and its
//! implementation on top of any `keyring-core` credential store.

mod keyring_errors;
mod keyring_vault;
mod namespace;
mod platform_store;

use std::fmt;

use signing::Secret;

use crate::{ProfileError, ProfileName};

pub use keyring_vault::KeyringVault;
pub use namespace::KeyringNamespace;
pub use platform_store::platform_store;

/// The secrets a profile can have; each is a separate keyring entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SecretKind {
    AccessKeySecret,
    SecurityToken,
}

impl SecretKind {
    pub const ALL: [SecretKind; 2] = [SecretKind::AccessKeySecret, SecretKind::SecurityToken];

    /// The part of the keyring entry's account name after `<profile>/`.
    pub fn entry_suffix(self) -> &'static str {
        match self {
            Self::AccessKeySecret => "access-key-secret",
            Self::SecurityToken => "security-token",
        }
    }
}

impl fmt::Display for SecretKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.entry_suffix())
    }
}

/// One secret per (profile, kind). Implementations must be safe to share between threads.
///
/// Errors use the keychain codes: `keychain_unavailable`, `keychain_locked`, `keychain_failed`.
/// A missing entry is not an error here; the caller decides whether that means `secret_missing`.
pub trait SecretVault: fmt::Debug + Send + Sync {
    /// The stored secret, or `None` when there is no entry.
    fn read(&self, profile: &ProfileName, kind: SecretKind)
        -> Result<Option<Secret>, ProfileError>;

    /// Whether an entry exists, without reading its value where the store allows.
    fn contains(&self, profile: &ProfileName, kind: SecretKind) -> Result<bool, ProfileError>;

    /// Creates or replaces the entry.
    fn write(
        &self,
        profile: &ProfileName,
        kind: SecretKind,
        value: &Secret,
    ) -> Result<(), ProfileError>;

    /// Deletes the entry; deleting a missing entry succeeds.
    fn remove(&self, profile: &ProfileName, kind: SecretKind) -> Result<(), ProfileError>;
}
