//! Exporting a valid draft as JSON or SDK code (Go, Java).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What to export a task as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ExportFormat {
    Json,
    Go,
    Java,
}

/// An export: the text and a file name to suggest in the save dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportedTask {
    pub format: ExportFormat,
    pub file_name: String,
    pub text: String,
}

use delivery::export_go::export_go;
use delivery::export_java::{export_java, java_class_name};
use delivery::export_json::export_task_json;
use delivery::CreateDeliveryTaskRequest;

/// The request as `format`, with the file name a save dialog suggests.
pub fn export(request: &CreateDeliveryTaskRequest, format: ExportFormat) -> ExportedTask {
    let task = request.task_name.as_str();
    let (file_name, text) = match format {
        ExportFormat::Json => (format!("{task}.json"), export_task_json(request)),
        ExportFormat::Go => (
            format!("create_{}.go", task.replace('-', "_")),
            export_go(request),
        ),
        ExportFormat::Java => (
            format!("{}.java", java_class_name(task)),
            export_java(request),
        ),
    };
    ExportedTask {
        format,
        file_name,
        text,
    }
}
