//! The crate's one error type. Every variant has a stable snake_case code, one sentence a
//! person understands, and a remedy; the app maps it onto its IPC error without a debug dump.

use thiserror::Error;

/// Everything that can go wrong while building, checking, rendering or exporting a task.
///
/// Codes are part of the UI contract: never rename one.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DeliveryError {
    /// The task name breaks one of the documented rules; the string says which.
    #[error("{0}")]
    InvalidTaskName(String),
    /// The table name is empty or breaks Tablestore's naming rules.
    #[error("{0}")]
    InvalidTableName(String),
    /// An output (Parquet) column name is empty or unusable.
    #[error("{0}")]
    InvalidOutputColumnName(String),
    /// Two schema entries would write the same Parquet column.
    #[error("Two columns are both named '{0}' in the Parquet file.")]
    DuplicateOutputColumn(String),
    /// Two output names differ only in letter case, which Hive-style engines treat as equal.
    #[error("The output columns '{0}' and '{1}' differ only in letter case.")]
    OutputColumnsDifferOnlyInCase(String, String),
    /// The schema has no entries; the service would have nothing to write.
    #[error("The Parquet schema has no columns.")]
    EmptySchema,
    /// A source column name in the schema is empty.
    #[error("A schema entry has no source column.")]
    MissingSourceColumn,
    /// A schema entry has no Parquet type. Sending none would mean BOOL to the Go SDK.
    #[error("Column '{0}' has no Parquet type.")]
    MissingParquetType(String),
    /// A `$` in the prefix starts something that is not a documented time variable.
    #[error("The prefix uses '{0}', which is not a time variable the service knows.")]
    UnknownTimeVariable(String),
    /// A `$` at the end of the prefix, or followed by nothing usable.
    #[error("The prefix has a '$' at position {0} that does not start a time variable.")]
    MalformedPrefixVariable(usize),
    /// The prefix breaks an object-key rule; the string says which.
    #[error("{0}")]
    InvalidPrefix(String),
    /// The bucket name breaks OSS naming rules.
    #[error("{0}")]
    InvalidBucketName(String),
    /// The OSS endpoint is not a host name of the `oss-<region>.aliyuncs.com` shape.
    #[error("{0}")]
    InvalidEndpoint(String),
    /// A region id is empty or has characters region ids never have.
    #[error("'{0}' is not a region id.")]
    InvalidRegion(String),
    /// The bucket lives in another region than the Tablestore instance.
    #[error("The bucket is in {bucket_region}, but the instance is in {instance_region}.")]
    BucketInAnotherRegion {
        bucket_region: String,
        instance_region: String,
    },
    /// The OSS endpoint points at another region than the instance.
    #[error("The OSS endpoint is in {endpoint_region}, but the instance is in {instance_region}.")]
    EndpointInAnotherRegion {
        endpoint_region: String,
        instance_region: String,
    },
    /// The role ARN is not of the form `acs:ram::<account-id>:role/<role-name>`.
    #[error("{0}")]
    InvalidRoleArn(String),
    /// A source type / Parquet type pair the service would drop as dirty data, or cannot carry.
    #[error("Column '{column}': {reason}")]
    UnsupportedTypePair { column: String, reason: String },
    /// The event-time column is missing, has a type the service cannot read as time, or no format.
    #[error("{0}")]
    InvalidEventTimeColumn(String),
    /// A saved draft or imported file is written in a format version this build does not know.
    #[error("This file uses format version {found}; this app reads version {supported}.")]
    UnsupportedDraftVersion { found: String, supported: u32 },
    /// A saved draft or imported file is not the JSON shape we write.
    #[error("The file is not a task draft: {0}.")]
    MalformedDraft(String),
    /// Rendering Parquet failed (an unsupported target type, or the Parquet writer refused).
    #[error("{0}")]
    ParquetRender(String),
}

impl DeliveryError {
    /// The stable, machine-readable code the UI switches on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidTaskName(_) => "invalid_task_name",
            Self::InvalidTableName(_) => "invalid_table_name",
            Self::InvalidOutputColumnName(_) => "invalid_output_column_name",
            Self::DuplicateOutputColumn(_) => "duplicate_output_column",
            Self::OutputColumnsDifferOnlyInCase(..) => "output_columns_differ_only_in_case",
            Self::EmptySchema => "empty_schema",
            Self::MissingSourceColumn => "missing_source_column",
            Self::MissingParquetType(_) => "missing_parquet_type",
            Self::UnknownTimeVariable(_) => "unknown_time_variable",
            Self::MalformedPrefixVariable(_) => "malformed_prefix_variable",
            Self::InvalidPrefix(_) => "invalid_prefix",
            Self::InvalidBucketName(_) => "invalid_bucket_name",
            Self::InvalidEndpoint(_) => "invalid_endpoint",
            Self::InvalidRegion(_) => "invalid_region",
            Self::BucketInAnotherRegion { .. } => "bucket_wrong_region",
            Self::EndpointInAnotherRegion { .. } => "endpoint_wrong_region",
            Self::InvalidRoleArn(_) => "invalid_role_arn",
            Self::UnsupportedTypePair { .. } => "unsupported_type_pair",
            Self::InvalidEventTimeColumn(_) => "invalid_event_time_column",
            Self::UnsupportedDraftVersion { .. } => "unsupported_draft_version",
            Self::MalformedDraft(_) => "malformed_draft",
            Self::ParquetRender(_) => "parquet_render_failed",
        }
    }

    /// One sentence a person understands (the `Display` text).
    pub fn message(&self) -> String {
        self.to_string()
    }

    /// What to do next.
    pub fn remedy(&self) -> &'static str {
        match self {
            Self::InvalidTaskName(_) => {
                "Use 3 to 16 lowercase letters, digits or hyphens, starting and ending with a letter or digit, e.g. 'sales-daily'."
            }
            Self::InvalidTableName(_) => "Pick the source table from the instance's table list.",
            Self::InvalidOutputColumnName(_) => {
                "Give the column a name of visible characters, e.g. the source column's name."
            }
            Self::DuplicateOutputColumn(_) => "Rename one of the two output columns or remove one entry.",
            Self::OutputColumnsDifferOnlyInCase(..) => {
                "Rename one of them: Hive, DLA and Spark read column names case-insensitively and would see one column."
            }
            Self::EmptySchema => "Add at least one column to the Parquet schema.",
            Self::MissingSourceColumn => "Choose the table column this entry reads from.",
            Self::MissingParquetType(_) => {
                "Choose the Parquet type explicitly: INT64, DOUBLE, BOOL or UTF8 for the documented pairs."
            }
            Self::UnknownTimeVariable(_) | Self::MalformedPrefixVariable(_) => {
                "Use only $yyyy, $MM, $dd, $HH and $mm (case matters), or remove the '$'."
            }
            Self::InvalidPrefix(_) => {
                "Use a folder path such as 'exports/orders/$yyyy/$MM/$dd' without a leading '/' or '\\'."
            }
            Self::InvalidBucketName(_) => {
                "Use the bucket's exact name: 3 to 63 lowercase letters, digits or hyphens, starting and ending with a letter or digit."
            }
            Self::InvalidEndpoint(_) => {
                "Use the OSS endpoint of the instance's region, e.g. 'oss-cn-hangzhou.aliyuncs.com' or its '-internal' form."
            }
            Self::InvalidRegion(_) => "Use a region id such as 'cn-hangzhou'.",
            Self::BucketInAnotherRegion { .. } => {
                "Pick a bucket in the instance's region; the service cannot deliver across regions and reports InvalidOssBucket later."
            }
            Self::EndpointInAnotherRegion { .. } => {
                "Use the OSS endpoint of the instance's region, e.g. 'oss-<region>.aliyuncs.com'."
            }
            Self::InvalidRoleArn(_) => {
                "Use the service-linked role's ARN: acs:ram::<account-id>:role/aliyunserviceroleforotsdatadelivery."
            }
            Self::UnsupportedTypePair { .. } => {
                "Pick the documented target: INTEGER→INT64, DOUBLE→DOUBLE, BOOLEAN→BOOL, STRING→UTF8; or remove the column."
            }
            Self::InvalidEventTimeColumn(_) => {
                "Pick a STRING column holding RFC822, RFC850, RFC1123 or RFC3339 times, or leave event time unset to partition by write time."
            }
            Self::UnsupportedDraftVersion { .. } => {
                "Open the file with the app version that saved it, or recreate the task."
            }
            Self::MalformedDraft(_) => "Choose a file this app exported or saved as a draft.",
            Self::ParquetRender(_) => {
                "Map only the documented Parquet types (BOOL, INT64, DOUBLE, UTF8) to preview output."
            }
        }
    }
}
