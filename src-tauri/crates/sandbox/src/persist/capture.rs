//! Taking a snapshot of a running sandbox without stopping it.
//!
//! Delivery progress and the OSS listing are copied together while engines are held between
//! storing and recording (see `delivery::Store::freeze_commits`), so a saved checkpoint never
//! claims an object the saved listing lacks, nor misses one it holds. Tables are read after
//! that, so every write-log position a checkpoint names is in the saved log. Objects are
//! shared, not copied; a table's rows are encoded again only when the table changed.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use chrono::SecondsFormat;
use prost::Message;

use super::row_codec;
use super::snapshot::{
    SavedBucket, SavedCheckpoint, SavedCursor, SavedDefinedColumn, SavedDefinition, SavedKeyColumn,
    SavedObject, SavedRole, SavedTable, SavedTask, SeedIdentity, Snapshot, TableOrigin, FORMAT,
    VERSION,
};
use super::PersistError;
use crate::delivery::{Cursor, Progress, Task};
use crate::oss::StoredObject;
use crate::state::SandboxState;
use crate::tablestore::schema::{Key, KeyType, TableSchema};
use crate::tablestore::table::{StoredRow, Table, WrittenEntry};
use crate::tablestore::Tables;

/// A snapshot and the object bodies it names.
#[derive(Debug)]
pub struct Capture {
    pub snapshot: Snapshot,
    pub objects: Vec<Arc<StoredObject>>,
}

/// What a seed table held before anyone wrote to it.
#[derive(Debug)]
struct Baseline {
    written: BTreeMap<Key, WrittenEntry>,
    log_len: usize,
}

/// Takes snapshots, remembering what it needs between them.
#[derive(Debug)]
pub struct Capturer {
    identity: SeedIdentity,
    /// Each seed table's own rows, to save only what changed on top of them (generated rows
    /// never change, so they are not kept here).
    seed: HashMap<String, Baseline>,
    /// Each table's last encoding, by name, with the table version it was made from.
    encoded: HashMap<String, ((u64, u64), SavedTable)>,
}

fn encoding_failed(table: &str, error: &tablestore_wire::WireError) -> PersistError {
    PersistError::Encode {
        what: format!("table `{table}`"),
        reason: error.to_string(),
    }
}

pub fn key_type_name(key_type: KeyType) -> &'static str {
    match key_type {
        KeyType::Integer => "INTEGER",
        KeyType::String => "STRING",
        KeyType::Binary => "BINARY",
    }
}

fn definition(table: &Table) -> SavedDefinition {
    let schema = &table.schema;
    SavedDefinition {
        primary_key: schema
            .primary_key
            .iter()
            .map(|column| SavedKeyColumn {
                name: column.name.clone(),
                key_type: key_type_name(column.key_type).to_owned(),
                auto_increment: column.auto_increment,
            })
            .collect(),
        defined_columns: schema
            .defined_columns
            .iter()
            .map(|column| SavedDefinedColumn {
                name: column.name.clone(),
                column_type: column.column_type.as_str_name().to_owned(),
            })
            .collect(),
        time_to_live: table.options.time_to_live,
        max_versions: table.options.max_versions,
        deviation_seconds: table.options.deviation_seconds,
        reserved_read: table.reserved.read,
        reserved_write: table.reserved.write,
        created_at: table.created_at,
    }
}

fn encode_rows<'a>(
    schema: &TableSchema,
    rows: impl IntoIterator<Item = (&'a Key, &'a StoredRow)>,
) -> Result<String, PersistError> {
    row_codec::encode(schema, rows.into_iter().map(|(k, r)| (k, Some(r))))
        .map_err(|e| encoding_failed(&schema.name, &e))
}

fn encode_keys<'a>(
    schema: &TableSchema,
    keys: impl IntoIterator<Item = &'a Key>,
) -> Result<String, PersistError> {
    row_codec::encode(schema, keys.into_iter().map(|k| (k, None)))
        .map_err(|e| encoding_failed(&schema.name, &e))
}

/// A seed table: only the rows that differ from the seed, the seed rows now gone, and the
/// writes logged after the seed's own.
fn seed_table(table: &Table, seed: &Baseline) -> Result<SavedTable, PersistError> {
    let schema = &table.schema;
    let mut rows = Vec::new();
    let mut removed = Vec::new();
    for (key, entry) in table.written() {
        if seed.written.get(key) == Some(entry) {
            continue;
        }
        match entry {
            Some(row) => rows.push((key, row)),
            None => removed.push(key),
        }
    }
    removed.extend(
        seed.written
            .keys()
            .filter(|key| !table.written().contains_key(*key)),
    );
    let log = table.write_log().get(seed.log_len..).unwrap_or_default();
    Ok(SavedTable {
        name: schema.name.clone(),
        origin: TableOrigin::Seed,
        definition: None,
        rows: encode_rows(schema, rows)?,
        removed: encode_keys(schema, removed)?,
        log: encode_keys(schema, log)?,
        next_auto_increment: table.auto_increment_floor(),
    })
}

fn created_table(table: &Table) -> Result<SavedTable, PersistError> {
    let schema = &table.schema;
    let rows = table
        .written()
        .iter()
        .filter_map(|(key, entry)| entry.as_ref().map(|row| (key, row)));
    let removed = table
        .written()
        .iter()
        .filter(|(_, entry)| entry.is_none())
        .map(|(key, _)| key);
    Ok(SavedTable {
        name: schema.name.clone(),
        origin: TableOrigin::Created,
        definition: Some(definition(table)),
        rows: encode_rows(schema, rows)?,
        removed: encode_keys(schema, removed)?,
        log: encode_keys(schema, table.write_log())?,
        next_auto_increment: table.auto_increment_floor(),
    })
}

fn saved_object(object: &StoredObject) -> SavedObject {
    SavedObject {
        key: object.key.clone(),
        size: object.size() as u64,
        content_type: object.content_type.clone(),
        etag: object.etag.clone(),
        last_modified: object
            .last_modified
            .to_rfc3339_opts(SecondsFormat::Nanos, true),
        metadata: object.metadata.clone(),
    }
}

fn saved_cursor(cursor: &Cursor) -> Result<SavedCursor, PersistError> {
    Ok(match cursor {
        Cursor::Full {
            after,
            snapshot_ms,
            snapshot_position,
        } => SavedCursor::Full {
            after: row_codec::encode_key(after.as_ref()).map_err(|e| PersistError::Encode {
                what: "a delivery cursor".to_owned(),
                reason: e.to_string(),
            })?,
            snapshot_ms: *snapshot_ms,
            snapshot_position: *snapshot_position as u64,
        },
        Cursor::Incremental { position } => SavedCursor::Incremental {
            position: *position as u64,
        },
        Cursor::Finished => SavedCursor::Finished,
    })
}

fn saved_task(task: &Task, progress: &Progress) -> Result<SavedTask, PersistError> {
    let checkpoint = match &progress.committed {
        None => None,
        Some(checkpoint) => Some(SavedCheckpoint {
            cursor: saved_cursor(&checkpoint.cursor)?,
            sequences: checkpoint.sequences.clone(),
            phase: checkpoint.status.phase.as_str_name().to_owned(),
            checkpoint_ns: checkpoint.status.checkpoint_ns,
            rows_delivered: checkpoint.status.rows_delivered,
            objects_written: checkpoint.status.objects_written,
            dirty_fields: checkpoint.status.dirty_fields,
        }),
    };
    Ok(SavedTask {
        table: task.spec.table.clone(),
        name: task.spec.name.to_string(),
        request: STANDARD.encode(task.spec.request().encode_to_vec()),
        created_at_ms: task.spec.created_at_ms,
        created_at_write: task.spec.created_at_write as u64,
        checkpoint,
        uncommitted_objects: progress.uncommitted.clone(),
    })
}

impl Capturer {
    pub fn new(identity: SeedIdentity, seed: Tables) -> Self {
        let seed = seed
            .into_iter()
            .map(|(name, table)| {
                let baseline = Baseline {
                    written: table.written().clone(),
                    log_len: table.write_log().len(),
                };
                (name, baseline)
            })
            .collect();
        Self {
            identity,
            seed,
            encoded: HashMap::new(),
        }
    }

    pub fn capture(&mut self, state: &SandboxState) -> Result<Capture, PersistError> {
        let (tasks, contents) = {
            let _frozen = state.delivery.freeze_commits();
            let tasks: Vec<(Arc<Task>, Progress)> = state
                .delivery
                .all()
                .into_iter()
                .map(|task| {
                    let progress = task.progress();
                    (task, progress)
                })
                .collect();
            (tasks, state.oss.contents())
        };
        let tasks = tasks
            .iter()
            .map(|(task, progress)| saved_task(task, progress))
            .collect::<Result<Vec<_>, _>>()?;
        let mut objects = Vec::new();
        let buckets = contents
            .into_iter()
            .map(|bucket| {
                let saved = bucket.objects.iter().map(|o| saved_object(o)).collect();
                objects.extend(bucket.objects);
                SavedBucket {
                    name: bucket.info.name,
                    objects: saved,
                }
            })
            .collect();
        let roles = state
            .openapi
            .roles()
            .all()
            .into_iter()
            .map(|role| SavedRole {
                name: role.name,
                id: role.id,
                service_name: role.service_name,
                created: role.created.to_rfc3339_opts(SecondsFormat::Secs, true),
            })
            .collect();
        let tables = self.tables(state)?;
        Ok(Capture {
            snapshot: Snapshot {
                format: FORMAT.to_owned(),
                version: VERSION,
                saved_at: state.now().to_rfc3339_opts(SecondsFormat::Millis, true),
                seed: self.identity.clone(),
                tables,
                buckets,
                roles,
                tasks,
            },
            objects,
        })
    }

    fn tables(&mut self, state: &SandboxState) -> Result<Vec<SavedTable>, PersistError> {
        let tables = state.tablestore.tables();
        let mut saved = Vec::with_capacity(tables.len());
        let mut encoded = HashMap::with_capacity(tables.len());
        for (name, table) in tables.iter() {
            let version = table.version();
            let fresh = match self.encoded.remove(name) {
                Some((was, table)) if was == version => table,
                _ => match self.seed.get(name).filter(|_| table.is_from_seed()) {
                    Some(seed) => seed_table(table, seed)?,
                    None => created_table(table)?,
                },
            };
            saved.push(fresh.clone());
            encoded.insert(name.clone(), (version, fresh));
        }
        self.encoded = encoded;
        Ok(saved)
    }
}
