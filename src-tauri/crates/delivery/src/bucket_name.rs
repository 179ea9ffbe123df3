//! OSS bucket names: 3–63 characters of `a-z`, `0-9` and `-`, starting and ending with a
//! letter or digit.

use ts_rs::TS;

use crate::error::DeliveryError;
use crate::string_newtype::string_newtype;

/// A bucket name OSS accepts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, TS)]
#[ts(export)]
pub struct BucketName(String);

string_newtype!(BucketName);

impl BucketName {
    pub fn parse(raw: &str) -> Result<Self, DeliveryError> {
        let invalid = DeliveryError::InvalidBucketName;
        if raw.is_empty() {
            return Err(invalid("The bucket name is empty.".into()));
        }
        if let Some(ch) = raw
            .chars()
            .find(|ch| !(ch.is_ascii_lowercase() || ch.is_ascii_digit() || *ch == '-'))
        {
            return Err(invalid(format!(
                "Bucket names use lowercase letters, digits and hyphens only, not '{ch}'."
            )));
        }
        if !(3..=63).contains(&raw.len()) {
            return Err(invalid(format!(
                "Bucket names have 3 to 63 characters; this one has {}.",
                raw.len()
            )));
        }
        if raw.starts_with('-') || raw.ends_with('-') {
            return Err(invalid(
                "Bucket names start and end with a letter or digit, not a hyphen.".into(),
            ));
        }
        Ok(Self(raw.to_owned()))
    }
}
