//! One table's rows: a sorted map of written rows over an optional generated base (the large
//! seed table), so 200,000 seed rows cost no start-up time and almost no memory. Writes and
//! deletes to generated rows go to the map (a deletion leaves a tombstone).

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Bound;
use std::sync::atomic::{AtomicU64, Ordering as AtomicOrdering};
use std::sync::{Arc, OnceLock};

use tablestore_wire::Value;

use super::schema::{Key, TableOptions, TableSchema};

/// One version of one cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    /// Milliseconds since the Unix epoch.
    pub timestamp: i64,
    pub value: Value,
}

/// A row's attribute columns by name (the service returns them sorted by name), each with its
/// versions, newest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredRow {
    pub columns: BTreeMap<String, Vec<Version>>,
}

/// Rows computed from their index: `key(i)` must increase strictly with `i`.
pub trait RowSource: Send + Sync + fmt::Debug {
    fn row_count(&self) -> usize;
    fn key(&self, index: usize) -> Key;
    fn row(&self, index: usize) -> StoredRow;
}

/// Reserved read/write capacity units.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Throughput {
    pub read: i32,
    pub write: i32,
}

#[derive(Debug)]
pub struct Table {
    pub schema: TableSchema,
    pub options: TableOptions,
    pub reserved: Throughput,
    /// Seconds since the Unix epoch.
    pub created_at: i64,
    /// Written rows; `None` hides a generated row that was deleted.
    written: BTreeMap<Key, Option<StoredRow>>,
    generated: Option<Arc<dyn RowSource>>,
    /// Each generated row as GetRange sends it when nothing narrows the read, encoded on first
    /// read: the seed rows never change, and building and encoding them dominated the sandbox's
    /// share of every full-table sample.
    encoded_generated: Vec<OnceLock<Box<[u8]>>>,
    next_auto_increment: i64,
    /// Every written key in write order (one entry per write), so a delivery task can export
    /// the rows written after a point: its position in this log.
    write_log: Vec<Key>,
    /// Whether this is the seed's table (not one a user created): persistence then saves only
    /// what changed after the seed.
    from_seed: bool,
    /// Unique for the process's lifetime, so a table dropped and created again under the same
    /// name is never mistaken for the old one.
    uid: u64,
    /// Counts changes to rows and the auto-increment counter, so persistence re-encodes only
    /// tables that changed.
    revision: u64,
}

/// Hands out [`Table::uid`]s.
static NEXT_TABLE_UID: AtomicU64 = AtomicU64::new(1);

/// What the written map holds for one key: a row, or a tombstone hiding a generated row.
pub type WrittenEntry = Option<StoredRow>;

impl Table {
    pub fn new(
        schema: TableSchema,
        options: TableOptions,
        reserved: Throughput,
        created_at: i64,
    ) -> Self {
        Self {
            schema,
            options,
            reserved,
            created_at,
            written: BTreeMap::new(),
            generated: None,
            encoded_generated: Vec::new(),
            next_auto_increment: 1,
            write_log: Vec::new(),
            from_seed: false,
            uid: NEXT_TABLE_UID.fetch_add(1, AtomicOrdering::Relaxed),
            revision: 0,
        }
    }

    /// Marks the table as part of the seed (see [`Table::is_from_seed`]).
    #[must_use]
    pub fn seeded(mut self) -> Self {
        self.from_seed = true;
        self
    }

    pub fn is_from_seed(&self) -> bool {
        self.from_seed
    }

    /// `(uid, revision)`: changes whenever the table's rows do, and differs between tables.
    pub fn version(&self) -> (u64, u64) {
        (self.uid, self.revision)
    }

    /// The written rows and tombstones, by key.
    pub fn written(&self) -> &BTreeMap<Key, WrittenEntry> {
        &self.written
    }

    /// The floor of the next auto-increment value.
    pub fn auto_increment_floor(&self) -> i64 {
        self.next_auto_increment
    }

    /// Puts back a saved row state without logging a write: `Some(entry)` sets the written
    /// entry, `None` removes it (the generated row, if any, shows again).
    pub fn restore_entry(&mut self, key: Key, entry: Option<WrittenEntry>) {
        self.revision += 1;
        match entry {
            Some(entry) => {
                self.written.insert(key, entry);
            }
            None => {
                self.written.remove(&key);
            }
        }
    }

    /// Appends saved write-log entries and sets the auto-increment floor.
    pub fn restore_log(&mut self, keys: impl IntoIterator<Item = Key>, auto_increment_floor: i64) {
        self.revision += 1;
        self.write_log.extend(keys);
        self.next_auto_increment = auto_increment_floor;
    }

    #[must_use]
    pub fn with_generated_rows(mut self, source: Arc<dyn RowSource>) -> Self {
        self.encoded_generated = (0..source.row_count()).map(|_| OnceLock::new()).collect();
        self.generated = Some(source);
        self
    }

    /// Generated row `index`, built afresh (empty if the table has no generated rows).
    pub fn generated_row(&self, index: usize) -> StoredRow {
        self.generated
            .as_ref()
            .map(|source| source.row(index))
            .unwrap_or_default()
    }

    /// Generated row `index` as a whole, unfiltered read encodes it; `encode` runs once per row.
    pub fn encoded_generated_row<E>(
        &self,
        index: usize,
        encode: impl FnOnce(&StoredRow) -> Result<Vec<u8>, E>,
    ) -> Result<Cow<'_, [u8]>, E> {
        let Some(slot) = self.encoded_generated.get(index) else {
            return encode(&self.generated_row(index)).map(Cow::Owned);
        };
        if let Some(bytes) = slot.get() {
            return Ok(Cow::Borrowed(bytes));
        }
        let bytes = encode(&self.generated_row(index))?.into_boxed_slice();
        Ok(Cow::Borrowed(slot.get_or_init(|| bytes)))
    }

    /// A fresh value for an auto-increment key column: increasing, like the service's.
    pub fn next_auto_increment(&mut self, now_ms: i64) -> i64 {
        // The service hands out large, increasing numbers; microseconds make them look alike.
        let candidate = now_ms.saturating_mul(1000).max(self.next_auto_increment);
        self.next_auto_increment = candidate + 1;
        self.revision += 1;
        candidate
    }

    fn generated_index(&self, key: &Key) -> Option<usize> {
        let source = self.generated.as_ref()?;
        let index = partition_point(source.row_count(), |i| source.key(i) < *key);
        (index < source.row_count() && source.key(index) == *key).then_some(index)
    }

    pub fn get(&self, key: &Key) -> Option<Cow<'_, StoredRow>> {
        match self.written.get(key) {
            Some(Some(row)) => Some(Cow::Borrowed(row)),
            Some(None) => None,
            None => {
                let index = self.generated_index(key)?;
                self.generated.as_ref().map(|s| Cow::Owned(s.row(index)))
            }
        }
    }

    pub fn put(&mut self, key: Key, row: StoredRow) {
        self.revision += 1;
        self.write_log.push(key.clone());
        self.written.insert(key, Some(row));
    }

    /// The keys written so far, oldest first; a position in it is a write sequence number.
    pub fn write_log(&self) -> &[Key] {
        &self.write_log
    }

    pub fn delete(&mut self, key: &Key) {
        self.revision += 1;
        if self.generated_index(key).is_some() {
            self.written.insert(key.clone(), None);
        } else {
            self.written.remove(key);
        }
    }

    /// Rows with keys between the bounds, ascending or descending. The bounds must not cross.
    pub fn scan<'a>(&'a self, lower: Bound<&Key>, upper: Bound<&Key>, backward: bool) -> Scan<'a> {
        let written: WrittenRows<'a> = if backward {
            Box::new(self.written.range::<Key, _>((lower, upper)).rev())
        } else {
            Box::new(self.written.range::<Key, _>((lower, upper)))
        };
        let (first, end) = match &self.generated {
            Some(source) => {
                let below = |bound: Bound<&Key>, i: usize| match bound {
                    Bound::Included(k) => source.key(i) < *k,
                    Bound::Excluded(k) => source.key(i) <= *k,
                    Bound::Unbounded => false,
                };
                let first = partition_point(source.row_count(), |i| below(lower, i));
                let end = match upper {
                    Bound::Included(k) => {
                        partition_point(source.row_count(), |i| source.key(i) <= *k)
                    }
                    Bound::Excluded(k) => {
                        partition_point(source.row_count(), |i| source.key(i) < *k)
                    }
                    Bound::Unbounded => source.row_count(),
                };
                (first, end.max(first))
            }
            None => (0, 0),
        };
        Scan {
            written: written.peekable(),
            generated: self.generated.as_deref(),
            next: first,
            end,
            backward,
        }
    }
}

/// The first index in `0..len` for which `before` is false (`before` must be monotone).
fn partition_point(len: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, len);
    while low < high {
        let mid = low + (high - low) / 2;
        if before(mid) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    low
}

type WrittenRows<'a> = Box<dyn Iterator<Item = (&'a Key, &'a Option<StoredRow>)> + 'a>;

/// Written and generated rows merged in key order; a written row replaces the generated row
/// with the same key.
pub struct Scan<'a> {
    written: std::iter::Peekable<WrittenRows<'a>>,
    generated: Option<&'a dyn RowSource>,
    /// Generated indices still to visit: `next..end` (visited from the top when backward).
    next: usize,
    end: usize,
    backward: bool,
}

impl fmt::Debug for Scan<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scan")
            .field("next", &self.next)
            .field("end", &self.end)
            .field("backward", &self.backward)
            .finish_non_exhaustive()
    }
}

/// One row of a scan before a generated row is built: readers that can use a cached form of
/// a generated row (see [`Table::encoded_generated_row`]) never build it.
#[derive(Debug)]
pub enum ScanEntry<'a> {
    Written(&'a Key, &'a StoredRow),
    Generated(Key, usize),
}

impl<'a> Iterator for Scan<'a> {
    type Item = (Cow<'a, Key>, Cow<'a, StoredRow>);

    fn next(&mut self) -> Option<Self::Item> {
        Some(match self.next_entry()? {
            ScanEntry::Written(key, row) => (Cow::Borrowed(key), Cow::Borrowed(row)),
            ScanEntry::Generated(key, index) => {
                let source = self.generated?;
                (Cow::Owned(key), Cow::Owned(source.row(index)))
            }
        })
    }
}

impl<'a> Scan<'a> {
    /// The next row in key order, a generated one as its index.
    pub fn next_entry(&mut self) -> Option<ScanEntry<'a>> {
        loop {
            let generated = match self.generated {
                Some(source) if self.next < self.end => {
                    let index = if self.backward {
                        self.end - 1
                    } else {
                        self.next
                    };
                    Some((source, index, source.key(index)))
                }
                _ => None,
            };
            let take_written = match (self.written.peek(), &generated) {
                (None, None) => return None,
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (Some((written_key, _)), Some((_, _, generated_key))) => {
                    let order = written_key.cmp(&generated_key);
                    if self.backward {
                        order.reverse()
                    } else {
                        order
                    }
                }
            };
            if take_written != Ordering::Greater {
                if take_written == Ordering::Equal {
                    self.consume_generated();
                }
                let (key, row) = self.written.next()?;
                match row {
                    Some(row) => return Some(ScanEntry::Written(key, row)),
                    None => continue,
                }
            }
            let (_, index, key) = generated?;
            self.consume_generated();
            return Some(ScanEntry::Generated(key, index));
        }
    }

    fn consume_generated(&mut self) {
        if self.backward {
            self.end -= 1;
        } else {
            self.next += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tablestore::schema::{KeyColumn, KeyType};
    use tablestore_wire::PrimaryKeyValue;

    #[derive(Debug)]
    struct EvenNumbers(usize);

    impl RowSource for EvenNumbers {
        fn row_count(&self) -> usize {
            self.0
        }
        fn key(&self, index: usize) -> Key {
            vec![PrimaryKeyValue::Integer(
                i64::try_from(index).expect("small") * 2,
            )]
        }
        fn row(&self, index: usize) -> StoredRow {
            let mut row = StoredRow::default();
            row.columns.insert(
                "n".to_owned(),
                vec![Version {
                    timestamp: 1,
                    value: Value::Integer(i64::try_from(index).expect("small")),
                }],
            );
            row
        }
    }

    fn table() -> Table {
        let schema = TableSchema {
            name: "t".to_owned(),
            primary_key: vec![KeyColumn {
                name: "id".to_owned(),
                key_type: KeyType::Integer,
                auto_increment: false,
            }],
            defined_columns: Vec::new(),
        };
        Table::new(schema, TableOptions::default(), Throughput::default(), 0)
            .with_generated_rows(Arc::new(EvenNumbers(10)))
    }

    fn ids(scan: Scan<'_>) -> Vec<i64> {
        scan.map(|(key, _)| match key[0] {
            PrimaryKeyValue::Integer(v) => v,
            _ => unreachable!("integer keys"),
        })
        .collect()
    }

    fn int(v: i64) -> Key {
        vec![PrimaryKeyValue::Integer(v)]
    }

    #[test]
    fn written_rows_merge_with_generated_ones_in_both_directions() {
        let mut t = table();
        t.put(int(3), StoredRow::default());
        t.put(int(4), StoredRow::default());
        t.delete(&int(6));
        t.put(int(100), StoredRow::default());
        let all = (vec![PrimaryKeyValue::InfMin], vec![PrimaryKeyValue::InfMax]);
        let inc = Bound::Included;
        let exc = Bound::Excluded;
        assert_eq!(
            ids(t.scan(inc(&all.0), exc(&all.1), false)),
            vec![0, 2, 3, 4, 8, 10, 12, 14, 16, 18, 100]
        );
        assert_eq!(
            ids(t.scan(inc(&all.0), exc(&all.1), true)),
            vec![100, 18, 16, 14, 12, 10, 8, 4, 3, 2, 0]
        );
        let (three, ten) = (int(3), int(10));
        assert_eq!(ids(t.scan(inc(&three), exc(&ten), false)), vec![3, 4, 8]);
        assert_eq!(ids(t.scan(exc(&three), inc(&ten), true)), vec![10, 8, 4]);
        assert!(t.get(&int(6)).is_none());
        assert!(t.get(&int(4)).expect("written").columns.is_empty());
        assert_eq!(
            t.get(&int(8)).expect("generated").columns["n"][0].value,
            Value::Integer(4)
        );
        assert!(t.get(&int(7)).is_none());
    }
}
