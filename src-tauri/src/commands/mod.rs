//! Thin IPC commands: parse the arguments, call a service, map the error.

// Tauri hands commands their state and arguments by value; borrowing is not an option here.
#![allow(clippy::needless_pass_by_value)]

pub mod app_info;
pub mod authoring;
pub mod cloud;
pub mod creating;
pub mod drafts;
pub mod error_log;
pub mod exports;
pub mod guard;
pub mod preferences;
pub mod profiles;
pub mod sandbox;
pub mod schema;
pub mod tasks;
