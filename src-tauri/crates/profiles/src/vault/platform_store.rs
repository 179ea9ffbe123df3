//! The operating system's credential store: Secret Service on Linux, the login keychain on
//! macOS, Credential Manager on Windows. Chosen at compile time by target (see Cargo.toml).

use std::sync::Arc;

use keyring_core::CredentialStore;

use super::keyring_errors::store_creation_error;
use crate::ProfileError;

/// Connects to this OS's credential store.
#[cfg(target_os = "linux")]
pub fn platform_store() -> Result<Arc<CredentialStore>, ProfileError> {
    let store =
        zbus_secret_service_keyring_store::Store::new().map_err(|e| store_creation_error(&e))?;
    Ok(store)
}

/// Connects to this OS's credential store.
#[cfg(target_os = "macos")]
pub fn platform_store() -> Result<Arc<CredentialStore>, ProfileError> {
    let store =
        apple_native_keyring_store::keychain::Store::new().map_err(|e| store_creation_error(&e))?;
    Ok(store)
}

/// Connects to this OS's credential store.
#[cfg(target_os = "windows")]
pub fn platform_store() -> Result<Arc<CredentialStore>, ProfileError> {
    let store = windows_native_keyring_store::Store::new().map_err(|e| store_creation_error(&e))?;
    Ok(store)
}

/// No supported credential store on this OS.
#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
pub fn platform_store() -> Result<Arc<CredentialStore>, ProfileError> {
    let _ = store_creation_error;
    Err(ProfileError::KeychainUnavailable {
        detail: "this operating system has no supported keychain".into(),
    })
}
