//! Writes one row group's buffered columns to the file, encoding several columns at once.
//!
//! Columns are independent until they are laid out in the file, so the calling thread writes
//! columns straight into the file from the first one on, while helper threads encode columns
//! from the last one backwards into buffers of their own; when the two meet, the buffered
//! chunks are appended in schema order. The bytes are the same as when one thread writes every
//! column: each column chunk is encoded by the same writer settings from the same values, and
//! the parquet crate's `append_column` moves a chunk's offsets to where it lands.

use std::sync::{Arc, Mutex, PoisonError};

use bytes::Bytes;
use parquet::column::writer::{get_column_writer, ColumnCloseResult};
use parquet::errors::{ParquetError, Result as ParquetResult};
use parquet::file::properties::WriterPropertiesPtr;
use parquet::file::writer::{SerializedFileWriter, SerializedPageWriter, TrackedWrite};
use parquet::schema::types::ColumnDescPtr;

use crate::parquet_column_buffer::ColumnBuffer;
use crate::parquet_gather::RowGatherer;

/// One column's parts (one per run of rows, in row order) with each part's row count.
type ColumnParts<'a> = Vec<(&'a mut ColumnBuffer, usize)>;

/// Below this much data a row group is written by the calling thread alone: starting a
/// thread costs tens of microseconds, encoding 1 MB about a millisecond.
const MIN_PARALLEL_BYTES: usize = 1024 * 1024;

/// A column chunk encoded away from the file: its bytes and the writer's summary of them.
type EncodedColumn = (usize, Vec<u8>, ColumnCloseResult);

/// Writes the rows buffered in `runs` (consecutive runs of one row group, in row order) as
/// one row group, using up to `threads` threads, and empties the runs' buffers.
pub(crate) fn write_row_group(
    writer: &mut SerializedFileWriter<Vec<u8>>,
    runs: &mut [RowGatherer],
    threads: usize,
) -> ParquetResult<()> {
    let (descriptors, properties, columns, estimate) = prepare(writer, runs);
    let helpers = if estimate < MIN_PARALLEL_BYTES {
        0
    } else {
        threads
            .saturating_sub(1)
            .min(columns.len().saturating_sub(1))
    };
    let slots: Vec<Mutex<Option<ColumnParts<'_>>>> =
        columns.into_iter().map(|c| Mutex::new(Some(c))).collect();
    // The columns nobody has started yet: the calling thread takes from the front, the
    // helpers from the back.
    let unclaimed = Mutex::new(0..slots.len());

    let mut group = writer.next_row_group()?;
    let encoded = std::thread::scope(|scope| {
        // A helper the system refuses to start leaves its columns to the others.
        let workers: Vec<_> = (0..helpers)
            .map_while(|_| {
                let started = std::thread::Builder::new()
                    .name("parquet-encode".into())
                    .spawn_scoped(scope, || {
                        let mut done = Vec::new();
                        while let Some(index) = claim(&unclaimed, Claim::Last) {
                            let parts = take(&slots[index])?;
                            let (bytes, close) = encode_apart(
                                Arc::clone(&descriptors[index]),
                                Arc::clone(&properties),
                                parts,
                            )?;
                            done.push((index, bytes, close));
                        }
                        Ok::<_, ParquetError>(done)
                    });
                started.ok()
            })
            .collect();

        let mut levels = Vec::new();
        let mut direct = Ok(());
        while let Some(index) = claim(&unclaimed, Claim::First) {
            direct = write_direct(&mut group, &slots[index], &mut levels);
            if direct.is_err() {
                // Nothing more to start; the helpers finish the columns they hold.
                *lock(&unclaimed) = 0..0;
                break;
            }
        }
        let mut encoded: Vec<EncodedColumn> = Vec::new();
        for worker in workers {
            let done = worker.join().map_err(|_| {
                ParquetError::General("a thread encoding a column stopped unexpectedly".into())
            })??;
            encoded.extend(done);
        }
        direct.map(|()| encoded)
    })?;

    let mut encoded = encoded;
    encoded.sort_unstable_by_key(|(index, _, _)| *index);
    for (_, bytes, close) in encoded {
        group.append_column(&Bytes::from(bytes), close)?;
    }
    group.close()?;
    Ok(())
}

/// Every column encoded apart and appended: the path a helper thread's columns take, which
/// [`write_row_group`] only takes when a helper wins the race for a column.
#[cfg(test)]
pub(crate) fn write_row_group_all_apart(
    writer: &mut SerializedFileWriter<Vec<u8>>,
    runs: &mut [RowGatherer],
) -> ParquetResult<()> {
    let (descriptors, properties, columns, _) = prepare(writer, runs);
    let mut group = writer.next_row_group()?;
    for (parts, descriptor) in columns.into_iter().zip(descriptors) {
        let (bytes, close) = encode_apart(descriptor, Arc::clone(&properties), parts)?;
        group.append_column(&Bytes::from(bytes), close)?;
    }
    group.close()?;
    Ok(())
}

/// Reserves the file's room for the row group; lists each column's descriptor and parts, the
/// writer's settings and the bytes the row group will take about.
fn prepare<'a>(
    writer: &mut SerializedFileWriter<Vec<u8>>,
    runs: &'a mut [RowGatherer],
) -> (
    Vec<ColumnDescPtr>,
    WriterPropertiesPtr,
    Vec<ColumnParts<'a>>,
    usize,
) {
    // Growing the output by doubling would copy it several times; reserve about what PLAIN
    // data takes (values, 4-byte string lengths, levels) plus page headers.
    let estimate: usize = runs
        .iter()
        .flat_map(RowGatherer::columns)
        .map(ColumnBuffer::plain_bytes_estimate)
        .sum();
    writer.inner_mut().reserve(estimate + estimate / 16);
    let descriptors: Vec<ColumnDescPtr> = writer.schema_descr().columns().to_vec();
    let properties = Arc::clone(writer.properties());
    let mut columns: Vec<ColumnParts<'a>> = descriptors.iter().map(|_| Vec::new()).collect();
    for run in runs.iter_mut() {
        let rows = run.rows();
        for (index, buffer) in run.columns_mut().iter_mut().enumerate() {
            if let Some(parts) = columns.get_mut(index) {
                parts.push((buffer, rows));
            }
        }
    }
    (descriptors, properties, columns, estimate)
}

/// Which end of the unclaimed columns a thread takes.
#[derive(Clone, Copy)]
enum Claim {
    First,
    Last,
}

/// Takes a column to work on. (A function rather than `lock(..).next()` in the `while let`:
/// there the lock would be held for the whole loop body, so only one thread would work.)
fn claim(unclaimed: &Mutex<std::ops::Range<usize>>, end: Claim) -> Option<usize> {
    let mut unclaimed = lock(unclaimed);
    match end {
        Claim::First => unclaimed.next(),
        Claim::Last => unclaimed.next_back(),
    }
}

pub(crate) fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // Nothing here can leave the guarded data half-changed, so a poisoned lock is still fine.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn take<'a>(slot: &Mutex<Option<ColumnParts<'a>>>) -> ParquetResult<ColumnParts<'a>> {
    lock(slot)
        .take()
        .ok_or_else(|| ParquetError::General("a column was claimed twice".into()))
}

/// Writes the next column straight into the row group.
fn write_direct(
    group: &mut parquet::file::writer::SerializedRowGroupWriter<'_, Vec<u8>>,
    slot: &Mutex<Option<ColumnParts<'_>>>,
    levels: &mut Vec<i16>,
) -> ParquetResult<()> {
    let parts = take(slot)?;
    let Some(mut writer) = group.next_column()? else {
        return Err(ParquetError::General(
            "the Parquet writer has fewer columns than the schema".into(),
        ));
    };
    for (buffer, rows) in parts {
        buffer.write_to(writer.untyped(), rows, levels)?;
    }
    writer.close()
}

/// Encodes one column chunk into a buffer of its own.
fn encode_apart(
    descriptor: ColumnDescPtr,
    properties: WriterPropertiesPtr,
    parts: ColumnParts<'_>,
) -> ParquetResult<(Vec<u8>, ColumnCloseResult)> {
    let estimate: usize = parts
        .iter()
        .map(|(buffer, _)| buffer.plain_bytes_estimate())
        .sum();
    let mut sink = TrackedWrite::new(Vec::with_capacity(estimate + estimate / 16));
    let mut levels = Vec::new();
    let close = {
        let pages = Box::new(SerializedPageWriter::new(&mut sink));
        let mut writer = get_column_writer(descriptor, properties, pages);
        for (buffer, rows) in parts {
            buffer.write_to(&mut writer, rows, &mut levels)?;
        }
        writer.close()?
    };
    Ok((sink.into_inner()?, close))
}
