//! Tablestore instance names (spec tablestore.md: 3–16 characters, letters, digits and `-`,
//! starting with a letter, not ending with `-`).

use std::fmt;

use ts_rs::TS;

use crate::string_serde::serde_as_parsed_string;

use crate::ProfileError;

#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, TS)]
#[ts(export, type = "string")]
pub struct InstanceName(String);

impl InstanceName {
    const LENGTHS: std::ops::RangeInclusive<usize> = 3..=16;

    pub fn parse(value: &str) -> Result<Self, ProfileError> {
        let invalid = |reason: String| ProfileError::InvalidInstanceName { reason };
        let length = value.chars().count();
        if !Self::LENGTHS.contains(&length) {
            return Err(invalid(format!(
                "it has {length} characters; instance names have 3 to 16"
            )));
        }
        if let Some((index, c)) = value
            .chars()
            .enumerate()
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '-'))
        {
            return Err(invalid(format!(
                "'{c}' at position {} is not a letter, digit or '-'",
                index + 1
            )));
        }
        if !value.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Err(invalid("it must start with a letter".into()));
        }
        if value.ends_with('-') {
            return Err(invalid("it must not end with '-'".into()));
        }
        Ok(Self(value.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for InstanceName {
    type Error = ProfileError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<InstanceName> for String {
    fn from(name: InstanceName) -> Self {
        name.0
    }
}

impl fmt::Debug for InstanceName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "InstanceName({})", self.0)
    }
}

impl fmt::Display for InstanceName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

serde_as_parsed_string!(InstanceName);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_names_within_the_tablestore_rules() {
        for name in ["abc", "my-instance-01", "A1234567890bcdef"] {
            assert_eq!(InstanceName::parse(name).expect(name).as_str(), name);
        }
    }

    #[test]
    fn rejects_each_broken_rule_with_its_reason() {
        let cases = [
            ("ab", "it has 2 characters"),
            ("a234567890abcdefg", "it has 17 characters"),
            ("1abc", "start with a letter"),
            ("abc-", "not end with '-'"),
            ("ab_c", "'_' at position 3"),
        ];
        for (input, expected) in cases {
            let error = InstanceName::parse(input).expect_err(input);
            assert_eq!(error.code(), "invalid_instance_name");
            assert!(error.to_string().contains(expected), "{input}: {error}");
        }
    }

    proptest! {
        #[test]
        fn every_name_following_the_rules_parses(name in "[A-Za-z][A-Za-z0-9-]{1,14}[A-Za-z0-9]") {
            let parsed = InstanceName::parse(&name).expect("valid");
            prop_assert_eq!(parsed.as_str(), name.as_str());
        }
    }
}
