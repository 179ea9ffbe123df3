//! Renders rows to Parquet bytes the way the delivery service writes them, as far as the docs
//! say: output columns in schema order under their output names, the four documented types
//! (BOOLEAN, INT64, DOUBLE, BYTE_ARRAY annotated UTF8/String), PLAIN encoding, a missing value
//! as null, and a value whose type does not match the declared type dropped (null) as dirty
//! data. Unconfirmed details (nullability, compression, row-group size) are chosen as:
//! every column `optional`, uncompressed, one row group per [`RenderOptions::row_group_rows`].
//!
//! Uses parquet's low-level column writers; no arrow.

use std::sync::Arc;

use bytes::Bytes;
use parquet::basic::{
    Compression, ConvertedType, Encoding, LogicalType, Repetition, Type as PhysicalType,
};
use parquet::column::writer::ColumnWriter;
use parquet::data_type::ByteArray;
use parquet::file::properties::{WriterProperties, WriterVersion};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use tablestore_wire::{PrimaryKeyValue, Row, Value};

use crate::error::DeliveryError;
use crate::parquet_schema::ParquetSchema;
use crate::parquet_type::ParquetType;

/// Choices the service's own behaviour leaves open.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Rows per row group.
    pub row_group_rows: usize,
    /// The file's `created_by`.
    pub created_by: String,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            row_group_rows: 1024 * 1024,
            created_by: "Tablestore Delivery Studio preview".into(),
        }
    }
}

/// The rendered file and what was dropped on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedParquet {
    pub bytes: Vec<u8>,
    pub rows: u64,
    /// Per output column (schema order): values dropped as dirty data.
    pub dirty_fields: Vec<u64>,
}

/// Renders all `rows` at once.
pub fn render_parquet<'a>(
    schema: &ParquetSchema,
    rows: impl IntoIterator<Item = &'a Row>,
    options: &RenderOptions,
) -> Result<RenderedParquet, DeliveryError> {
    let mut renderer = ParquetRenderer::new(schema, options)?;
    for row in rows {
        renderer.push(row)?;
    }
    renderer.finish()
}

/// Values buffered for one output column in the current row group. Non-null values only;
/// `definition_levels` says which rows have one.
enum ColumnValues {
    Bool(Vec<bool>),
    Int64(Vec<i64>),
    Double(Vec<f64>),
    /// All strings of the row group back to back, with end offsets; sliced into `ByteArray`s
    /// at flush time so each string costs no allocation of its own.
    Utf8 {
        data: Vec<u8>,
        ends: Vec<usize>,
    },
}

struct OutputColumn {
    target: ParquetType,
    values: ColumnValues,
    definition_levels: Vec<i16>,
    dirty: u64,
    /// Whether the current row already decided this column (later cells are older versions).
    decided: bool,
}

impl OutputColumn {
    /// Appends a value if its type matches; otherwise counts it as dirty. Either way the
    /// column is decided for this row.
    fn take(&mut self, value: ValueRef<'_>) {
        self.decided = true;
        let kept = match (&mut self.values, value) {
            (ColumnValues::Bool(out), ValueRef::Bool(v)) => {
                out.push(v);
                true
            }
            (ColumnValues::Int64(out), ValueRef::Int(v)) => {
                out.push(v);
                true
            }
            (ColumnValues::Double(out), ValueRef::Double(v)) => {
                out.push(v);
                true
            }
            (ColumnValues::Utf8 { data, ends }, ValueRef::Str(v)) => {
                data.extend_from_slice(v.as_bytes());
                ends.push(data.len());
                true
            }
            _ => false,
        };
        if kept {
            self.definition_levels.push(1);
        } else {
            self.dirty += 1;
            self.definition_levels.push(0);
        }
    }

    /// Roughly the bytes this column's buffered values take once PLAIN-encoded.
    fn plain_bytes_estimate(&self) -> usize {
        let levels = self.definition_levels.len() / 4;
        levels
            + match &self.values {
                ColumnValues::Bool(v) => v.len() / 8,
                ColumnValues::Int64(v) => v.len() * 8,
                ColumnValues::Double(v) => v.len() * 8,
                ColumnValues::Utf8 { data, ends } => data.len() + ends.len() * 4,
            }
    }

    fn end_row(&mut self) {
        if !self.decided {
            self.definition_levels.push(0);
        }
        self.decided = false;
    }
}

/// A borrowed cell value of any origin (attribute or primary key).
#[derive(Clone, Copy)]
enum ValueRef<'a> {
    Bool(bool),
    Int(i64),
    Double(f64),
    Str(&'a str),
    Other,
}

/// A column name met in rows, and the output columns it feeds (none if unmapped).
struct KnownName {
    name: String,
    outputs: Vec<usize>,
}

/// Streaming renderer: push rows, then finish. Buffers one row group at a time.
pub struct ParquetRenderer {
    writer: SerializedFileWriter<Vec<u8>>,
    columns: Vec<OutputColumn>,
    known: Vec<KnownName>,
    /// Index into `known` last seen at each cell position (rows usually share column order).
    position_hint: Vec<usize>,
    buffered_rows: usize,
    total_rows: u64,
    row_group_rows: usize,
}

impl std::fmt::Debug for ParquetRenderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetRenderer")
            .field("columns", &self.columns.len())
            .field("total_rows", &self.total_rows)
            .finish_non_exhaustive()
    }
}

fn render_error(error: &parquet::errors::ParquetError) -> DeliveryError {
    DeliveryError::ParquetRender(format!("The Parquet writer failed: {error}."))
}

impl ParquetRenderer {
    pub fn new(schema: &ParquetSchema, options: &RenderOptions) -> Result<Self, DeliveryError> {
        let mut fields = Vec::with_capacity(schema.len());
        let mut columns = Vec::with_capacity(schema.len());
        let mut known: Vec<KnownName> = Vec::new();
        for (index, entry) in schema.entries().iter().enumerate() {
            let (physical, values) = match entry.parquet_type {
                ParquetType::Bool => (PhysicalType::BOOLEAN, ColumnValues::Bool(Vec::new())),
                ParquetType::Int64 => (PhysicalType::INT64, ColumnValues::Int64(Vec::new())),
                ParquetType::Double => (PhysicalType::DOUBLE, ColumnValues::Double(Vec::new())),
                ParquetType::Utf8 => (
                    PhysicalType::BYTE_ARRAY,
                    ColumnValues::Utf8 { data: Vec::new(), ends: Vec::new() },
                ),
                other => {
                    return Err(DeliveryError::ParquetRender(format!(
                        "Column '{}' is mapped to {other}; how the service writes that type is unconfirmed, so it cannot be previewed.",
                        entry.output_name
                    )))
                }
            };
            let mut builder = Type::primitive_type_builder(entry.output_name.as_str(), physical)
                .with_repetition(Repetition::OPTIONAL);
            if entry.parquet_type == ParquetType::Utf8 {
                builder = builder
                    .with_converted_type(ConvertedType::UTF8)
                    .with_logical_type(Some(LogicalType::String));
            }
            fields.push(Arc::new(builder.build().map_err(|e| render_error(&e))?));
            columns.push(OutputColumn {
                target: entry.parquet_type,
                values,
                definition_levels: Vec::new(),
                dirty: 0,
                decided: false,
            });
            match known.iter_mut().find(|k| k.name == entry.source_column) {
                Some(existing) => existing.outputs.push(index),
                None => known.push(KnownName {
                    name: entry.source_column.clone(),
                    outputs: vec![index],
                }),
            }
        }
        let root = Type::group_type_builder("schema")
            .with_fields(fields)
            .build()
            .map_err(|e| render_error(&e))?;
        let properties = WriterProperties::builder()
            .set_writer_version(WriterVersion::PARQUET_1_0)
            .set_compression(Compression::UNCOMPRESSED)
            .set_dictionary_enabled(false)
            .set_encoding(Encoding::PLAIN)
            .set_created_by(options.created_by.clone())
            .set_max_row_group_row_count(Some(options.row_group_rows.max(1)))
            .build();
        let writer = SerializedFileWriter::new(Vec::new(), Arc::new(root), Arc::new(properties))
            .map_err(|e| render_error(&e))?;
        Ok(Self {
            writer,
            columns,
            known,
            position_hint: Vec::new(),
            buffered_rows: 0,
            total_rows: 0,
            row_group_rows: options.row_group_rows.max(1),
        })
    }

    /// Adds one row; writes a row group when enough rows are buffered.
    pub fn push(&mut self, row: &Row) -> Result<(), DeliveryError> {
        for (position, (name, value)) in row.primary_key.iter().enumerate() {
            let value = match value {
                PrimaryKeyValue::Integer(v) => ValueRef::Int(*v),
                PrimaryKeyValue::String(v) => ValueRef::Str(v),
                _ => ValueRef::Other,
            };
            self.route(position, name, value);
        }
        let offset = row.primary_key.len();
        for (position, cell) in row.cells.iter().enumerate() {
            let Some(value) = &cell.value else { continue };
            let value = match value {
                Value::Integer(v) => ValueRef::Int(*v),
                Value::Double(v) => ValueRef::Double(*v),
                Value::Boolean(v) => ValueRef::Bool(*v),
                Value::String(v) => ValueRef::Str(v),
                Value::Binary(_) => ValueRef::Other,
            };
            self.route(offset + position, &cell.name, value);
        }
        for column in &mut self.columns {
            column.end_row();
        }
        self.buffered_rows += 1;
        self.total_rows += 1;
        if self.buffered_rows >= self.row_group_rows {
            self.flush_row_group()?;
        }
        Ok(())
    }

    fn route(&mut self, position: usize, name: &str, value: ValueRef<'_>) {
        let known = self.known_index(position, name);
        for &output in &self.known[known].outputs {
            let column = &mut self.columns[output];
            if !column.decided {
                column.take(value);
            }
        }
    }

    fn known_index(&mut self, position: usize, name: &str) -> usize {
        if let Some(&hinted) = self.position_hint.get(position) {
            if same_name(&self.known[hinted].name, name) {
                return hinted;
            }
        }
        // The list grows only with distinct column names, so it stays O(columns).
        let index = if let Some(index) = self.known.iter().position(|k| k.name == name) {
            index
        } else {
            self.known.push(KnownName {
                name: name.to_owned(),
                outputs: Vec::new(),
            });
            self.known.len() - 1
        };
        if position >= self.position_hint.len() {
            self.position_hint.resize(position + 1, index);
        }
        self.position_hint[position] = index;
        index
    }

    fn flush_row_group(&mut self) -> Result<(), DeliveryError> {
        if self.buffered_rows == 0 {
            return Ok(());
        }
        // Growing the output by doubling would copy it several times; reserve about what
        // PLAIN data takes (values, 4-byte string lengths, levels) plus page headers.
        let estimate: usize = self
            .columns
            .iter()
            .map(OutputColumn::plain_bytes_estimate)
            .sum();
        self.writer.inner_mut().reserve(estimate + estimate / 16);
        let mut group = self.writer.next_row_group().map_err(|e| render_error(&e))?;
        for column in &mut self.columns {
            let Some(mut writer) = group.next_column().map_err(|e| render_error(&e))? else {
                return Err(DeliveryError::ParquetRender(
                    "The Parquet writer has fewer columns than the schema.".into(),
                ));
            };
            let levels = Some(column.definition_levels.as_slice());
            let written = match (writer.untyped(), &mut column.values) {
                (ColumnWriter::BoolColumnWriter(w), ColumnValues::Bool(v)) => {
                    let result = w.write_batch(v, levels, None);
                    v.clear();
                    result
                }
                (ColumnWriter::Int64ColumnWriter(w), ColumnValues::Int64(v)) => {
                    let result = w.write_batch(v, levels, None);
                    v.clear();
                    result
                }
                (ColumnWriter::DoubleColumnWriter(w), ColumnValues::Double(v)) => {
                    let result = w.write_batch(v, levels, None);
                    v.clear();
                    result
                }
                (ColumnWriter::ByteArrayColumnWriter(w), ColumnValues::Utf8 { data, ends }) => {
                    let result = write_strings(w, data, ends, &column.definition_levels);
                    data.clear();
                    ends.clear();
                    result
                }
                _ => {
                    return Err(DeliveryError::ParquetRender(format!(
                        "Internal mismatch between the schema and the {} column writer.",
                        column.target
                    )))
                }
            };
            written.map_err(|e| render_error(&e))?;
            writer.close().map_err(|e| render_error(&e))?;
            column.definition_levels.clear();
        }
        group.close().map_err(|e| render_error(&e))?;
        self.buffered_rows = 0;
        Ok(())
    }

    /// Writes the last row group and the footer.
    pub fn finish(mut self) -> Result<RenderedParquet, DeliveryError> {
        self.flush_row_group()?;
        let dirty_fields = self.columns.iter().map(|c| c.dirty).collect();
        let bytes = self.writer.into_inner().map_err(|e| render_error(&e))?;
        Ok(RenderedParquet {
            bytes,
            rows: self.total_rows,
            dirty_fields,
        })
    }
}

/// Rows per `write_batch` call for strings: the `ByteArray` handles for one chunk stay in
/// cache instead of materialising one per row of the whole row group.
const STRING_CHUNK_ROWS: usize = 16 * 1024;

/// Writes buffered strings in chunks, slicing one shared buffer (no copy per string).
fn write_strings(
    writer: &mut parquet::column::writer::ColumnWriterImpl<'_, parquet::data_type::ByteArrayType>,
    data: &mut Vec<u8>,
    ends: &[usize],
    definition_levels: &[i16],
) -> parquet::errors::Result<usize> {
    let all = Bytes::from(std::mem::take(data));
    let mut chunk: Vec<ByteArray> = Vec::with_capacity(STRING_CHUNK_ROWS.min(ends.len()));
    let mut next_value = 0;
    let mut start = 0;
    let mut written = 0;
    for levels in definition_levels.chunks(STRING_CHUNK_ROWS) {
        let present = levels.iter().filter(|&&level| level == 1).count();
        chunk.clear();
        for &end in &ends[next_value..next_value + present] {
            chunk.push(ByteArray::from(all.slice(start..end)));
            start = end;
        }
        next_value += present;
        written += writer.write_batch(&chunk, Some(levels), None)?;
    }
    Ok(written)
}

/// Column names are short; an inline byte loop beats a call into libc's `memcmp` here.
#[inline]
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut index = 0;
    while index < a.len() {
        if a[index] != b[index] {
            return false;
        }
        index += 1;
    }
    true
}
