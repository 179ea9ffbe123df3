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

use bytes::Bytes;
use delivery::parquet_render::{render_parquet, RenderOptions};
use delivery::{OutputColumnName, ParquetSchema, SchemaEntry, TaskDraft};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use tablestore_wire::Row;

use crate::{ErrorCode, IpcError};

/// Renders `rows` with the draft's schema and reads the first `max_rows` back from the bytes.
pub fn render_preview(
    draft: &TaskDraft,
    rows: &[Row],
    max_rows: usize,
) -> Result<ParquetPreview, IpcError> {
    let schema = preview_schema(draft)?;
    let rendered = render_parquet(&schema, rows, &RenderOptions::default())
        .map_err(|error| invalid(error.message()))?;
    let file_bytes = rendered.bytes.len() as u64;
    let reader = SerializedFileReader::new(Bytes::from(rendered.bytes))
        .map_err(|error| internal_read_failure(&error))?;
    let descriptor = reader.metadata().file_metadata().schema_descr_ptr();
    let columns = schema
        .entries()
        .iter()
        .zip(descriptor.columns())
        .zip(&rendered.dirty_fields)
        .map(|((entry, column), dirty)| PreviewColumn {
            name: column.name().to_owned(),
            parquet_type: entry.parquet_type,
            file_type: match column.logical_type_ref() {
                Some(logical) => format!("{} ({logical:?})", column.physical_type()),
                None => column.physical_type().to_string(),
            },
            dirty_values: *dirty,
        })
        .collect();
    let mut shown = Vec::new();
    for row in reader
        .get_row_iter(None)
        .map_err(|error| internal_read_failure(&error))?
        .take(max_rows)
    {
        let row = row.map_err(|error| internal_read_failure(&error))?;
        shown.push(
            row.get_column_iter()
                .map(|(_, field)| display(field))
                .collect(),
        );
    }
    Ok(ParquetPreview {
        columns,
        rows: shown,
        total_rows: rendered.rows,
        file_bytes,
    })
}

/// The draft's schema as far as a file can be written: every entry typed and named validly.
/// (Type pairs are not judged here: the preview shows what a mismatched pair leaves empty.)
fn preview_schema(draft: &TaskDraft) -> Result<ParquetSchema, IpcError> {
    let mut entries = Vec::with_capacity(draft.schema.len());
    for entry in &draft.schema {
        let parquet_type = entry.parquet_type.ok_or_else(|| {
            invalid(format!(
                "The column '{}' has no Parquet type yet.",
                entry.source_column
            ))
        })?;
        let output = OutputColumnName::parse(&entry.output_name)
            .map_err(|error| invalid(error.message()))?;
        entries.push(SchemaEntry::new(
            entry.source_column.clone(),
            output,
            parquet_type,
        ));
    }
    ParquetSchema::new(entries).map_err(|error| invalid(error.message()))
}

fn display(field: &Field) -> Option<String> {
    match field {
        Field::Null => None,
        Field::Str(text) => Some(text.clone()),
        Field::Bytes(bytes) => Some(format!("<{} bytes>", bytes.data().len())),
        other => Some(other.to_string()),
    }
}

fn invalid(message: String) -> IpcError {
    IpcError::new(ErrorCode::InvalidDraft, message)
        .with_remedy("Fix the mapping in the Mapper step, then preview again.")
}

fn internal_read_failure(error: &parquet::errors::ParquetError) -> IpcError {
    IpcError::new(
        ErrorCode::Internal,
        format!("The rendered preview could not be read back: {error}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use delivery::{ParquetType, SchemaEntryDraft};
    use tablestore_wire::{Cell, PrimaryKeyValue, Value};

    fn row(id: i64, price: Option<Value>) -> Row {
        Row {
            primary_key: vec![("id".into(), PrimaryKeyValue::Integer(id))],
            cells: price
                .into_iter()
                .map(|value| Cell {
                    name: "price".into(),
                    value: Some(value),
                    timestamp: None,
                })
                .collect(),
        }
    }

    fn entry(source: &str, output: &str, parquet_type: ParquetType) -> SchemaEntryDraft {
        SchemaEntryDraft {
            source_column: source.into(),
            output_name: output.into(),
            parquet_type: Some(parquet_type),
        }
    }

    #[test]
    fn the_preview_reads_back_the_rendered_rows_with_mismatched_values_left_empty() {
        let draft = TaskDraft {
            schema: vec![
                entry("id", "order_id", ParquetType::Int64),
                entry("price", "price", ParquetType::Double),
            ],
            ..TaskDraft::default()
        };
        let rows = [
            row(1, Some(Value::Double(9.5))),
            row(2, Some(Value::String("n/a".into()))),
            row(3, None),
        ];
        let preview = render_preview(&draft, &rows, 2).expect("renders");
        assert_eq!(preview.total_rows, 3);
        assert_eq!(preview.columns[0].name, "order_id");
        assert_eq!(preview.columns[0].file_type, "INT64");
        assert_eq!(preview.columns[1].dirty_values, 1);
        assert_eq!(
            preview.rows,
            vec![
                vec![Some("1".to_owned()), Some("9.5".to_owned())],
                vec![Some("2".to_owned()), None],
            ]
        );
        assert!(preview.file_bytes > 4, "{}", preview.file_bytes);
    }

    #[test]
    fn an_untyped_entry_is_refused_with_the_column_named() {
        let draft = TaskDraft {
            schema: vec![SchemaEntryDraft {
                source_column: "price".into(),
                output_name: "price".into(),
                parquet_type: None,
            }],
            ..TaskDraft::default()
        };
        let error = render_preview(&draft, &[], 10).expect_err("untyped");
        assert_eq!(error.code, ErrorCode::InvalidDraft);
        assert!(error.message.contains("'price'"), "{}", error.message);
    }
}
