//! The Parquet output preview: the sampled rows rendered by the domain crate into a real
//! Parquet file in memory, then read back, so the user sees what the file holds rather than
//! what we think it holds.

use delivery::ParquetType;
use serde::Serialize;
use ts_rs::TS;

/// One column of the rendered file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewColumn {
    /// The output name, as written in the file's schema.
    pub name: String,
    pub parquet_type: ParquetType,
    /// The file's physical and logical type as a Parquet reader reports it, e.g. `INT64`,
    /// `BYTE_ARRAY (String)`.
    pub file_type: String,
    /// Sampled values dropped as dirty data for this column.
    #[ts(type = "number")]
    pub dirty_values: u64,
}

/// The first rows of the rendered file, every value as display text (`null` when absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ParquetPreview {
    pub columns: Vec<PreviewColumn>,
    /// Row-major; at most the requested number of rows.
    pub rows: Vec<Vec<Option<String>>>,
    /// Rows in the rendered file (all cached sampled rows).
    #[ts(type = "number")]
    pub total_rows: u64,
    /// Size of the rendered file.
    #[ts(type = "number")]
    pub file_bytes: u64,
}
