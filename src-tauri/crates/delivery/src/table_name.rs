//! Tablestore table names: 1–255 bytes of `[A-Za-z_][A-Za-z0-9_]*`.

use ts_rs::TS;

use crate::error::DeliveryError;
use crate::string_newtype::string_newtype;

/// The source table's name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, TS)]
#[ts(export)]
pub struct TableName(String);

string_newtype!(TableName);

impl TableName {
    pub fn parse(raw: &str) -> Result<Self, DeliveryError> {
        let invalid = DeliveryError::InvalidTableName;
        let Some(first) = raw.chars().next() else {
            return Err(invalid("The table name is empty.".into()));
        };
        if raw.len() > 255 {
            return Err(invalid(format!(
                "Table names have at most 255 bytes; this one has {}.",
                raw.len()
            )));
        }
        if !(first.is_ascii_alphabetic() || first == '_') {
            return Err(invalid(format!(
                "Table names start with a letter or '_', not '{first}'."
            )));
        }
        if let Some(ch) = raw
            .chars()
            .find(|ch| !(ch.is_ascii_alphanumeric() || *ch == '_'))
        {
            return Err(invalid(format!(
                "Table names use letters, digits and '_' only, not '{ch}'."
            )));
        }
        Ok(Self(raw.to_owned()))
    }
}
