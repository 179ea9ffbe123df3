//! The app's services and the values that cross the IPC boundary.
//!
//! This crate owns [`IpcError`], the one error shape the web view ever sees, and
//! [`AppServices`], which the Tauri shell holds in its state and calls from thin commands.
//! It must never depend on Tauri: everything here builds and tests without a display.

pub mod app_info;
pub mod connection_test;
mod error_mapping;
pub mod import;
pub mod ipc_error;
pub mod locale;
pub mod pickers;
pub mod preferences;
pub mod sandbox_runtime;
pub mod schema_sampling;
pub mod services;
pub mod tasks;
pub mod vaults;

pub use app_info::{AppInfo, SandboxEndpoints, SandboxStatus};
pub use connection_test::{ConnectionReport, PermissionCheck};
pub use import::{ImportRequest, ImportSources};
pub use ipc_error::{ErrorCode, IpcError};
pub use locale::Locale;
pub use pickers::{BucketChoice, InstanceChoice};
pub use preferences::{Preferences, PreferencesError};
pub use schema_sampling::{SamplingProgress, SchemaSample};
pub use services::AppServices;
pub use tasks::{DeliveryTaskStatus, DeliveryTaskView};
