//! Renders rows to Parquet bytes the way the delivery service writes them, as far as the docs
//! say: output columns in schema order under their output names, the four documented types
//! (BOOLEAN, INT64, DOUBLE, BYTE_ARRAY annotated UTF8/String), PLAIN encoding, a missing value
//! as null, and a value whose type does not match the declared type dropped (null) as dirty
//! data. Unconfirmed details (nullability, compression, row-group size) are chosen as:
//! every column `optional`, uncompressed, one row group per [`RenderOptions::row_group_rows`].
//!
//! Uses parquet's low-level column writers; no arrow.

use std::sync::Arc;

use parquet::basic::{
    Compression, ConvertedType, Encoding, LogicalType, Repetition, Type as PhysicalType,
};
use parquet::file::properties::{WriterProperties, WriterVersion};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use tablestore_wire::{PrimaryKeyValue, Row, Value};

use crate::error::DeliveryError;
use crate::parquet_column_buffer::{CellValue, ColumnBuffer};
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

/// Rows whose names are fetched together before their values are moved (see
/// [`ParquetRenderer::push_block`]); small enough that their cells and names stay in cache
/// between the two passes (32 to 256 measured the same).
const PUSH_BLOCK_ROWS: usize = 64;

/// Rows of a row group whose strings are taken as the sample for sizing the string buffers.
const STRING_SAMPLE_ROWS: usize = 1024;

/// Renders all `rows` at once.
pub fn render_parquet<'a>(
    schema: &ParquetSchema,
    rows: impl IntoIterator<Item = &'a Row>,
    options: &RenderOptions,
) -> Result<RenderedParquet, DeliveryError> {
    let rows = rows.into_iter();
    let mut renderer = ParquetRenderer::new(schema, options)?;
    renderer.expect_rows(rows.size_hint().0);
    let mut block: Vec<&Row> = Vec::with_capacity(PUSH_BLOCK_ROWS);
    for row in rows {
        block.push(row);
        if block.len() == PUSH_BLOCK_ROWS {
            renderer.push_block(&block)?;
            block.clear();
        }
    }
    renderer.push_block(&block)?;
    renderer.finish()
}

/// A column name met in rows, and the output columns it feeds (none if unmapped).
struct KnownName {
    name: String,
    outputs: Vec<usize>,
}

/// Streaming renderer: push rows, then finish. Buffers one row group at a time.
pub struct ParquetRenderer {
    writer: SerializedFileWriter<Vec<u8>>,
    columns: Vec<ColumnBuffer>,
    known: Vec<KnownName>,
    /// Index into `known` last seen at each cell position (rows usually share column order).
    position_hint: Vec<usize>,
    /// Definition levels of one write chunk (scratch, reused across columns).
    levels: Vec<i16>,
    buffered_rows: usize,
    total_rows: u64,
    /// Rows the caller said will come (0: unknown).
    expected_rows: usize,
    /// Whether the string buffers were sized for the current row group yet.
    strings_sized: bool,
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
            let physical = match entry.parquet_type {
                ParquetType::Bool => PhysicalType::BOOLEAN,
                ParquetType::Int64 => PhysicalType::INT64,
                ParquetType::Double => PhysicalType::DOUBLE,
                ParquetType::Utf8 => PhysicalType::BYTE_ARRAY,
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
            columns.push(ColumnBuffer::new(entry.parquet_type).ok_or_else(|| {
                DeliveryError::ParquetRender(format!(
                    "No buffer for the {} column '{}'.",
                    entry.parquet_type, entry.output_name
                ))
            })?);
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
            levels: Vec::new(),
            buffered_rows: 0,
            total_rows: 0,
            expected_rows: 0,
            strings_sized: false,
            row_group_rows: options.row_group_rows.max(1),
        })
    }

    /// Says about how many rows will be pushed, so the column buffers are sized once (up to
    /// one row group) instead of growing by doubling.
    pub fn expect_rows(&mut self, rows: usize) {
        self.expected_rows = rows;
        let rows = rows.min(self.row_group_rows);
        for column in &mut self.columns {
            column.reserve_rows(rows);
        }
    }

    /// Adds one row; writes a row group when enough rows are buffered.
    pub fn push(&mut self, row: &Row) -> Result<(), DeliveryError> {
        self.push_block(&[row])
    }

    /// Adds rows in order. Each row's cells and each cell's name are separate heap
    /// allocations, likely not in cache; matching the names one at a time between the work
    /// on each value left the processor waiting on memory most of the time (a third of the
    /// whole render). So a first pass over the block only reads the names (many fetches in
    /// flight at once), and the second pass, which matches them and moves the values, finds
    /// them in cache.
    fn push_block(&mut self, rows: &[&Row]) -> Result<(), DeliveryError> {
        touch_names(rows);
        for row in rows {
            self.push_one(row);
            if self.buffered_rows >= self.row_group_rows {
                self.flush_row_group()?;
            }
        }
        if !self.strings_sized && self.buffered_rows >= STRING_SAMPLE_ROWS {
            self.size_string_buffers();
        }
        Ok(())
    }

    /// Once a row group has a sample of rows, reserves its string buffers for the rest of
    /// the rows expected in it.
    fn size_string_buffers(&mut self) {
        self.strings_sized = true;
        let total_rows = usize::try_from(self.total_rows).unwrap_or(usize::MAX);
        let rows_in_group = self.row_group_rows.min(
            self.expected_rows
                .saturating_sub(total_rows - self.buffered_rows),
        );
        let more_rows = rows_in_group.saturating_sub(self.buffered_rows);
        if more_rows > 0 {
            for column in &mut self.columns {
                column.reserve_strings_like_buffered(more_rows);
            }
        }
    }

    fn push_one(&mut self, row: &Row) {
        let row_index = self.buffered_rows;
        if row_index.is_multiple_of(64) {
            for column in &mut self.columns {
                column.start_presence_word();
            }
        }
        for (position, (name, value)) in row.primary_key.iter().enumerate() {
            let value = match value {
                PrimaryKeyValue::Integer(v) => CellValue::Int(*v),
                PrimaryKeyValue::String(v) => CellValue::Str(v),
                _ => CellValue::Other,
            };
            let known = self.known_index(position, name);
            self.route(row_index, known, value);
        }
        let offset = row.primary_key.len();
        for (position, cell) in row.cells.iter().enumerate() {
            let Some(value) = &cell.value else { continue };
            let value = match value {
                Value::Integer(v) => CellValue::Int(*v),
                Value::Double(v) => CellValue::Double(*v),
                Value::Boolean(v) => CellValue::Bool(*v),
                Value::String(v) => CellValue::Str(v),
                Value::Binary(_) => CellValue::Other,
            };
            let known = self.known_index(offset + position, &cell.name);
            self.route(row_index, known, value);
        }
        self.buffered_rows += 1;
        self.total_rows += 1;
    }

    // Called once per cell, nearly always for one output: inlined with that case first it
    // measured ~6% faster per render than a call looping over the outputs.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn route(&mut self, row_index: usize, known: usize, value: CellValue<'_>) {
        match self.known[known].outputs.as_slice() {
            [] => {}
            [only] => self.columns[*only].take(row_index, value),
            many => {
                for &output in many {
                    self.columns[output].take(row_index, value);
                }
            }
        }
    }

    #[inline]
    fn known_index(&mut self, position: usize, name: &str) -> usize {
        if let Some(&hinted) = self.position_hint.get(position) {
            if same_name(&self.known[hinted].name, name) {
                return hinted;
            }
        }
        self.known_index_slow(position, name)
    }

    #[cold]
    fn known_index_slow(&mut self, position: usize, name: &str) -> usize {
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
            .map(ColumnBuffer::plain_bytes_estimate)
            .sum();
        self.writer.inner_mut().reserve(estimate + estimate / 16);
        let mut group = self.writer.next_row_group().map_err(|e| render_error(&e))?;
        for column in &mut self.columns {
            let Some(mut writer) = group.next_column().map_err(|e| render_error(&e))? else {
                return Err(DeliveryError::ParquetRender(
                    "The Parquet writer has fewer columns than the schema.".into(),
                ));
            };
            column
                .write_to(writer.untyped(), self.buffered_rows, &mut self.levels)
                .map_err(|e| render_error(&e))?;
            writer.close().map_err(|e| render_error(&e))?;
        }
        group.close().map_err(|e| render_error(&e))?;
        self.buffered_rows = 0;
        self.strings_sized = false;
        Ok(())
    }

    /// Writes the last row group and the footer.
    pub fn finish(mut self) -> Result<RenderedParquet, DeliveryError> {
        self.flush_row_group()?;
        let dirty_fields = self.columns.iter().map(ColumnBuffer::dirty).collect();
        let bytes = self.writer.into_inner().map_err(|e| render_error(&e))?;
        Ok(RenderedParquet {
            bytes,
            rows: self.total_rows,
            dirty_fields,
        })
    }
}

/// Reads the first byte of every column name in `rows`, in a loop that does nothing else.
/// Each name is its own heap allocation, likely not in cache; a tight loop lets the
/// processor fetch many at once, so matching them in the next pass hits the cache instead of
/// waiting for each in turn between the stores of the values. (String values are left to
/// the copy: touching them too measured slower, they mostly sit next to their cells.)
fn touch_names(rows: &[&Row]) {
    let first = |name: &str| name.as_bytes().first().copied().unwrap_or(0);
    let mut sum = 0u8;
    for row in rows {
        for (name, _) in &row.primary_key {
            sum = sum.wrapping_add(first(name));
        }
        for cell in &row.cells {
            sum = sum.wrapping_add(first(&cell.name));
        }
    }
    std::hint::black_box(sum);
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
