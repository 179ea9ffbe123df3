//! Saved drafts: a versioned JSON envelope around [`TaskDraft`].
//!
//! ```json
//! { "kind": "tablestore-delivery-draft", "version": 1, "draft": { …TaskDraft, camelCase… } }
//! ```
//!
//! Files of another version are refused with `unsupported_draft_version` before any field is
//! read. [`open_task_file`] also accepts an exported task (see [`crate::export_json`]).

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::error::DeliveryError;
use crate::export_json::{check_kind_and_version, import_task_json, TASK_KIND};
use crate::task_draft::TaskDraft;

pub const DRAFT_KIND: &str = "tablestore-delivery-draft";
pub const DRAFT_FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct DraftFileOut<'a> {
    kind: &'static str,
    version: u32,
    draft: &'a TaskDraft,
}

#[derive(Deserialize)]
struct DraftFileIn {
    draft: TaskDraft,
}

/// The draft as pretty JSON (trailing newline).
pub fn save_draft(draft: &TaskDraft) -> String {
    let file = DraftFileOut {
        kind: DRAFT_KIND,
        version: DRAFT_FORMAT_VERSION,
        draft,
    };
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads a saved draft.
pub fn load_draft(text: &str) -> Result<TaskDraft, DeliveryError> {
    let json = parse_json(text)?;
    check_kind_and_version(&json, DRAFT_KIND, DRAFT_FORMAT_VERSION)?;
    let file: DraftFileIn = serde_json::from_value(json)
        .map_err(|e| DeliveryError::MalformedDraft(format!("a field has the wrong shape ({e})")))?;
    Ok(file.draft)
}

/// Reads either a saved draft or an exported task, by its `kind`.
pub fn open_task_file(text: &str) -> Result<TaskDraft, DeliveryError> {
    let json = parse_json(text)?;
    match json.get("kind").and_then(Json::as_str) {
        Some(TASK_KIND) => import_task_json(text),
        _ => load_draft(text),
    }
}

fn parse_json(text: &str) -> Result<Json, DeliveryError> {
    serde_json::from_str(text)
        .map_err(|e| DeliveryError::MalformedDraft(format!("it is not valid JSON ({e})")))
}
