//! The keyring service name all of the app's entries share.
//!
//! The app passes its bundle identifier; test and E2E builds use a different identifier, so a
//! test run can never read, overwrite or delete a release build's secrets.

use std::fmt;

use crate::ProfileError;

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct KeyringNamespace(String);

impl KeyringNamespace {
    /// 1 to 128 visible ASCII characters without `/` (which separates profile and secret kind).
    pub fn new(value: &str) -> Result<Self, ProfileError> {
        let invalid = |reason| ProfileError::InvalidKeyringNamespace { reason };
        if value.is_empty() {
            return Err(invalid("it is empty"));
        }
        if value.len() > 128 {
            return Err(invalid("it is longer than 128 characters"));
        }
        if !value.bytes().all(|b| b.is_ascii_graphic() && b != b'/') {
            return Err(invalid("use visible ASCII characters other than '/'"));
        }
        Ok(Self(value.to_owned()))
    }

    /// The keyring service name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for KeyringNamespace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeyringNamespace({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_a_bundle_identifier_and_rejects_slashes_and_spaces() {
        assert_eq!(
            KeyringNamespace::new("com.example.studio.e2e")
                .expect("ok")
                .as_str(),
            "com.example.studio.e2e"
        );
        for bad in ["", "a/b", "a b"] {
            let error = KeyringNamespace::new(bad).expect_err(bad);
            assert_eq!(error.code(), "invalid_keyring_namespace");
        }
    }
}
