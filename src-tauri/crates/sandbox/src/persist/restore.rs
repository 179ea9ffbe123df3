//! Rebuilding a sandbox from a snapshot: the seed first, then the saved changes on top.
//!
//! Every part is checked as it is read; anything that does not fit (a key of the wrong shape,
//! a body whose MD5 differs from its ETag, a task its own rules refuse) stops the start with
//! an error naming the file, never a silent reset.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use prost::Message;
use tablestore_wire::proto::task_sync_stat::TaskSyncPhase;
use tablestore_wire::proto::{CreateDeliveryTaskRequest, DefinedColumnType};

use super::capture::key_type_name;
use super::folder::Folder;
use super::row_codec::{self, RowCodecError};
use super::snapshot::{SavedCursor, SavedTable, SavedTask, Snapshot, TableOrigin};
use super::PersistError;
use crate::delivery::{Checkpoint, Cursor, Progress, TaskStatus};
use crate::openapi::Role;
use crate::oss::StoredObject;
use crate::state::SandboxState;
use crate::tablestore::schema::{
    DefinedColumn, Key, KeyColumn, KeyType, TableOptions, TableSchema,
};
use crate::tablestore::table::{Table, Throughput};
use crate::tablestore::Tables;

/// A task to start once the state is shared (engines need the `Arc`).
#[derive(Debug)]
pub struct PendingTask {
    pub request: CreateDeliveryTaskRequest,
    pub created_at_ms: i64,
    pub created_at_write: usize,
    pub progress: Progress,
}

/// Reports a part of `path` that does not make sense.
struct Reader<'a> {
    path: &'a Path,
}

impl Reader<'_> {
    fn corrupt(&self, reason: impl Into<String>) -> PersistError {
        PersistError::Corrupt {
            path: self.path.to_owned(),
            reason: reason.into(),
        }
    }

    fn rows(
        &self,
        table: &str,
        what: &str,
        text: &str,
    ) -> Result<Vec<(Key, crate::tablestore::table::StoredRow)>, PersistError> {
        row_codec::decode(text).map_err(|e: RowCodecError| {
            self.corrupt(format!("the {what} of table `{table}` cannot be read: {e}"))
        })
    }

    fn time(&self, text: &str, what: &str) -> Result<DateTime<Utc>, PersistError> {
        DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| self.corrupt(format!("{what} `{text}` is not an RFC 3339 time: {e}")))
    }
}

/// Replaces the freshly seeded state's data with the snapshot's; returns the tasks to start.
pub fn apply(
    state: &SandboxState,
    snapshot: &Snapshot,
    folder: &Folder,
) -> Result<Vec<PendingTask>, PersistError> {
    let path = folder.state_path();
    let reader = Reader { path: &path };
    restore_tables(state, &snapshot.tables, &reader)?;
    let mut tasks = snapshot
        .tasks
        .iter()
        .map(|task| pending_task(task, &reader))
        .collect::<Result<Vec<_>, _>>()?;
    // Objects stored after a task's checkpoint hold rows the task will deliver again.
    let uncommitted: BTreeSet<(String, String)> = tasks
        .iter()
        .flat_map(|task| {
            let bucket = task
                .request
                .task_config
                .as_ref()
                .and_then(|config| config.oss_bucket.clone())
                .unwrap_or_default();
            task.progress
                .uncommitted
                .iter()
                .map(move |key| (bucket.clone(), key.clone()))
        })
        .collect();
    // States saved before DeleteTable took a table's tasks with it can hold tasks of a
    // deleted table; they are dropped, as the service would have dropped them (their
    // uncommitted objects, collected above, are still removed).
    {
        let tables = state.tablestore.tables();
        tasks.retain(|task| {
            task.request
                .table_name
                .as_ref()
                .is_some_and(|table| tables.contains_key(table))
        });
    }
    let mut saved_buckets: BTreeMap<&str, Vec<StoredObject>> = BTreeMap::new();
    for bucket in &snapshot.buckets {
        let mut objects = Vec::with_capacity(bucket.objects.len());
        for saved in &bucket.objects {
            if uncommitted.contains(&(bucket.name.clone(), saved.key.clone())) {
                continue;
            }
            objects.push(read_object(folder, &reader, saved)?);
        }
        saved_buckets.insert(&bucket.name, objects);
    }
    // A snapshot lists every bucket it had, empty ones too, so a seeded bucket it lacks was
    // deleted (DeleteBucket) before it was saved.
    for bucket in state.oss.buckets() {
        match saved_buckets.remove(bucket.name.as_str()) {
            Some(objects) => {
                state.oss.replace_objects(&bucket.name, objects);
            }
            None => {
                state.oss.forget_bucket(&bucket.name);
            }
        }
    }
    if let Some(unknown) = saved_buckets.keys().next() {
        return Err(reader.corrupt(format!(
            "it names bucket `{unknown}`, which this sandbox does not have"
        )));
    }
    let roles = snapshot
        .roles
        .iter()
        .map(|role| {
            Ok(Role {
                name: role.name.clone(),
                id: role.id.clone(),
                service_name: role.service_name.clone(),
                created: reader.time(&role.created, "a role's creation time")?,
            })
        })
        .collect::<Result<Vec<_>, PersistError>>()?;
    state.openapi.roles().restore(roles);
    Ok(tasks)
}

fn read_object(
    folder: &Folder,
    reader: &Reader<'_>,
    saved: &super::snapshot::SavedObject,
) -> Result<StoredObject, PersistError> {
    let md5 = saved.etag.to_ascii_lowercase();
    if md5.len() != 32 || !md5.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(reader.corrupt(format!(
            "object `{}` has an invalid ETag `{}`",
            saved.key, saved.etag
        )));
    }
    let body = folder.read_body(&md5)?;
    let mut object = StoredObject::new(
        saved.key.clone(),
        Bytes::from(body),
        saved.content_type.clone(),
        reader.time(&saved.last_modified, "an object's last-modified time")?,
    );
    if object.etag != saved.etag.to_ascii_uppercase() || object.size() as u64 != saved.size {
        return Err(PersistError::Corrupt {
            path: folder.body_path(&md5),
            reason: format!(
                "the body of object `{}` should be {} bytes with MD5 {}, but is {} bytes with MD5 {}",
                saved.key, saved.size, saved.etag, object.size(), object.etag
            ),
        });
    }
    object.metadata = saved.metadata.clone();
    Ok(object)
}

fn restore_tables(
    state: &SandboxState,
    saved: &[SavedTable],
    reader: &Reader<'_>,
) -> Result<(), PersistError> {
    let mut tables = state.tablestore.tables_mut();
    let mut seed: Tables = std::mem::take(&mut *tables);
    for saved_table in saved {
        let table = match saved_table.origin {
            TableOrigin::Seed => seed.remove(&saved_table.name).ok_or_else(|| {
                reader.corrupt(format!(
                    "it names seed table `{}`, which this sandbox's seed lacks",
                    saved_table.name
                ))
            })?,
            TableOrigin::Created => created_table(saved_table, reader)?,
        };
        let table = apply_changes(table, saved_table, reader)?;
        tables.insert(saved_table.name.clone(), table);
    }
    Ok(())
}

fn created_table(saved: &SavedTable, reader: &Reader<'_>) -> Result<Table, PersistError> {
    let definition = saved.definition.as_ref().ok_or_else(|| {
        reader.corrupt(format!("created table `{}` has no definition", saved.name))
    })?;
    let mut primary_key = Vec::new();
    for column in &definition.primary_key {
        let key_type = [KeyType::Integer, KeyType::String, KeyType::Binary]
            .into_iter()
            .find(|t| key_type_name(*t) == column.key_type)
            .ok_or_else(|| {
                reader.corrupt(format!(
                    "key column `{}` has unknown type `{}`",
                    column.name, column.key_type
                ))
            })?;
        primary_key.push(KeyColumn {
            name: column.name.clone(),
            key_type,
            auto_increment: column.auto_increment,
        });
    }
    let mut defined_columns = Vec::new();
    for column in &definition.defined_columns {
        let column_type =
            DefinedColumnType::from_str_name(&column.column_type).ok_or_else(|| {
                reader.corrupt(format!(
                    "column `{}` has unknown type `{}`",
                    column.name, column.column_type
                ))
            })?;
        defined_columns.push(DefinedColumn {
            name: column.name.clone(),
            column_type,
        });
    }
    if primary_key.is_empty() {
        return Err(reader.corrupt(format!("table `{}` has no primary key", saved.name)));
    }
    Ok(Table::new(
        TableSchema {
            name: saved.name.clone(),
            primary_key,
            defined_columns,
        },
        TableOptions {
            time_to_live: definition.time_to_live,
            max_versions: definition.max_versions,
            deviation_seconds: definition.deviation_seconds,
        },
        Throughput {
            read: definition.reserved_read,
            write: definition.reserved_write,
        },
        definition.created_at,
    ))
}

fn apply_changes(
    mut table: Table,
    saved: &SavedTable,
    reader: &Reader<'_>,
) -> Result<Table, PersistError> {
    let arity = table.schema.primary_key.len();
    let shaped = |key: &Key, what: &str| {
        if key.len() == arity {
            Ok(())
        } else {
            Err(reader.corrupt(format!(
                "a key in the {what} of table `{}` has {} columns, not {arity}",
                saved.name,
                key.len()
            )))
        }
    };
    for (key, row) in reader.rows(&saved.name, "rows", &saved.rows)? {
        shaped(&key, "rows")?;
        table.restore_entry(key, Some(Some(row)));
    }
    for (key, _) in reader.rows(&saved.name, "removed rows", &saved.removed)? {
        shaped(&key, "removed rows")?;
        // A generated row stays hidden; any other row is simply gone.
        table.delete(&key);
    }
    let mut log = Vec::new();
    for (key, _) in reader.rows(&saved.name, "write log", &saved.log)? {
        shaped(&key, "write log")?;
        log.push(key);
    }
    table.restore_log(log, saved.next_auto_increment);
    Ok(table)
}

fn pending_task(saved: &SavedTask, reader: &Reader<'_>) -> Result<PendingTask, PersistError> {
    let what = format!("delivery task `{}` of table `{}`", saved.name, saved.table);
    let bytes = STANDARD
        .decode(&saved.request)
        .map_err(|e| reader.corrupt(format!("the request of {what} is not base64: {e}")))?;
    let request = CreateDeliveryTaskRequest::decode(bytes.as_slice())
        .map_err(|e| reader.corrupt(format!("the request of {what} cannot be decoded: {e}")))?;
    let committed = match &saved.checkpoint {
        None => None,
        Some(checkpoint) => {
            let cursor = match &checkpoint.cursor {
                SavedCursor::Full {
                    after,
                    snapshot_ms,
                    snapshot_position,
                } => Cursor::Full {
                    after: row_codec::decode_key(after.as_deref()).map_err(|e| {
                        reader.corrupt(format!("the cursor of {what} cannot be read: {e}"))
                    })?,
                    snapshot_ms: *snapshot_ms,
                    snapshot_position: usize::try_from(*snapshot_position).unwrap_or(usize::MAX),
                },
                SavedCursor::Incremental { position } => Cursor::Incremental {
                    position: usize::try_from(*position).unwrap_or(usize::MAX),
                },
                SavedCursor::Finished => Cursor::Finished,
            };
            let phase = TaskSyncPhase::from_str_name(&checkpoint.phase).ok_or_else(|| {
                reader.corrupt(format!(
                    "{what} has an unknown phase `{}`",
                    checkpoint.phase
                ))
            })?;
            Some(Checkpoint {
                cursor,
                sequences: checkpoint.sequences.clone(),
                status: TaskStatus {
                    phase,
                    checkpoint_ns: checkpoint.checkpoint_ns,
                    error: None,
                    rows_delivered: checkpoint.rows_delivered,
                    objects_written: checkpoint.objects_written,
                    dirty_fields: checkpoint.dirty_fields,
                },
            })
        }
    };
    Ok(PendingTask {
        request,
        created_at_ms: saved.created_at_ms,
        created_at_write: usize::try_from(saved.created_at_write).unwrap_or(usize::MAX),
        progress: Progress {
            committed,
            uncommitted: saved.uncommitted_objects.clone(),
        },
    })
}
