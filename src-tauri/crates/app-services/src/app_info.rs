//! What the first screen needs to know about the running app.

use serde::Serialize;
use ts_rs::TS;

use crate::Locale;

/// Where the built-in sandbox listens, once it runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SandboxEndpoints {
    pub tablestore: String,
    pub oss: String,
    pub sts: String,
    /// The sandbox's own control endpoint (misbehaviour switches, key revocation): not a cloud
    /// API, and it holds no secret; tests use it to make the sandbox fail on purpose.
    pub admin: String,
}

/// Whether the in-process sandbox is running, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SandboxStatus {
    pub running: bool,
    pub endpoints: Option<SandboxEndpoints>,
}

/// The app's version, its data folder and the sandbox's state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub sandbox: SandboxStatus,
    /// The language the user chose; `null` means follow the operating system.
    pub locale: Option<Locale>,
}
