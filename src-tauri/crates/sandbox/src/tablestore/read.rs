//! Reading rows: which columns and versions a GetRow or GetRange returns, and GetRange's
//! paging (its `limit`, the service's 5,000-row and 4 MB caps, `next_start_primary_key`).

use std::borrow::Cow;
use std::ops::Bound;

use bytes::Bytes;
use tablestore_wire::plainbuffer::{encode_primary_key, encode_row};
use tablestore_wire::proto::TimeRange;
use tablestore_wire::{Cell, Row};

use super::error::OtsError;
use super::page_buffers::PAGE_BUFFERS;
use super::schema::{Key, TableSchema};
use super::table::{ScanEntry, StoredRow, Table, Version};

/// At most this many rows per GetRange response (spec section 6).
pub const MAX_ROWS_PER_PAGE: usize = 5000;
/// At most this much row data per GetRange response (spec section 6).
pub const MAX_BYTES_PER_PAGE: usize = 4 * 1024 * 1024;
/// The PlainBuffer header every non-empty row buffer starts with.
const HEADER_LEN: usize = 4;

/// Which columns and versions a read returns.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Empty means every column.
    pub columns: Vec<String>,
    pub max_versions: Option<usize>,
    pub time_range: Option<TimeRange>,
    /// Versions older than this (ms) have outlived the table's time to live.
    pub expired_before: Option<i64>,
}

impl Selection {
    /// Checks the request's choice of versions like the service: `max_versions` or
    /// `time_range` must be given, and sensible.
    pub fn new(
        table: &Table,
        columns: Vec<String>,
        max_versions: Option<i32>,
        time_range: Option<TimeRange>,
        now_ms: i64,
    ) -> Result<Self, OtsError> {
        if max_versions.is_none() && time_range.is_none() {
            return Err(OtsError::parameter_invalid(
                "max_versions or time_range must be set.",
            ));
        }
        let max_versions = match max_versions {
            Some(n) if n <= 0 => {
                return Err(OtsError::parameter_invalid(format!(
                    "max_versions must be positive, got {n}."
                )))
            }
            Some(n) => Some(usize::try_from(n).unwrap_or(usize::MAX)),
            None => None,
        };
        if let Some(range) = &time_range {
            let ordered = match (range.specific_time, range.start_time, range.end_time) {
                (Some(t), _, _) => t >= 0,
                (None, Some(start), Some(end)) => 0 <= start && start < end,
                _ => false,
            };
            if !ordered {
                return Err(OtsError::parameter_invalid("Invalid time_range."));
            }
        }
        if columns.len() > 128 {
            return Err(OtsError::parameter_invalid(
                "The number of columns_to_get exceeds the limit of 128.",
            ));
        }
        let expired_before = (table.options.time_to_live > 0)
            .then(|| now_ms - i64::from(table.options.time_to_live) * 1000);
        Ok(Self {
            columns,
            max_versions,
            time_range,
            expired_before,
        })
    }

    /// Nothing narrows the read: every column, every version kept (no time range, no TTL
    /// cut), so a row's answer depends on the row alone.
    pub fn is_whole_row(&self) -> bool {
        self.columns.is_empty()
            && self.time_range.is_none()
            && self.expired_before.is_none()
            && self.max_versions.is_none_or(|m| m >= 1)
    }

    fn wants(&self, name: &str) -> bool {
        self.columns.is_empty() || self.columns.iter().any(|c| c == name)
    }

    fn keeps(&self, version: &Version) -> bool {
        if self.expired_before.is_some_and(|t| version.timestamp < t) {
            return false;
        }
        match &self.time_range {
            Some(TimeRange {
                specific_time: Some(t),
                ..
            }) => version.timestamp == *t,
            Some(TimeRange {
                start_time: Some(start),
                end_time: Some(end),
                ..
            }) => *start <= version.timestamp && version.timestamp < *end,
            _ => true,
        }
    }

    /// The row as returned, or `None` when nothing asked for is in it. The whole primary key
    /// is always returned (the service's `return_entire_primary_keys` default).
    pub fn apply(&self, schema: &TableSchema, key: &Key, row: &StoredRow) -> Option<Row> {
        let mut cells = Vec::new();
        for (name, versions) in &row.columns {
            if !self.wants(name) {
                continue;
            }
            let kept = versions
                .iter()
                .filter(|v| self.keeps(v))
                .take(self.max_versions.unwrap_or(usize::MAX));
            cells.extend(kept.map(|v| Cell {
                name: name.clone(),
                value: Some(v.value.clone()),
                timestamp: Some(v.timestamp),
            }));
        }
        let asked_for_key = self.columns.iter().any(|c| schema.is_key_column(c));
        let has_visible_data = !cells.is_empty();
        let empty_row = row.columns.is_empty();
        let returned = if self.columns.is_empty() {
            has_visible_data || empty_row
        } else {
            has_visible_data || asked_for_key
        };
        returned.then(|| Row {
            primary_key: schema.named_key(key),
            cells,
        })
    }
}

/// GetRow's `row` field: empty when the row does not exist or shows nothing.
pub fn get_row(table: &Table, key: &Key, selection: &Selection) -> Result<Vec<u8>, OtsError> {
    let Some(row) = table.get(key) else {
        return Ok(Vec::new());
    };
    match selection.apply(&table.schema, key, &row) {
        Some(row) => Ok(encode_row(&row)?),
        None => Ok(Vec::new()),
    }
}

/// One GetRange response's data.
#[derive(Debug, Default)]
pub struct Page {
    pub rows: Bytes,
    pub row_count: usize,
    pub next_start: Option<Vec<u8>>,
}

/// Reads one page of `[start, end)` (FORWARD) or `(end, start]` descending (BACKWARD).
pub fn get_range(
    table: &Table,
    start: &Key,
    end: &Key,
    backward: bool,
    limit: Option<usize>,
    selection: &Selection,
) -> Result<Page, OtsError> {
    let (lower, upper) = if backward {
        if start <= end {
            return Err(OtsError::parameter_invalid(
                "Begin key must be more than end key in BACKWARD",
            ));
        }
        (Bound::Excluded(end), Bound::Included(start))
    } else {
        if start >= end {
            return Err(OtsError::parameter_invalid(
                "Begin key must less than end key in FORWARD",
            ));
        }
        (Bound::Included(start), Bound::Excluded(end))
    };
    let row_cap = limit.unwrap_or(MAX_ROWS_PER_PAGE).min(MAX_ROWS_PER_PAGE);
    let mut page = Page::default();
    // The page's rows are gathered first (seed rows borrowed from their cache) and copied
    // once into a buffer of the right size: growing it row by row copied megabytes again at
    // every doubling.
    let mut encoded_rows: Vec<Cow<'_, [u8]>> = Vec::new();
    let mut page_len = 0;
    let mut scan = table.scan(lower, upper, backward);
    while let Some(entry) = scan.next_entry() {
        let (key, encoded): (Cow<'_, Key>, Cow<'_, [u8]>) = match entry {
            // A seed row read whole is the same bytes every time: encode it once.
            ScanEntry::Generated(key, index) if selection.is_whole_row() => {
                let encoded = table.encoded_generated_row(index, |row| {
                    let shown = selection
                        .apply(&table.schema, &key, row)
                        .unwrap_or_else(|| Row {
                            primary_key: table.schema.named_key(&key),
                            cells: Vec::new(),
                        });
                    encode_row(&shown)
                })?;
                (Cow::Owned(key), encoded)
            }
            entry => {
                let (key, row) = match entry {
                    ScanEntry::Written(key, row) => (Cow::Borrowed(key), Cow::Borrowed(row)),
                    ScanEntry::Generated(key, index) => {
                        let row = table.generated_row(index);
                        (Cow::Owned(key), Cow::Owned(row))
                    }
                };
                let Some(row) = selection.apply(&table.schema, &key, &row) else {
                    continue;
                };
                (key, Cow::Owned(encode_row(&row)?))
            }
        };
        let data_len = encoded.len() - HEADER_LEN;
        let full = encoded_rows.len() >= row_cap
            || (!encoded_rows.is_empty() && page_len + data_len > MAX_BYTES_PER_PAGE);
        if full {
            page.next_start = Some(encode_primary_key(&table.schema.named_key(&key))?);
            break;
        }
        if encoded_rows.is_empty() {
            page_len += HEADER_LEN;
        }
        page_len += data_len;
        encoded_rows.push(encoded);
    }
    page.row_count = encoded_rows.len();
    let mut rows = PAGE_BUFFERS.take(page_len);
    for (i, encoded) in encoded_rows.iter().enumerate() {
        // Every row starts with the same header; the page carries it once.
        let from = if i == 0 { 0 } else { HEADER_LEN };
        rows.extend_from_slice(&encoded[from..]);
    }
    page.rows = PAGE_BUFFERS.into_bytes(rows);
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tablestore::schema::{KeyColumn, KeyType, TableOptions};
    use crate::tablestore::table::Throughput;
    use tablestore_wire::{PrimaryKeyValue, Value};

    fn table(time_to_live: i32) -> Table {
        let schema = TableSchema {
            name: "t".to_owned(),
            primary_key: vec![KeyColumn {
                name: "id".to_owned(),
                key_type: KeyType::Integer,
                auto_increment: false,
            }],
            defined_columns: Vec::new(),
        };
        let options = TableOptions {
            time_to_live,
            max_versions: 5,
            ..TableOptions::default()
        };
        let mut t = Table::new(schema, options, Throughput::default(), 0);
        let mut row = StoredRow::default();
        row.columns.insert(
            "v".to_owned(),
            [300, 200, 100]
                .into_iter()
                .map(|timestamp| Version {
                    timestamp,
                    value: Value::Integer(timestamp),
                })
                .collect(),
        );
        t.put(vec![PrimaryKeyValue::Integer(1)], row);
        t
    }

    fn versions(table: &Table, selection: &Selection) -> Option<Vec<i64>> {
        let key = vec![PrimaryKeyValue::Integer(1)];
        let row = table.get(&key).expect("row");
        selection
            .apply(&table.schema, &key, &row)
            .map(|r| r.cells.iter().filter_map(|c| c.timestamp).collect())
    }

    #[test]
    fn max_versions_time_ranges_and_time_to_live_pick_the_versions() {
        let t = table(-1);
        let newest_two = Selection::new(&t, Vec::new(), Some(2), None, 1000).expect("valid");
        assert_eq!(versions(&t, &newest_two), Some(vec![300, 200]));
        let range = TimeRange {
            start_time: Some(150),
            end_time: Some(300),
            specific_time: None,
        };
        let in_range = Selection::new(&t, Vec::new(), None, Some(range), 1000).expect("valid");
        assert_eq!(versions(&t, &in_range), Some(vec![200]));
        let exact = TimeRange {
            specific_time: Some(100),
            ..TimeRange::default()
        };
        let at = Selection::new(&t, Vec::new(), None, Some(exact), 1000).expect("valid");
        assert_eq!(versions(&t, &at), Some(vec![100]));
        let nothing_in_range = TimeRange {
            start_time: Some(400),
            end_time: Some(500),
            specific_time: None,
        };
        let none =
            Selection::new(&t, Vec::new(), None, Some(nothing_in_range), 1000).expect("valid");
        assert_eq!(
            versions(&t, &none),
            None,
            "a row showing nothing is left out"
        );

        // A one-day time to live, 1 day + 250 ms after the epoch: only 300 is young enough.
        let ttl = table(86_400);
        let now = 86_400_000 + 250;
        let live = Selection::new(&ttl, Vec::new(), Some(5), None, now).expect("valid");
        assert_eq!(versions(&ttl, &live), Some(vec![300]));
    }

    #[test]
    fn columns_to_get_select_columns_and_a_key_column_alone_returns_the_key() {
        let t = table(-1);
        let other = Selection::new(&t, vec!["w".to_owned()], Some(1), None, 0).expect("valid");
        assert_eq!(versions(&t, &other), None);
        let key_only = Selection::new(&t, vec!["id".to_owned()], Some(1), None, 0).expect("valid");
        assert_eq!(versions(&t, &key_only), Some(vec![]));
        assert!(Selection::new(&t, Vec::new(), None, None, 0).is_err());
        assert!(Selection::new(&t, Vec::new(), Some(0), None, 0).is_err());
    }

    #[test]
    fn a_whole_row_read_of_seed_rows_is_the_same_cached_or_built_and_written_rows_win() {
        use crate::tablestore::seed_orders::Orders;
        let mut t = table(-1).with_generated_rows(std::sync::Arc::new(Orders { rows: 50 }));
        // A write over seed row 7 must show instead of the (cached) seed row.
        let mut row = StoredRow::default();
        row.columns.insert(
            "status".to_owned(),
            vec![Version {
                timestamp: 5,
                value: Value::String("rewritten".into()),
            }],
        );
        t.put(vec![PrimaryKeyValue::Integer(7)], row);
        let all = |t: &Table, selection: &Selection| {
            get_range(
                t,
                &vec![PrimaryKeyValue::InfMin],
                &vec![PrimaryKeyValue::InfMax],
                false,
                None,
                selection,
            )
            .expect("reads")
        };
        let whole = Selection::new(&t, Vec::new(), Some(1), None, 0).expect("selection");
        assert!(whole.is_whole_row());
        // The same answer through the slow path: a time range that keeps every version.
        let everything = TimeRange {
            start_time: Some(0),
            end_time: Some(i64::MAX),
            specific_time: None,
        };
        let built =
            Selection::new(&t, Vec::new(), Some(1), Some(everything), 0).expect("selection");
        assert!(!built.is_whole_row());
        let first = all(&t, &whole);
        let second = all(&t, &whole);
        let slow = all(&t, &built);
        assert_eq!(first.rows, second.rows, "cached bytes are stable");
        assert_eq!(first.rows, slow.rows, "cached equals freshly built");
        assert!(first.row_count >= 50, "{}", first.row_count);
        let text = String::from_utf8_lossy(&first.rows);
        assert!(
            text.contains("rewritten"),
            "the written row replaces seed row 7"
        );
    }
}
