//! The four delivery-task operations: CreateDeliveryTask, ListDeliveryTask,
//! DescribeDeliveryTask and DeleteDeliveryTask (spec `tablestore.md` 4.1-4.2).
//!
//! The service's codes for an unknown table or task, a duplicate task and deleting while
//! initialising are unconfirmed; the generic codes the spec suggests are used.

use std::sync::Arc;

use axum::http::StatusCode;
use tablestore_wire::proto::task_sync_stat::TaskSyncPhase;
use tablestore_wire::proto::{
    CreateDeliveryTaskRequest, CreateDeliveryTaskResponse, DeleteDeliveryTaskRequest,
    DeleteDeliveryTaskResponse, DeliveryTaskInfo, DescribeDeliveryTaskRequest,
    DescribeDeliveryTaskResponse, ListDeliveryTaskRequest, ListDeliveryTaskResponse,
};

use super::task::{Progress, Task};
use super::{engine, validate};
use crate::state::SandboxState;
use crate::tablestore::error::OtsError;

fn task_not_exist() -> OtsError {
    OtsError {
        status: StatusCode::NOT_FOUND,
        code: "OTSObjectNotExist",
        message: "Requested delivery task does not exist.".to_owned(),
    }
}

fn task_already_exist() -> OtsError {
    OtsError {
        status: StatusCode::CONFLICT,
        code: "OTSObjectAlreadyExist",
        message: "Requested delivery task already exists.".to_owned(),
    }
}

fn text<'a>(value: Option<&'a String>, what: &str) -> Result<&'a str, OtsError> {
    match value.map(String::as_str) {
        Some(text) if !text.is_empty() => Ok(text),
        _ => Err(OtsError::parameter_invalid(format!("{what} is required."))),
    }
}

/// Checks the request, then starts the task's engine; problems with the bucket or the role
/// surface later, in Describe.
pub fn create(
    state: &Arc<SandboxState>,
    request: &CreateDeliveryTaskRequest,
) -> Result<CreateDeliveryTaskResponse, OtsError> {
    let now_ms = state.now().timestamp_millis();
    let mut spec = validate::task_spec(request, now_ms, 0)?;
    // The write-log position is read, and the task added, under the lock that proves the table
    // exists: DeleteTable removes a table's tasks under the same lock, so a task never
    // outlives its table.
    let tables = state.tablestore.tables();
    let table = tables
        .get(&spec.table)
        .ok_or_else(OtsError::table_not_exist)?;
    spec.created_at_write = table.write_log().len();
    let task = {
        let mut tasks = state.delivery.tasks();
        let key = (spec.table.clone(), spec.name.to_string());
        if tasks.contains_key(&key) {
            return Err(task_already_exist());
        }
        let task = Arc::new(Task::new(spec));
        tasks.insert(key, task.clone());
        task
    };
    drop(tables);
    state.delivery.note_change();
    engine::spawn(Arc::downgrade(state), task, state.delivery.timing().clone());
    Ok(CreateDeliveryTaskResponse {})
}

/// Puts back a saved task and starts its engine from its saved progress. The request is
/// parsed again, so a saved task obeys the same rules as a new one.
pub fn resume(
    state: &Arc<SandboxState>,
    request: &CreateDeliveryTaskRequest,
    created_at_ms: i64,
    created_at_write: usize,
    progress: Progress,
) -> Result<(), OtsError> {
    let spec = validate::task_spec(request, created_at_ms, created_at_write)?;
    let key = (spec.table.clone(), spec.name.to_string());
    let task = Arc::new(Task::resumed(spec, progress));
    state.delivery.tasks().insert(key, task.clone());
    engine::spawn(Arc::downgrade(state), task, state.delivery.timing().clone());
    Ok(())
}

/// The table's tasks, by name.
pub fn list(
    state: &SandboxState,
    request: &ListDeliveryTaskRequest,
) -> Result<ListDeliveryTaskResponse, OtsError> {
    let table = text(request.table_name.as_ref(), "The table name")?;
    if !state.tablestore.tables().contains_key(table) {
        return Err(OtsError::table_not_exist());
    }
    let tasks = state
        .delivery
        .tasks()
        .values()
        .filter(|task| task.spec.table == table)
        .map(|task| DeliveryTaskInfo {
            table_name: Some(task.spec.table.clone()),
            task_name: Some(task.spec.name.to_string()),
            task_type: Some(task.spec.task_type as i32),
        })
        .collect();
    Ok(ListDeliveryTaskResponse { tasks })
}

fn find(
    state: &SandboxState,
    table: Option<&String>,
    name: Option<&String>,
) -> Result<Arc<Task>, OtsError> {
    let table = text(table, "The table name")?;
    let name = text(name, "The task name")?;
    state.delivery.task(table, name).ok_or_else(task_not_exist)
}

/// The stored configuration, the type and the sync state (phase, checkpoint, error).
pub fn describe(
    state: &SandboxState,
    request: &DescribeDeliveryTaskRequest,
) -> Result<DescribeDeliveryTaskResponse, OtsError> {
    let task = find(
        state,
        request.table_name.as_ref(),
        request.task_name.as_ref(),
    )?;
    Ok(DescribeDeliveryTaskResponse {
        task_config: Some(task.spec.config.clone()),
        task_sync_stat: Some(task.status().to_proto()),
        task_type: Some(task.spec.task_type as i32),
    })
}

/// Stops the task and forgets it; objects already in OSS stay. Refused while initialising,
/// as the service refuses it (retry later).
pub fn delete(
    state: &SandboxState,
    request: &DeleteDeliveryTaskRequest,
) -> Result<DeleteDeliveryTaskResponse, OtsError> {
    let task = find(
        state,
        request.table_name.as_ref(),
        request.task_name.as_ref(),
    )?;
    if task.status().phase == TaskSyncPhase::Init {
        return Err(OtsError::parameter_invalid(
            "The delivery task is still initializing and cannot be deleted yet; retry later.",
        ));
    }
    task.stop();
    state
        .delivery
        .tasks()
        .remove(&(task.spec.table.clone(), task.spec.name.to_string()));
    state.delivery.note_change();
    Ok(DeleteDeliveryTaskResponse {})
}
