//! Profile names, and the id that also covers the built-in sandbox profile.
//!
//! Rules for a stored profile's name, and why:
//! - 1 to 64 characters: fits a list row and every keyring's account field.
//! - ASCII letters, digits, `-`, `_`, `.` only, starting with a letter or digit: the name
//!   becomes part of a keyring entry name, and `/` separates the profile from the secret kind.
//! - Not `sandbox` in any letter case: that name belongs to the built-in sandbox profile.
//! - Names are unique ignoring case (checked by the store), because Windows Credential Manager
//!   treats `Prod` and `prod` as the same entry.

use std::fmt;

use ts_rs::TS;

use crate::string_serde::serde_as_parsed_string;

use crate::ProfileError;

/// The name of the built-in sandbox profile, reserved in every letter case.
pub const SANDBOX_PROFILE_NAME: &str = "sandbox";

/// The name of a profile the user stored. It can never be the sandbox's name.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, TS)]
#[ts(export, type = "string")]
pub struct ProfileName(String);

impl ProfileName {
    /// Longest name accepted.
    pub const MAX_LEN: usize = 64;

    /// Checks every naming rule; the error names the first one broken.
    pub fn parse(value: &str) -> Result<Self, ProfileError> {
        let invalid = |reason: String| ProfileError::InvalidProfileName { reason };
        if value.is_empty() {
            return Err(invalid("it is empty".into()));
        }
        let length = value.chars().count();
        if length > Self::MAX_LEN {
            return Err(invalid(format!(
                "it has {length} characters, more than {}",
                Self::MAX_LEN
            )));
        }
        for (index, c) in value.chars().enumerate() {
            let position = index + 1;
            let allowed = c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
            if !allowed {
                return Err(invalid(format!(
                    "{} at position {position} is not a letter, digit, '-', '_' or '.'",
                    describe_char(c)
                )));
            }
            if index == 0 && !c.is_ascii_alphanumeric() {
                return Err(invalid(format!(
                    "it starts with '{c}'; start with a letter or digit"
                )));
            }
        }
        if value.eq_ignore_ascii_case(SANDBOX_PROFILE_NAME) {
            return Err(ProfileError::ReservedProfileName {
                name: value.to_owned(),
            });
        }
        Ok(Self(value.to_owned()))
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key two names collide on (see the module doc for why case is ignored).
    pub fn collision_key(&self) -> String {
        self.0.to_ascii_lowercase()
    }
}

fn describe_char(c: char) -> String {
    if c.is_whitespace() {
        "a space".into()
    } else if c.is_control() {
        format!("the control character U+{:04X}", u32::from(c))
    } else {
        format!("'{c}'")
    }
}

impl TryFrom<String> for ProfileName {
    type Error = ProfileError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<ProfileName> for String {
    fn from(name: ProfileName) -> Self {
        name.0
    }
}

impl fmt::Debug for ProfileName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ProfileName({})", self.0)
    }
}

impl fmt::Display for ProfileName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which profile a command is about: the built-in sandbox or a stored one.
///
/// Crosses IPC as a plain string: `"sandbox"` (any case) or a stored profile's name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, TS)]
#[ts(export, type = "string")]
pub enum ProfileId {
    /// The built-in profile that points at the in-process sandbox.
    Sandbox,
    /// A profile the user created or imported.
    Stored(ProfileName),
}

impl ProfileId {
    /// `sandbox` in any case is the sandbox; anything else must be a valid stored name.
    pub fn parse(value: &str) -> Result<Self, ProfileError> {
        if value.eq_ignore_ascii_case(SANDBOX_PROFILE_NAME) {
            Ok(Self::Sandbox)
        } else {
            ProfileName::parse(value).map(Self::Stored)
        }
    }

    /// The stored profile's name, or an error saying the sandbox profile is read-only.
    pub fn into_stored(self) -> Result<ProfileName, ProfileError> {
        match self {
            Self::Sandbox => Err(ProfileError::SandboxProfileReadOnly),
            Self::Stored(name) => Ok(name),
        }
    }

    /// The name shown to the user.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Sandbox => SANDBOX_PROFILE_NAME,
            Self::Stored(name) => name.as_str(),
        }
    }
}

impl TryFrom<String> for ProfileId {
    type Error = ProfileError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<ProfileId> for String {
    fn from(id: ProfileId) -> Self {
        id.as_str().to_owned()
    }
}

impl From<ProfileName> for ProfileId {
    fn from(name: ProfileName) -> Self {
        Self::Stored(name)
    }
}

serde_as_parsed_string!(ProfileName);
serde_as_parsed_string!(ProfileId);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_letters_digits_and_the_three_punctuation_marks() {
        let name = ProfileName::parse("Prod_2.eu-west").expect("valid");
        assert_eq!(name.as_str(), "Prod_2.eu-west");
    }

    #[test]
    fn rejects_an_empty_name() {
        let error = ProfileName::parse("").expect_err("empty");
        assert_eq!(error.code(), "invalid_profile_name");
        assert_eq!(
            error.to_string(),
            "The profile name is not valid: it is empty."
        );
    }

    #[test]
    fn names_the_first_bad_character_and_its_position() {
        let error = ProfileName::parse("prod east").expect_err("space");
        assert_eq!(
            error.to_string(),
            "The profile name is not valid: a space at position 5 is not a letter, digit, '-', '_' or '.'."
        );
        let error = ProfileName::parse("a/b").expect_err("slash");
        assert!(error.to_string().contains("'/' at position 2"), "{error}");
    }

    #[test]
    fn rejects_a_leading_punctuation_mark() {
        let error = ProfileName::parse(".hidden").expect_err("dot first");
        assert!(error.to_string().contains("starts with '.'"), "{error}");
    }

    #[test]
    fn accepts_64_characters_and_rejects_65() {
        assert!(ProfileName::parse(&"a".repeat(64)).is_ok());
        let error = ProfileName::parse(&"a".repeat(65)).expect_err("too long");
        assert!(error.to_string().contains("65 characters"), "{error}");
    }

    #[test]
    fn the_sandbox_name_is_reserved_in_any_case() {
        for name in ["sandbox", "Sandbox", "SANDBOX"] {
            let error = ProfileName::parse(name).expect_err("reserved");
            assert_eq!(error.code(), "profile_name_reserved");
            assert_eq!(error.field(), Some("name"));
        }
        assert!(ProfileName::parse("sandbox2").is_ok());
    }

    #[test]
    fn a_profile_id_is_the_sandbox_or_a_stored_name() {
        assert_eq!(ProfileId::parse("SandBox").expect("id"), ProfileId::Sandbox);
        assert_eq!(
            ProfileId::parse("prod").expect("id"),
            ProfileId::Stored(ProfileName::parse("prod").expect("name"))
        );
        assert_eq!(
            ProfileId::Sandbox
                .into_stored()
                .expect_err("read-only")
                .code(),
            "sandbox_profile_read_only"
        );
    }

    #[test]
    fn names_cross_ipc_as_plain_strings_and_are_checked_on_the_way_in() {
        let name: ProfileName = serde_json::from_str("\"prod\"").expect("parses");
        assert_eq!(serde_json::to_string(&name).expect("json"), "\"prod\"");
        assert!(serde_json::from_str::<ProfileName>("\"bad name\"").is_err());
        let id: ProfileId = serde_json::from_str("\"sandbox\"").expect("parses");
        assert_eq!(id, ProfileId::Sandbox);
        assert_eq!(serde_json::to_string(&id).expect("json"), "\"sandbox\"");
    }

    proptest! {
        #[test]
        fn every_name_made_of_allowed_characters_parses_back_to_itself(
            name in "[A-Za-z0-9][A-Za-z0-9._-]{0,63}"
        ) {
            prop_assume!(!name.eq_ignore_ascii_case(SANDBOX_PROFILE_NAME));
            let parsed = ProfileName::parse(&name).expect("valid by construction");
            prop_assert_eq!(parsed.as_str(), name.as_str());
        }

        #[test]
        fn any_name_with_a_character_outside_the_set_is_rejected(
            prefix in "[a-z]{1,10}",
            bad in "[^A-Za-z0-9._-]",
            suffix in "[a-z]{0,10}",
        ) {
            let name = format!("{prefix}{bad}{suffix}");
            let error = ProfileName::parse(&name).expect_err("bad character");
            prop_assert_eq!(error.code(), "invalid_profile_name");
        }
    }
}
