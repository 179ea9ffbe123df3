//! The Parquet schema of a task: an ordered list of (source column, output name, type).
//! Output columns appear in the file in this order, not in the table's order.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::DeliveryError;
use crate::output_column_name::OutputColumnName;
use crate::parquet_type::ParquetType;

/// One output column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SchemaEntry {
    /// The table column read (`columnName`).
    pub source_column: String,
    /// The column name in the Parquet file (`ossColumnName`).
    pub output_name: OutputColumnName,
    pub parquet_type: ParquetType,
}

impl SchemaEntry {
    pub fn new(
        source_column: impl Into<String>,
        output_name: OutputColumnName,
        parquet_type: ParquetType,
    ) -> Self {
        Self {
            source_column: source_column.into(),
            output_name,
            parquet_type,
        }
    }
}

/// A non-empty schema whose output names are unique (also ignoring case) and whose entries all
/// name a source column. Type pairs are judged separately, against what is known of the table.
#[derive(Debug, Clone, PartialEq, Eq, TS)]
#[ts(export)]
pub struct ParquetSchema(Vec<SchemaEntry>);

impl ParquetSchema {
    pub fn new(entries: Vec<SchemaEntry>) -> Result<Self, DeliveryError> {
        if entries.is_empty() {
            return Err(DeliveryError::EmptySchema);
        }
        if entries.iter().any(|entry| entry.source_column.is_empty()) {
            return Err(DeliveryError::MissingSourceColumn);
        }
        if let Some(error) = first_name_clash(&entries) {
            return Err(error);
        }
        Ok(Self(entries))
    }

    pub fn entries(&self) -> &[SchemaEntry] {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Never true: an empty schema does not parse. Present for API symmetry.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The first duplicate (exact, then case-insensitive) among output names, as an error.
pub fn first_name_clash(entries: &[SchemaEntry]) -> Option<DeliveryError> {
    for (index, entry) in entries.iter().enumerate() {
        for earlier in &entries[..index] {
            if earlier.output_name == entry.output_name {
                return Some(DeliveryError::DuplicateOutputColumn(
                    entry.output_name.to_string(),
                ));
            }
            if earlier
                .output_name
                .as_str()
                .eq_ignore_ascii_case(entry.output_name.as_str())
            {
                return Some(DeliveryError::OutputColumnsDifferOnlyInCase(
                    earlier.output_name.to_string(),
                    entry.output_name.to_string(),
                ));
            }
        }
    }
    None
}

impl TryFrom<Vec<SchemaEntry>> for ParquetSchema {
    type Error = DeliveryError;
    fn try_from(entries: Vec<SchemaEntry>) -> Result<Self, Self::Error> {
        Self::new(entries)
    }
}

impl From<ParquetSchema> for Vec<SchemaEntry> {
    fn from(schema: ParquetSchema) -> Self {
        schema.0
    }
}

// By hand: ts-rs cannot read `#[serde(try_from)]`, and deserialising must re-check the rules.
impl Serialize for ParquetSchema {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ParquetSchema {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let entries = Vec::<SchemaEntry>::deserialize(deserializer)?;
        Self::new(entries).map_err(serde::de::Error::custom)
    }
}
