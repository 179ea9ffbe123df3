//! Where profile secrets are kept: the OS keyring, under a namespace per build identifier so
//! test builds never touch a release build's entries.

use std::sync::Arc;

use profiles::{KeyringNamespace, KeyringVault, SecretVault};

use crate::IpcError;

/// The OS keyring (Keychain, Credential Manager, Secret Service) for app `identifier`.
pub fn os_keyring(identifier: &str) -> Result<Arc<dyn SecretVault>, IpcError> {
    let namespace = KeyringNamespace::new(identifier)?;
    Ok(Arc::new(KeyringVault::platform(namespace)))
}

/// An in-memory keyring for tests of the IPC layer (never compiled into the app).
#[cfg(feature = "test-support")]
pub fn in_memory(identifier: &str) -> Arc<dyn SecretVault> {
    let store = keyring_core::mock::Store::new().expect("the mock store always builds");
    let namespace = KeyringNamespace::new(identifier).expect("a valid test namespace");
    Arc::new(KeyringVault::with_store(store, namespace))
}
