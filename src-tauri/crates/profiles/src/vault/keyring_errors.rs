//! Turning `keyring-core` errors into the crate's coded errors.
//!
//! Only `Display` text of platform errors is kept, never `Debug`: `BadEncoding` and
//! `BadDataFormat` carry the stored bytes, which are a secret.

use crate::ProfileError;

/// Maps an error from creating the platform store: any failure means no keychain to talk to.
pub fn store_creation_error(error: &keyring_core::Error) -> ProfileError {
    match error {
        keyring_core::Error::NoStorageAccess(inner) => ProfileError::KeychainLocked {
            detail: inner.to_string(),
        },
        keyring_core::Error::PlatformFailure(inner) => ProfileError::KeychainUnavailable {
            detail: inner.to_string(),
        },
        other => ProfileError::KeychainUnavailable {
            detail: safe_detail(other),
        },
    }
}

/// Maps an error from an entry operation. `NoEntry` must be handled by the caller first.
pub fn entry_error(error: &keyring_core::Error) -> ProfileError {
    match error {
        keyring_core::Error::NoStorageAccess(inner) => ProfileError::KeychainLocked {
            detail: inner.to_string(),
        },
        keyring_core::Error::NoDefaultStore => ProfileError::KeychainUnavailable {
            detail: safe_detail(error),
        },
        keyring_core::Error::PlatformFailure(inner) if looks_like_missing_service(inner) => {
            ProfileError::KeychainUnavailable {
                detail: inner.to_string(),
            }
        }
        other => ProfileError::KeychainFailed {
            detail: safe_detail(other),
        },
    }
}

/// When the keyring daemon goes away mid-session, D-Bus answers that nobody owns the name.
fn looks_like_missing_service(inner: &keyring_core::error::PlatformError) -> bool {
    let text = inner.to_string();
    text.contains("ServiceUnknown") || text.contains("NameHasNoOwner")
}

fn safe_detail(error: &keyring_core::Error) -> String {
    match error {
        keyring_core::Error::BadEncoding(_) => "the stored secret is not text".into(),
        keyring_core::Error::BadDataFormat(..) => "the stored secret is malformed".into(),
        keyring_core::Error::Ambiguous(entries) => {
            format!("{} entries match where one was expected", entries.len())
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn platform(text: &str) -> keyring_core::error::PlatformError {
        Box::new(std::io::Error::other(text.to_owned()))
    }

    #[test]
    fn no_storage_access_means_the_keychain_is_locked() {
        let error = entry_error(&keyring_core::Error::NoStorageAccess(platform("Locked")));
        assert_eq!(error.code(), "keychain_locked");
    }

    #[test]
    fn a_platform_failure_when_connecting_means_the_keychain_is_unavailable() {
        let error = store_creation_error(&keyring_core::Error::PlatformFailure(platform(
            "no session bus",
        )));
        assert_eq!(error.code(), "keychain_unavailable");
        assert!(error.to_string().contains("no session bus"), "{error}");
    }

    #[test]
    fn stored_bytes_never_reach_the_message() {
        let error = entry_error(&keyring_core::Error::BadEncoding(b"hunter2\xff".to_vec()));
        assert_eq!(error.code(), "keychain_failed");
        assert!(!format!("{error} {error:?}").contains("hunter2"));
    }
}
