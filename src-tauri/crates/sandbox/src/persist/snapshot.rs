//! The saved state's file format: one JSON document, `state.json`, versioned.
//!
//! JSON keeps the file inspectable with any tool; rows inside it are PlainBuffer in base64
//! (see [`super::row_codec`]) and object bodies live beside it as files named by their MD5
//! (see [`super::folder`]). The seed is never written: a seed table appears only as the rows
//! changed on top of it, so the 200,000 generated `orders` rows cost nothing on disk.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Names this kind of file, so another JSON file in the folder is not mistaken for one.
pub const FORMAT: &str = "tablestore-sandbox-state";
/// Bumped whenever a change would make an older sandbox misread the file.
pub const VERSION: u32 = 1;

/// Read first, alone, so a file of another version is refused before its body is parsed.
#[derive(Debug, Deserialize)]
pub struct Header {
    pub format: String,
    pub version: u32,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Snapshot {
    pub format: String,
    pub version: u32,
    /// When it was written (RFC 3339), for people reading the file.
    pub saved_at: String,
    /// What the seed underneath was made from; a sandbox started otherwise refuses the folder.
    pub seed: SeedIdentity,
    pub tables: Vec<SavedTable>,
    pub buckets: Vec<SavedBucket>,
    pub roles: Vec<SavedRole>,
    pub tasks: Vec<SavedTask>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SeedIdentity {
    pub region: String,
    pub instance: String,
    pub large_table_rows: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TableOrigin {
    /// The seed's table of that name, with the saved changes on top.
    Seed,
    /// Created through CreateTable; everything about it is saved.
    Created,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SavedTable {
    pub name: String,
    pub origin: TableOrigin,
    /// Only for created tables (a seed table's definition comes from the seed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<SavedDefinition>,
    /// Rows present (for a seed table: those that differ from the seed), PlainBuffer base64.
    pub rows: String,
    /// Keys whose row is gone (for a seed table: seed rows deleted), PlainBuffer base64.
    pub removed: String,
    /// The write log (for a seed table: the entries after the seed's own), PlainBuffer
    /// base64. Delivery tasks follow it by position, so it is kept whole.
    pub log: String,
    pub next_auto_increment: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SavedDefinition {
    pub primary_key: Vec<SavedKeyColumn>,
    pub defined_columns: Vec<SavedDefinedColumn>,
    pub time_to_live: i32,
    pub max_versions: i32,
    pub deviation_seconds: i64,
    pub reserved_read: i32,
    pub reserved_write: i32,
    /// Seconds since the Unix epoch.
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SavedKeyColumn {
    pub name: String,
    /// `INTEGER`, `STRING` or `BINARY`.
    #[serde(rename = "type")]
    pub key_type: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub auto_increment: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SavedDefinedColumn {
    pub name: String,
    /// The protobuf `DefinedColumnType` name, e.g. `DCT_STRING`.
    #[serde(rename = "type")]
    pub column_type: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SavedBucket {
    pub name: String,
    /// Every object of the bucket, seed objects included (they are tiny).
    pub objects: Vec<SavedObject>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SavedObject {
    pub key: String,
    pub size: u64,
    pub content_type: String,
    /// Upper-case hex MD5 of the body; the body's file is `objects/<md5 lower-case>`.
    pub etag: String,
    /// RFC 3339 with nanoseconds.
    pub last_modified: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SavedRole {
    pub name: String,
    pub id: String,
    pub service_name: String,
    /// RFC 3339.
    pub created: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SavedTask {
    pub table: String,
    pub name: String,
    /// The `CreateDeliveryTaskRequest` as protobuf, base64: parsed again on load.
    pub request: String,
    pub created_at_ms: i64,
    pub created_at_write: u64,
    /// Where the engine resumes; absent while the task had not stored anything yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkpoint: Option<SavedCheckpoint>,
    /// Objects stored after the checkpoint; deleted on load (their rows are delivered again).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncommitted_objects: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SavedCheckpoint {
    pub cursor: SavedCursor,
    pub sequences: BTreeMap<String, u64>,
    /// `INIT`, `FULL` or `INCR`.
    pub phase: String,
    pub checkpoint_ns: i64,
    pub rows_delivered: u64,
    pub objects_written: u64,
    pub dirty_fields: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "camelCase", deny_unknown_fields)]
pub enum SavedCursor {
    #[serde(rename_all = "camelCase")]
    Full {
        /// The last key exported (PlainBuffer base64); absent before the first.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<String>,
        snapshot_ms: i64,
        snapshot_position: u64,
    },
    #[serde(rename_all = "camelCase")]
    Incremental {
        position: u64,
    },
    Finished,
}
