//! The OSS prefix: a folder path with optional time variables `$yyyy $MM $dd $HH $mm`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::civil_time::CivilTime;
use crate::error::DeliveryError;
use crate::string_newtype::string_newtype;

/// One of the five documented time variables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum TimeVariable {
    Year,
    Month,
    Day,
    Hour,
    Minute,
}

impl TimeVariable {
    /// Spelling after the `$`, longest first is irrelevant: no spelling is a prefix of another.
    const SPELLINGS: [(&'static str, TimeVariable); 5] = [
        ("yyyy", TimeVariable::Year),
        ("MM", TimeVariable::Month),
        ("dd", TimeVariable::Day),
        ("HH", TimeVariable::Hour),
        ("mm", TimeVariable::Minute),
    ];

    /// The variable as written in a prefix, `$` included.
    pub fn token(self) -> &'static str {
        match self {
            TimeVariable::Year => "$yyyy",
            TimeVariable::Month => "$MM",
            TimeVariable::Day => "$dd",
            TimeVariable::Hour => "$HH",
            TimeVariable::Minute => "$mm",
        }
    }

    /// The zero-padded value for a civil time.
    pub fn expand(self, time: &CivilTime) -> String {
        match self {
            TimeVariable::Year => format!("{:04}", time.year),
            TimeVariable::Month => format!("{:02}", time.month),
            TimeVariable::Day => format!("{:02}", time.day),
            TimeVariable::Hour => format!("{:02}", time.hour),
            TimeVariable::Minute => format!("{:02}", time.minute),
        }
    }
}

/// A piece of a parsed prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrefixPart {
    Literal(String),
    Variable(TimeVariable),
}

/// A prefix that satisfies the object-key rules and uses only known variables.
#[derive(Debug, Clone, PartialEq, Eq, Hash, TS)]
#[ts(export)]
pub struct OssPrefix(String);

string_newtype!(OssPrefix);

impl OssPrefix {
    /// OSS object keys are at most 1023 bytes of UTF-8.
    pub const MAX_BYTES: usize = 1023;

    pub fn parse(raw: &str) -> Result<Self, DeliveryError> {
        let invalid = DeliveryError::InvalidPrefix;
        if raw.is_empty() {
            return Err(invalid(
                "The prefix is empty; the service requires a folder to write into.".into(),
            ));
        }
        if raw.starts_with('/') || raw.starts_with('\\') {
            return Err(invalid(
                "The prefix starts with '/' or '\\', which OSS object keys may not.".into(),
            ));
        }
        if raw.len() > Self::MAX_BYTES {
            return Err(invalid(format!(
                "The prefix has {} bytes; OSS object keys have at most 1023.",
                raw.len()
            )));
        }
        split_parts(raw)?;
        Ok(Self(raw.to_owned()))
    }

    /// The prefix as literal text and variables, in order.
    pub fn parts(&self) -> Vec<PrefixPart> {
        split_parts(&self.0).unwrap_or_default()
    }

    /// The distinct variables used, coarsest first.
    pub fn variables(&self) -> Vec<TimeVariable> {
        let mut found: Vec<TimeVariable> = self
            .parts()
            .into_iter()
            .filter_map(|part| match part {
                PrefixPart::Variable(variable) => Some(variable),
                PrefixPart::Literal(_) => None,
            })
            .collect();
        found.sort();
        found.dedup();
        found
    }

    /// The prefix with every variable replaced by its value at `time`.
    pub fn expand(&self, time: &CivilTime) -> String {
        self.parts()
            .into_iter()
            .map(|part| match part {
                PrefixPart::Literal(text) => text,
                PrefixPart::Variable(variable) => variable.expand(time),
            })
            .collect()
    }
}

fn split_parts(raw: &str) -> Result<Vec<PrefixPart>, DeliveryError> {
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut rest = raw;
    while let Some(dollar) = rest.find('$') {
        literal.push_str(&rest[..dollar]);
        let after = &rest[dollar + 1..];
        let Some((spelling, variable)) = TimeVariable::SPELLINGS
            .iter()
            .find(|(spelling, _)| after.starts_with(spelling))
        else {
            let word: String = after
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            if word.is_empty() {
                let position = raw[..raw.len() - rest.len() + dollar].chars().count() + 1;
                return Err(DeliveryError::MalformedPrefixVariable(position));
            }
            return Err(DeliveryError::UnknownTimeVariable(format!("${word}")));
        };
        if !literal.is_empty() {
            parts.push(PrefixPart::Literal(std::mem::take(&mut literal)));
        }
        parts.push(PrefixPart::Variable(*variable));
        rest = &after[spelling.len()..];
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        parts.push(PrefixPart::Literal(literal));
    }
    Ok(parts)
}
