//! The five column types a Tablestore row can carry.

use serde::{Deserialize, Serialize};
use tablestore_wire::{PrimaryKeyValue, Value};
use ts_rs::TS;

/// A Tablestore column type, as seen on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[ts(export)]
pub enum TablestoreType {
    Integer,
    Double,
    Boolean,
    String,
    Binary,
}

impl TablestoreType {
    /// Every type, in a fixed order (also the index order used by counters).
    pub const ALL: [TablestoreType; 5] = [
        TablestoreType::Integer,
        TablestoreType::Double,
        TablestoreType::Boolean,
        TablestoreType::String,
        TablestoreType::Binary,
    ];

    /// Position in [`TablestoreType::ALL`], for fixed-size counters.
    pub fn index(self) -> usize {
        match self {
            TablestoreType::Integer => 0,
            TablestoreType::Double => 1,
            TablestoreType::Boolean => 2,
            TablestoreType::String => 3,
            TablestoreType::Binary => 4,
        }
    }

    /// The type of an attribute value.
    pub fn of_value(value: &Value) -> Self {
        match value {
            Value::Integer(_) => TablestoreType::Integer,
            Value::Double(_) => TablestoreType::Double,
            Value::Boolean(_) => TablestoreType::Boolean,
            Value::String(_) => TablestoreType::String,
            Value::Binary(_) => TablestoreType::Binary,
        }
    }

    /// The type of a primary-key value; `None` for the range bounds and the
    /// auto-increment placeholder, which never appear in stored rows.
    pub fn of_primary_key(value: &PrimaryKeyValue) -> Option<Self> {
        match value {
            PrimaryKeyValue::Integer(_) => Some(TablestoreType::Integer),
            PrimaryKeyValue::String(_) => Some(TablestoreType::String),
            PrimaryKeyValue::Binary(_) => Some(TablestoreType::Binary),
            PrimaryKeyValue::InfMin | PrimaryKeyValue::InfMax | PrimaryKeyValue::AutoIncrement => {
                None
            }
        }
    }

    /// The name the console and docs use.
    pub fn label(self) -> &'static str {
        match self {
            TablestoreType::Integer => "INTEGER",
            TablestoreType::Double => "DOUBLE",
            TablestoreType::Boolean => "BOOLEAN",
            TablestoreType::String => "STRING",
            TablestoreType::Binary => "BINARY",
        }
    }
}

impl std::fmt::Display for TablestoreType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}
