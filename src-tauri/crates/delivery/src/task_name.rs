//! Delivery task names: 3–16 characters of `a-z`, `0-9` and `-`, starting and ending with a
//! letter or digit (`^[a-z0-9][a-z0-9-]{1,14}[a-z0-9]$`).

use ts_rs::TS;

use crate::error::DeliveryError;
use crate::string_newtype::string_newtype;

/// A task name that satisfies the documented rules.
#[derive(Debug, Clone, PartialEq, Eq, Hash, TS)]
#[ts(export)]
pub struct TaskName(String);

string_newtype!(TaskName);

impl TaskName {
    pub const MIN_CHARS: usize = 3;
    pub const MAX_CHARS: usize = 16;

    pub fn parse(raw: &str) -> Result<Self, DeliveryError> {
        let invalid = DeliveryError::InvalidTaskName;
        let count = raw.chars().count();
        if count == 0 {
            return Err(invalid("The task name is empty.".into()));
        }
        if let Some((index, ch)) = raw
            .chars()
            .enumerate()
            .find(|(_, ch)| !(ch.is_ascii_lowercase() || ch.is_ascii_digit() || *ch == '-'))
        {
            return Err(invalid(format!(
                "Task names use lowercase letters, digits and hyphens only: '{ch}' at position {}.",
                index + 1
            )));
        }
        if !(Self::MIN_CHARS..=Self::MAX_CHARS).contains(&count) {
            return Err(invalid(format!(
                "Task names have 3 to 16 characters; this one has {count}."
            )));
        }
        if raw.starts_with('-') || raw.ends_with('-') {
            return Err(invalid(
                "Task names start and end with a letter or digit, not a hyphen.".into(),
            ));
        }
        Ok(Self(raw.to_owned()))
    }
}
