//! Delivery domain for Tablestore → OSS Parquet delivery tasks.
//!
//! Owns the mapping model (source columns, Parquet schema, task settings, the
//! `CreateDeliveryTask` request built from them), the type rules, validation as parsed types,
//! the prefix preview, the event-time check, streaming schema inference, Parquet rendering to
//! bytes, and the exports (JSON, Go, Java, saved drafts).
//!
//! It must not do I/O: no network, no files, no clock. Instants, rows and regions come in as
//! arguments; bytes and strings go out.

pub mod bucket_name;
pub mod civil_time;
mod code_literal;
pub mod draft_file;
pub mod draft_validation;
pub mod error;
pub mod event_time_check;
pub mod event_time_format;
pub mod export_go;
pub mod export_java;
pub mod export_json;
mod i64_string;
pub mod issue;
pub mod oss_prefix;
pub mod output_column_name;
mod parquet_column_buffer;
mod parquet_encode;
mod parquet_gather;
pub mod parquet_render;
pub mod parquet_schema;
pub mod parquet_type;
pub mod prefix_preview;
pub mod region;
pub mod request;
pub mod role_arn;
pub mod schema_inference;
pub mod schema_type_check;
pub mod source_column;
mod string_newtype;
pub mod table_name;
pub mod tablestore_type;
pub mod task_draft;
pub mod task_name;
pub mod task_settings;
pub mod task_type;
pub mod type_compat;

pub use bucket_name::BucketName;
pub use draft_validation::{validate_draft, ValidationContext, ValidationOutcome};
pub use error::DeliveryError;
pub use event_time_format::EventTimeFormat;
pub use issue::{Issue, Severity};
pub use oss_prefix::{OssPrefix, TimeVariable};
pub use output_column_name::OutputColumnName;
pub use parquet_schema::{ParquetSchema, SchemaEntry};
pub use parquet_type::ParquetType;
pub use region::{OssEndpoint, RegionId};
pub use request::{CreateDeliveryTaskRequest, OssTaskConfig, ParquetSchemaField};
pub use role_arn::RoleArn;
pub use source_column::{ColumnOrigin, SourceColumn};
pub use table_name::TableName;
pub use tablestore_type::TablestoreType;
pub use task_draft::{EventTimeDraft, SchemaEntryDraft, TaskDraft};
pub use task_name::TaskName;
pub use task_settings::{EventTimeColumn, TaskSettings};
pub use task_type::{ColumnEncoding, OutputFormat, TaskType};
