//! Moves the values of rows into per-output-column buffers: matches each cell's name to the
//! schema's source columns and keeps the value under the first version of the row that has
//! one. One gatherer holds one run of consecutive rows of a row group; a row group may be
//! split between several gatherers working at once (their buffers are then written one after
//! the other, see `parquet_encode`).

use tablestore_wire::{PrimaryKeyValue, Row, Value};

use crate::parquet_column_buffer::{CellValue, ColumnBuffer};

/// Rows of a run whose strings are taken as the sample for sizing the string buffers.
const STRING_SAMPLE_ROWS: usize = 1024;

/// A column name met in rows, and the output columns it feeds (none if unmapped).
#[derive(Clone)]
struct KnownName {
    name: String,
    outputs: Vec<usize>,
}

/// The buffered values of one run of rows, and what is needed to route more rows to them.
pub(crate) struct RowGatherer {
    columns: Vec<ColumnBuffer>,
    known: Vec<KnownName>,
    /// Index into `known` last seen at each cell position (rows usually share column order).
    position_hint: Vec<usize>,
    rows: usize,
    /// Rows the run will have (0: unknown), for sizing the string buffers.
    expected_rows: usize,
    /// Whether the string buffers were sized for the current run yet.
    strings_sized: bool,
}

impl RowGatherer {
    /// A gatherer feeding `columns`, where output column `i` takes the values of the source
    /// column `sources[i]`.
    pub(crate) fn new(columns: Vec<ColumnBuffer>, sources: &[&str]) -> Self {
        let mut known: Vec<KnownName> = Vec::new();
        for (index, source) in sources.iter().enumerate() {
            match known.iter_mut().find(|k| k.name == *source) {
                Some(existing) => existing.outputs.push(index),
                None => known.push(KnownName {
                    name: (*source).to_owned(),
                    outputs: vec![index],
                }),
            }
        }
        Self {
            columns,
            known,
            position_hint: Vec::new(),
            rows: 0,
            expected_rows: 0,
            strings_sized: false,
        }
    }

    /// An empty gatherer routing like this one (for another run of the same rows).
    pub(crate) fn empty_like(&self) -> Self {
        Self {
            columns: self.columns.iter().map(ColumnBuffer::empty_like).collect(),
            known: self.known.clone(),
            position_hint: self.position_hint.clone(),
            rows: 0,
            expected_rows: 0,
            strings_sized: false,
        }
    }

    /// Rows buffered in this run.
    pub(crate) fn rows(&self) -> usize {
        self.rows
    }

    pub(crate) fn columns(&self) -> &[ColumnBuffer] {
        &self.columns
    }

    pub(crate) fn columns_mut(&mut self) -> &mut [ColumnBuffer] {
        &mut self.columns
    }

    /// Says how many rows this run will have, so the buffers are sized once instead of
    /// growing by doubling.
    pub(crate) fn expect_rows(&mut self, rows: usize) {
        self.expected_rows = rows;
        for column in &mut self.columns {
            column.reserve_rows(rows.saturating_sub(self.rows));
        }
    }

    /// Starts the next run (after the buffers were written and emptied).
    pub(crate) fn start_run(&mut self) {
        self.rows = 0;
        self.expected_rows = 0;
        self.strings_sized = false;
    }

    /// Adds rows in order. Each row's cells and each cell's name are separate heap
    /// allocations, likely not in cache; matching the names one at a time between the work
    /// on each value left the processor waiting on memory most of the time (a third of the
    /// whole render). So a first pass over the block only reads the names (many fetches in
    /// flight at once), and the second pass, which matches them and moves the values, finds
    /// them in cache. Blocks of 32 to 256 rows measured the same.
    pub(crate) fn push_block(&mut self, rows: &[&Row]) {
        touch_names(rows);
        for row in rows {
            self.push_one(row);
        }
        if !self.strings_sized && self.rows >= STRING_SAMPLE_ROWS {
            self.size_string_buffers();
        }
    }

    /// Once the run has a sample of rows, reserves its string buffers for the rest of the
    /// rows expected in it.
    fn size_string_buffers(&mut self) {
        self.strings_sized = true;
        let more_rows = self.expected_rows.saturating_sub(self.rows);
        if more_rows > 0 {
            for column in &mut self.columns {
                column.reserve_strings_like_buffered(more_rows);
            }
        }
    }

    fn push_one(&mut self, row: &Row) {
        let row_index = self.rows;
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
        self.rows += 1;
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
