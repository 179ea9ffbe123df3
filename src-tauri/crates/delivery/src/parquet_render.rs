//! Renders rows to Parquet bytes the way the delivery service writes them, as far as the docs
//! say: output columns in schema order under their output names, the four documented types
//! (BOOLEAN, INT64, DOUBLE, BYTE_ARRAY annotated UTF8/String), PLAIN encoding, a missing value
//! as null, and a value whose type does not match the declared type dropped (null) as dirty
//! data. Unconfirmed details (nullability, compression, row-group size) are chosen as:
//! every column `optional`, uncompressed, one row group per [`RenderOptions::row_group_rows`].
//!
//! Uses parquet's low-level column writers; no arrow. Large renders use several threads:
//! runs of rows are gathered at once (`parquet_gather`) and columns encoded at once
//! (`parquet_encode`); the file is byte for byte the one a single thread writes.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

use parquet::basic::{
    Compression, ConvertedType, Encoding, LogicalType, Repetition, Type as PhysicalType,
};
use parquet::file::properties::{WriterProperties, WriterVersion};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use tablestore_wire::Row;

use crate::error::DeliveryError;
use crate::parquet_column_buffer::ColumnBuffer;
use crate::parquet_encode::{lock, write_row_group};
use crate::parquet_gather::RowGatherer;
use crate::parquet_schema::ParquetSchema;
use crate::parquet_type::ParquetType;

/// Choices the service's own behaviour leaves open.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Rows per row group.
    pub row_group_rows: usize,
    /// The file's `created_by`.
    pub created_by: String,
    /// Threads a render may use; `None`: one per available core. The output is the same
    /// for any number.
    pub threads: Option<NonZeroUsize>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            row_group_rows: 1024 * 1024,
            created_by: "Tablestore Delivery Studio preview".into(),
            threads: None,
        }
    }
}

impl RenderOptions {
    fn thread_count(&self) -> usize {
        self.threads
            .or_else(|| std::thread::available_parallelism().ok())
            .map_or(1, NonZeroUsize::get)
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
/// `RowGatherer::push_block`).
const PUSH_BLOCK_ROWS: usize = 64;

/// Fewest rows worth a thread of their own when gathering (a thread costs tens of
/// microseconds; this many rows take a few milliseconds).
const MIN_RUN_ROWS: usize = 16 * 1024;

/// Runs of rows start at multiples of this, so their column buffers, written one after the
/// other, cut pages exactly where one buffer for the whole row group would: the column
/// writer's mini-batch (1,024 rows, also a multiple of a presence word's 64).
const RUN_ALIGNMENT_ROWS: usize = 1024;

/// Renders all `rows` at once, on several threads when there are many.
pub fn render_parquet<'a>(
    schema: &ParquetSchema,
    rows: impl IntoIterator<Item = &'a Row>,
    options: &RenderOptions,
) -> Result<RenderedParquet, DeliveryError> {
    let rows: Vec<&Row> = rows.into_iter().collect();
    let mut renderer = ParquetRenderer::new(schema, options)?;
    for group in rows.chunks(renderer.row_group_rows) {
        renderer.write_group(group)?;
    }
    renderer.finish()
}

/// Streaming renderer: push rows, then finish. Buffers one row group at a time.
pub struct ParquetRenderer {
    writer: SerializedFileWriter<Vec<u8>>,
    /// Runs of the row group being gathered; a streaming render uses only the first.
    runs: Vec<RowGatherer>,
    total_rows: u64,
    row_group_rows: usize,
    threads: usize,
}

impl std::fmt::Debug for ParquetRenderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetRenderer")
            .field("columns", &self.runs[0].columns().len())
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
        for entry in schema.entries() {
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
        }
        let sources: Vec<&str> = schema
            .entries()
            .iter()
            .map(|entry| entry.source_column.as_str())
            .collect();
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
            runs: vec![RowGatherer::new(columns, &sources)],
            total_rows: 0,
            row_group_rows: options.row_group_rows.max(1),
            threads: options.thread_count(),
        })
    }

    /// Adds one row; writes a row group when enough rows are buffered.
    pub fn push(&mut self, row: &Row) -> Result<(), DeliveryError> {
        self.runs[0].push_block(&[row]);
        self.total_rows += 1;
        if self.runs[0].rows() >= self.row_group_rows {
            self.flush_row_group()?;
        }
        Ok(())
    }

    /// Writes `rows` (at most one row group, none buffered before) as one row group,
    /// gathering runs of them on several threads.
    fn write_group(&mut self, rows: &[&Row]) -> Result<(), DeliveryError> {
        let runs = (rows.len() / MIN_RUN_ROWS).clamp(1, self.threads);
        let run_rows = rows
            .len()
            .div_ceil(runs)
            .next_multiple_of(RUN_ALIGNMENT_ROWS)
            .max(1);
        let parts: Vec<&[&Row]> = rows.chunks(run_rows).collect();
        while self.runs.len() < parts.len() {
            let more = self.runs[0].empty_like();
            self.runs.push(more);
        }
        // Each thread takes runs from the list until none is left, so a thread the system
        // refuses to start only leaves its share to the others.
        let work: Mutex<Vec<(&mut RowGatherer, &[&Row])>> =
            Mutex::new(self.runs.iter_mut().zip(parts.iter().copied()).collect());
        std::thread::scope(|scope| {
            for _ in 1..parts.len() {
                let started = std::thread::Builder::new()
                    .name("parquet-gather".into())
                    .spawn_scoped(scope, || gather_all(&work));
                if started.is_err() {
                    break;
                }
            }
            gather_all(&work);
        });
        self.total_rows += rows.len() as u64;
        self.write_runs(parts.len())
    }

    fn flush_row_group(&mut self) -> Result<(), DeliveryError> {
        if self.runs[0].rows() == 0 {
            return Ok(());
        }
        self.write_runs(1)
    }

    /// Writes the first `count` runs as one row group and starts new runs.
    fn write_runs(&mut self, count: usize) -> Result<(), DeliveryError> {
        let runs = &mut self.runs[..count];
        write_row_group(&mut self.writer, runs, self.threads).map_err(|e| render_error(&e))?;
        for run in runs {
            run.start_run();
        }
        Ok(())
    }

    /// Writes the last row group and the footer.
    pub fn finish(mut self) -> Result<RenderedParquet, DeliveryError> {
        self.flush_row_group()?;
        let mut dirty_fields = vec![0; self.runs[0].columns().len()];
        for run in &self.runs {
            for (total, column) in dirty_fields.iter_mut().zip(run.columns()) {
                *total += column.dirty();
            }
        }
        let bytes = self.writer.into_inner().map_err(|e| render_error(&e))?;
        Ok(RenderedParquet {
            bytes,
            rows: self.total_rows,
            dirty_fields,
        })
    }
}

fn gather_all(work: &Mutex<Vec<(&mut RowGatherer, &[&Row])>>) {
    loop {
        // Its own statement: in a `while let` the lock would be held while gathering, so
        // only one thread would work.
        let next = lock(work).pop();
        let Some((run, rows)) = next else { break };
        gather(run, rows);
    }
}

/// Gathers one run of rows, sized for all of them up front.
fn gather(run: &mut RowGatherer, rows: &[&Row]) {
    run.expect_rows(rows.len());
    for block in rows.chunks(PUSH_BLOCK_ROWS) {
        run.push_block(block);
    }
}

#[cfg(test)]
mod tests {
    use tablestore_wire::{Cell, Value};

    use super::*;
    use crate::parquet_encode::write_row_group_all_apart;
    use crate::{OutputColumnName, SchemaEntry};

    fn rows(count: i32) -> Vec<Row> {
        (0..count)
            .map(|i| Row {
                primary_key: vec![],
                cells: [
                    ("b", (i % 3 != 0).then_some(Value::Boolean(i % 2 == 0))),
                    ("i", Some(Value::Integer(i64::from(i) * 31))),
                    ("d", (i % 4 != 1).then(|| Value::Double(f64::from(i) / 8.0))),
                    (
                        "s",
                        (i % 5 != 2).then(|| Value::String(format!("text {i}"))),
                    ),
                ]
                .into_iter()
                .filter_map(|(name, value)| {
                    value.map(|value| Cell {
                        name: name.into(),
                        value: Some(value),
                        timestamp: None,
                    })
                })
                .collect(),
            })
            .collect()
    }

    #[test]
    fn columns_encoded_apart_and_appended_give_the_same_file() {
        let schema = ParquetSchema::new(
            [
                ("b", ParquetType::Bool),
                ("i", ParquetType::Int64),
                ("d", ParquetType::Double),
                ("s", ParquetType::Utf8),
            ]
            .into_iter()
            .map(|(name, parquet_type)| {
                SchemaEntry::new(
                    name,
                    OutputColumnName::parse(name).expect("valid"),
                    parquet_type,
                )
            })
            .collect(),
        )
        .expect("valid");
        let options = RenderOptions {
            row_group_rows: 3000,
            threads: NonZeroUsize::new(1),
            ..RenderOptions::default()
        };
        let rows = rows(7000);
        let direct = render_parquet(&schema, &rows, &options).expect("renders");

        let mut apart = ParquetRenderer::new(&schema, &options).expect("schema");
        for group in rows.chunks(3000) {
            let refs: Vec<&Row> = group.iter().collect();
            gather(&mut apart.runs[0], &refs);
            apart.total_rows += group.len() as u64;
            write_row_group_all_apart(&mut apart.writer, &mut apart.runs[..1]).expect("writes");
            apart.runs[0].start_run();
        }
        let apart = apart.finish().expect("finishes");
        assert_eq!(apart.rows, 7000);
        assert_eq!(apart.dirty_fields, direct.dirty_fields);
        assert!(
            apart.bytes == direct.bytes,
            "appended columns changed the file"
        );
    }
}
