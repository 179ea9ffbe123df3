//! The delivery tasks of a whole instance. The service lists tasks per table, so the app asks
//! every table, a few at a time, and reports tables it could not ask instead of failing all.

use serde::Serialize;
use ts_rs::TS;

use crate::{DeliveryTaskView, IpcError};

/// Tables asked at once: enough to hide latency, few enough not to trip throttling.
pub const TABLES_AT_ONCE: usize = 8;

/// A table whose tasks could not be listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TableFailure {
    pub table_name: String,
    pub error: IpcError,
}

/// Every task of the instance, by table then task name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InstanceTasks {
    pub tasks: Vec<DeliveryTaskView>,
    pub tables_asked: u32,
    pub failed_tables: Vec<TableFailure>,
}
