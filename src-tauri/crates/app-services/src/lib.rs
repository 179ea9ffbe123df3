//! The app's services and the values that cross the IPC boundary.
//!
//! This crate owns [`IpcError`], the one error shape the web view ever sees, and
//! [`AppServices`], which the Tauri shell holds in its state and calls from thin commands.
//! It must never depend on Tauri: everything here builds and tests without a display.

pub mod app_info;
pub mod connection_test;
pub mod delivered_files;
pub mod delivery_role;
pub mod draft_review;
pub mod drafts_store;
pub mod drift;
mod error_mapping;
pub mod import;
pub mod instance_tasks;
pub mod ipc_error;
pub mod licences;
pub mod locale;
pub mod parquet_preview;
pub mod pickers;
pub mod preferences;
pub mod sample_cache;
pub mod sandbox_runtime;
pub mod schema_sampling;
pub mod services;
pub mod task_exports;
pub mod tasks;
pub mod type_rules;
pub mod vaults;

pub use app_info::{AppInfo, SandboxEndpoints, SandboxStatus};
pub use connection_test::{ConnectionReport, PermissionCheck};
pub use delivered_files::{DeliveredFiles, DeliveredObject};
pub use delivery_role::DeliveryRoleStatus;
pub use draft_review::DraftReview;
pub use drafts_store::DraftSummary;
pub use drift::DriftReport;
pub use import::{EnvironmentSource, ImportRequest, ImportSources};
pub use instance_tasks::{InstanceTasks, TableFailure};
pub use ipc_error::{ErrorCode, IpcError};
pub use licences::{licence_list, LicenceList};
pub use locale::Locale;
pub use parquet_preview::{ParquetPreview, PreviewColumn};
pub use pickers::{BucketChoice, InstanceChoice};
pub use preferences::{Preferences, PreferencesError};
pub use sandbox_runtime::fast_sandbox_delivery;
pub use schema_sampling::{SamplingProgress, SchemaSample};
pub use services::AppServices;
pub use task_exports::{ExportFormat, ExportedTask};
pub use tasks::{DeliveryTaskStatus, DeliveryTaskView};
pub use type_rules::{type_rules, TypeRule};
