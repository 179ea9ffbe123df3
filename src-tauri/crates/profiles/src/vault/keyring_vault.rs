//! `SecretVault` over a `keyring-core` credential store: the OS keyring in the app, the
//! real Secret Service in the keyring tests, keyring-core's mock store in the unit tests.
//!
//! Entry naming: service `<namespace>`, account `<profile>/access-key-secret` or
//! `<profile>/security-token`, so every entry of a build sits under its own namespace.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use keyring_core::{CredentialStore, Entry};
use signing::Secret;

use super::keyring_errors::entry_error;
use super::{platform_store, KeyringNamespace, SecretKind, SecretVault};
use crate::{ProfileError, ProfileName};

enum StoreSource {
    Given(Arc<CredentialStore>),
    /// Connected on first use and retried while it fails, so starting the keyring daemon
    /// after the app fixes things without a restart.
    Platform(Mutex<Option<Arc<CredentialStore>>>),
}

pub struct KeyringVault {
    source: StoreSource,
    namespace: KeyringNamespace,
}

impl KeyringVault {
    /// The OS keyring, connected lazily.
    pub fn platform(namespace: KeyringNamespace) -> Self {
        Self {
            source: StoreSource::Platform(Mutex::new(None)),
            namespace,
        }
    }

    /// A given store, e.g. `keyring_core::mock::Store::new()` in tests.
    pub fn with_store(store: Arc<CredentialStore>, namespace: KeyringNamespace) -> Self {
        Self {
            source: StoreSource::Given(store),
            namespace,
        }
    }

    pub fn namespace(&self) -> &KeyringNamespace {
        &self.namespace
    }

    /// The keyring account name of one secret.
    pub fn account(profile: &ProfileName, kind: SecretKind) -> String {
        format!("{profile}/{}", kind.entry_suffix())
    }

    fn store(&self) -> Result<Arc<CredentialStore>, ProfileError> {
        match &self.source {
            StoreSource::Given(store) => Ok(store.clone()),
            StoreSource::Platform(slot) => {
                let mut slot = slot.lock().unwrap_or_else(PoisonError::into_inner);
                if let Some(store) = slot.as_ref() {
                    return Ok(store.clone());
                }
                let store = platform_store()?;
                *slot = Some(store.clone());
                Ok(store)
            }
        }
    }

    fn entry(&self, profile: &ProfileName, kind: SecretKind) -> Result<Entry, ProfileError> {
        self.store()?
            .build(self.namespace.as_str(), &Self::account(profile, kind), None)
            .map_err(|e| entry_error(&e))
    }
}

impl SecretVault for KeyringVault {
    fn read(
        &self,
        profile: &ProfileName,
        kind: SecretKind,
    ) -> Result<Option<Secret>, ProfileError> {
        match self.entry(profile, kind)?.get_password() {
            Ok(text) => Ok(Some(Secret::new(text))),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(error) => Err(entry_error(&error)),
        }
    }

    fn contains(&self, profile: &ProfileName, kind: SecretKind) -> Result<bool, ProfileError> {
        match self.entry(profile, kind)?.get_credential() {
            Ok(_) => Ok(true),
            Err(keyring_core::Error::NoEntry) => Ok(false),
            Err(error) => Err(entry_error(&error)),
        }
    }

    fn write(
        &self,
        profile: &ProfileName,
        kind: SecretKind,
        value: &Secret,
    ) -> Result<(), ProfileError> {
        self.entry(profile, kind)?
            .set_password(value.expose_secret())
            .map_err(|e| entry_error(&e))
    }

    fn remove(&self, profile: &ProfileName, kind: SecretKind) -> Result<(), ProfileError> {
        match self.entry(profile, kind)?.delete_credential() {
            Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(error) => Err(entry_error(&error)),
        }
    }
}

impl fmt::Debug for KeyringVault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = match self.source {
            StoreSource::Given(_) => "given store",
            StoreSource::Platform(_) => "platform store",
        };
        f.debug_struct("KeyringVault")
            .field("source", &source)
            .field("namespace", &self.namespace)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vault() -> KeyringVault {
        let store = keyring_core::mock::Store::new().expect("mock store");
        KeyringVault::with_store(store, KeyringNamespace::new("test.ns").expect("ns"))
    }

    fn name(text: &str) -> ProfileName {
        ProfileName::parse(text).expect("name")
    }

    #[test]
    fn writes_reads_and_removes_one_entry_per_kind() {
        let vault = vault();
        let prod = name("prod");
        vault
            .write(&prod, SecretKind::AccessKeySecret, &Secret::from("s1"))
            .expect("write");
        assert!(vault
            .contains(&prod, SecretKind::AccessKeySecret)
            .expect("contains"));
        assert!(!vault
            .contains(&prod, SecretKind::SecurityToken)
            .expect("contains"));
        let read = vault
            .read(&prod, SecretKind::AccessKeySecret)
            .expect("read");
        assert_eq!(read, Some(Secret::from("s1")));
        vault
            .remove(&prod, SecretKind::AccessKeySecret)
            .expect("remove");
        assert_eq!(
            vault
                .read(&prod, SecretKind::AccessKeySecret)
                .expect("read"),
            None
        );
        vault
            .remove(&prod, SecretKind::AccessKeySecret)
            .expect("removing a missing entry succeeds");
    }

    #[test]
    fn entries_are_named_after_the_profile_and_the_secret_kind() {
        assert_eq!(
            KeyringVault::account(&name("prod"), SecretKind::SecurityToken),
            "prod/security-token"
        );
    }

    #[test]
    fn a_locked_store_reports_keychain_locked() {
        use keyring_core::api::CredentialStoreApi;
        let store = keyring_core::mock::Store::new().expect("mock store");
        let vault =
            KeyringVault::with_store(store.clone(), KeyringNamespace::new("ns").expect("ns"));
        let entry = store
            .build("ns", "prod/access-key-secret", None)
            .expect("entry");
        let mock: &keyring_core::mock::Cred = entry.as_any().downcast_ref().expect("mock cred");
        mock.set_error(keyring_core::Error::NoStorageAccess(Box::new(
            std::io::Error::other("locked"),
        )));
        let error = vault
            .read(&name("prod"), SecretKind::AccessKeySecret)
            .expect_err("locked");
        assert_eq!(error.code(), "keychain_locked");
    }
}
