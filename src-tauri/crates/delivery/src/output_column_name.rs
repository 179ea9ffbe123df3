//! Names of columns in the Parquet file (`ossColumnName`).
//!
//! The SDKs only require a non-empty name. We also refuse names that engines reading the files
//! mishandle silently: surrounding whitespace and control characters.

use ts_rs::TS;

use crate::error::DeliveryError;
use crate::string_newtype::string_newtype;

/// A usable Parquet column name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, TS)]
#[ts(export)]
pub struct OutputColumnName(String);

string_newtype!(OutputColumnName);

impl OutputColumnName {
    pub const MAX_BYTES: usize = 255;

    pub fn parse(raw: &str) -> Result<Self, DeliveryError> {
        let invalid = DeliveryError::InvalidOutputColumnName;
        if raw.is_empty() {
            return Err(invalid("An output column name is empty.".into()));
        }
        if raw.trim() != raw {
            return Err(invalid(format!(
                "The output column name '{raw}' starts or ends with whitespace."
            )));
        }
        if raw.chars().any(char::is_control) {
            return Err(invalid(format!(
                "The output column name '{}' contains a control character.",
                raw.escape_debug()
            )));
        }
        // Matches Tablestore's own column-name limit so any source name can be kept as is.
        if raw.len() > Self::MAX_BYTES {
            return Err(invalid(format!(
                "Output column names have at most 255 bytes; '{raw}' has {}.",
                raw.len()
            )));
        }
        Ok(Self(raw.to_owned()))
    }
}
