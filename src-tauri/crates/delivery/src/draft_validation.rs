//! Turns a [`TaskDraft`] into a request, collecting every finding instead of stopping at the
//! first, so the wizard can mark all fields at once.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::bucket_name::BucketName;
use crate::civil_time::CivilTime;
use crate::error::DeliveryError;
use crate::event_time_format::EventTimeFormat;
use crate::issue::Issue;
use crate::oss_prefix::{OssPrefix, TimeVariable};
use crate::output_column_name::OutputColumnName;
use crate::parquet_schema::{ParquetSchema, SchemaEntry};
use crate::prefix_preview::{object_key, MAX_KEY_BYTES};
use crate::region::{
    ensure_bucket_in_instance_region, ensure_endpoint_in_instance_region, OssEndpoint, RegionId,
};
use crate::request::CreateDeliveryTaskRequest;
use crate::role_arn::RoleArn;
use crate::schema_type_check::check_entry_types;
use crate::source_column::SourceColumn;
use crate::table_name::TableName;
use crate::tablestore_type::TablestoreType;
use crate::task_draft::{EventTimeDraft, TaskDraft};
use crate::task_name::TaskName;
use crate::task_settings::{EventTimeColumn, TaskSettings};

/// What validation knows besides the draft itself.
#[derive(Debug, Clone, Default)]
pub struct ValidationContext<'a> {
    /// Columns of the source table (declared and sampled) with the types seen.
    pub source_columns: &'a [SourceColumn],
    pub instance_region: Option<RegionId>,
    /// The bucket's region, when the app could look it up.
    pub bucket_region: Option<RegionId>,
    /// Offer the Go-named, undocumented Parquet types (values 4–9).
    pub allow_experimental_types: bool,
}

/// The request (when nothing blocks it) and every finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ValidationOutcome {
    pub request: Option<CreateDeliveryTaskRequest>,
    pub issues: Vec<Issue>,
}

impl ValidationOutcome {
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|issue| issue.is_error())
    }
}

/// Collects findings while parsing fields.
struct Collector {
    issues: Vec<Issue>,
}

impl Collector {
    fn parse<T>(&mut self, field: &str, result: Result<T, DeliveryError>) -> Option<T> {
        result
            .map_err(|error| self.issues.push(Issue::error(field, &error)))
            .ok()
    }

    fn fail(&mut self, field: &str, error: &DeliveryError) {
        self.issues.push(Issue::error(field, error));
    }
}

/// Checks every field of `draft` and builds the request when nothing blocks it.
pub fn validate_draft(draft: &TaskDraft, context: &ValidationContext<'_>) -> ValidationOutcome {
    let mut found = Collector { issues: Vec::new() };
    let table_name = found.parse("tableName", TableName::parse(&draft.table_name));
    let task_name = found.parse("taskName", TaskName::parse(&draft.task_name));
    let bucket = found.parse("ossBucket", BucketName::parse(&draft.oss_bucket));
    let endpoint = found.parse("ossEndpoint", OssEndpoint::parse(&draft.oss_endpoint));
    let prefix = found.parse("ossPrefix", OssPrefix::parse(&draft.oss_prefix));
    let role = found.parse("roleArn", RoleArn::parse(&draft.role_arn));

    check_regions(&mut found, context, endpoint.as_ref());
    if let (Some(prefix), Some(task_name)) = (&prefix, &task_name) {
        check_key_length(&mut found, prefix, task_name);
    }
    if let Some(prefix) = &prefix {
        warn_about_prefix(&mut found, prefix);
    }
    if let Some(role) = role
        .as_ref()
        .filter(|role| !role.is_delivery_service_role())
    {
        found.issues.push(Issue::warning(
            "roleArn",
            "role_not_delivery_service_role",
            format!(
                "The role '{}' is not the delivery service-linked role; the service may fail later with UnAuthorized.",
                role.role_name()
            ),
            Some("Use acs:ram::<account-id>:role/aliyunserviceroleforotsdatadelivery unless you know the other role works."),
        ));
    }
    let event_time = draft
        .event_time
        .as_ref()
        .and_then(|event| check_event_time(&mut found, event, context.source_columns));
    let schema = check_schema(&mut found, draft, context);

    let blocked = found.issues.iter().any(Issue::is_error);
    let request = match (
        table_name, task_name, bucket, endpoint, prefix, role, schema,
    ) {
        (
            Some(table),
            Some(task_name),
            Some(oss_bucket),
            Some(oss_endpoint),
            Some(oss_prefix),
            Some(role_arn),
            Some(schema),
        ) if !blocked => {
            let settings = TaskSettings {
                task_name,
                task_type: draft.task_type,
                oss_bucket,
                oss_endpoint,
                oss_prefix,
                role_arn,
                event_time_column: event_time,
            };
            Some(CreateDeliveryTaskRequest::new(table, settings, &schema))
        }
        _ => None,
    };
    ValidationOutcome {
        request,
        issues: found.issues,
    }
}

fn check_regions(
    found: &mut Collector,
    context: &ValidationContext<'_>,
    endpoint: Option<&OssEndpoint>,
) {
    let Some(instance) = &context.instance_region else {
        return;
    };
    if let Some(bucket_region) = &context.bucket_region {
        found.parse(
            "ossBucket",
            ensure_bucket_in_instance_region(instance, bucket_region),
        );
    }
    if let Some(endpoint) = endpoint {
        found.parse(
            "ossEndpoint",
            ensure_endpoint_in_instance_region(instance, endpoint),
        );
    }
}

/// The prefix appears twice in every object key, so a prefix well under the 1023-byte limit
/// can still make keys too long. Expansions have fixed widths, so any instant gives the length.
fn check_key_length(found: &mut Collector, prefix: &OssPrefix, task_name: &TaskName) {
    let expanded = prefix.expand(&CivilTime::from_unix_millis(0, 0));
    let length = object_key(&expanded, task_name).len();
    if length > MAX_KEY_BYTES {
        found.fail(
            "ossPrefix",
            &DeliveryError::InvalidPrefix(format!(
                "Object keys would be {length} bytes (the prefix appears twice in each); OSS allows at most 1023."
            )),
        );
    }
}

fn warn_about_prefix(found: &mut Collector, prefix: &OssPrefix) {
    if prefix.variables().contains(&TimeVariable::Minute) {
        found.issues.push(Issue::warning(
            "ossPrefix",
            "minute_partitions",
            "The prefix uses $mm, so every minute gets its own folder and objects stay small.",
            Some("Partition by day or hour ($yyyy/$MM/$dd or …/$HH); engines slow down on many small objects and the docs advise objects of 4 MB or more."),
        ));
    }
    if prefix.as_str().ends_with('/') {
        found.issues.push(Issue::warning(
            "ossPrefix",
            "prefix_trailing_slash",
            "The prefix ends with '/'; how the service joins it to file names is unconfirmed and may produce '//' in keys.",
            Some("Remove the trailing '/'."),
        ));
    }
}

fn check_event_time(
    found: &mut Collector,
    event: &EventTimeDraft,
    columns: &[SourceColumn],
) -> Option<EventTimeColumn> {
    let invalid = |why: String| DeliveryError::InvalidEventTimeColumn(why);
    if event.column_name.is_empty() {
        found.fail(
            "eventTime.columnName",
            &invalid("The event-time column is not chosen.".into()),
        );
        return None;
    }
    let Some(format) = event.time_format else {
        found.fail(
            "eventTime.timeFormat",
            &invalid("The event-time format is not chosen.".into()),
        );
        return None;
    };
    let chosen = EventTimeColumn {
        column_name: event.column_name.clone(),
        time_format: format,
    };
    let Some(column) = columns.iter().find(|c| c.name == event.column_name) else {
        found.issues.push(Issue::warning(
            "eventTime.columnName",
            "event_time_column_not_seen",
            format!(
                "No value of '{}' was seen, so its type and format cannot be checked.",
                event.column_name
            ),
            Some("Sample rows that have the column, or check the name."),
        ));
        return Some(chosen);
    };
    let mut ok = true;
    for seen in &column.types_seen {
        match (seen, format) {
            (TablestoreType::String, _) => {}
            (TablestoreType::Integer, EventTimeFormat::Unix) => {
                found.issues.push(Issue::warning(
                    "eventTime.timeFormat",
                    "event_time_unix_unconfirmed",
                    format!("Reading INTEGER column '{}' as Unix time is unconfirmed, and so is the unit (seconds, ms, µs).", column.name),
                    Some("Prefer a STRING column in RFC3339 or RFC1123 if you have one."),
                ));
            }
            (other, format) => {
                ok = false;
                found.fail(
                    "eventTime.columnName",
                    &invalid(format!(
                        "Column '{}' holds {other} values, which cannot be read as {} times.",
                        column.name,
                        format.proto_name()
                    )),
                );
            }
        }
    }
    ok.then_some(chosen)
}

fn check_schema(
    found: &mut Collector,
    draft: &TaskDraft,
    context: &ValidationContext<'_>,
) -> Option<ParquetSchema> {
    if draft.schema.is_empty() {
        found.fail("schema", &DeliveryError::EmptySchema);
        return None;
    }
    let mut entries = Vec::with_capacity(draft.schema.len());
    let mut complete = true;
    for (index, entry) in draft.schema.iter().enumerate() {
        let field = |name: &str| format!("schema[{index}].{name}");
        if entry.source_column.is_empty() {
            complete = false;
            found.fail(&field("sourceColumn"), &DeliveryError::MissingSourceColumn);
        }
        let output = found.parse(
            &field("outputName"),
            OutputColumnName::parse(&entry.output_name),
        );
        let Some(target) = entry.parquet_type else {
            complete = false;
            found.fail(
                &field("parquetType"),
                &DeliveryError::MissingParquetType(entry.source_column.clone()),
            );
            continue;
        };
        if !entry.source_column.is_empty() {
            let column = context
                .source_columns
                .iter()
                .find(|c| c.name == entry.source_column);
            found.issues.extend(check_entry_types(
                &field("parquetType"),
                &entry.source_column,
                column,
                target,
                context.allow_experimental_types,
            ));
        }
        let Some(output) = output else {
            complete = false;
            continue;
        };
        if let Some(error) = clash_with_earlier(&entries, &output) {
            complete = false;
            found.fail(&field("outputName"), &error);
            continue;
        }
        entries.push(SchemaEntry::new(
            entry.source_column.clone(),
            output,
            target,
        ));
    }
    if !complete {
        return None;
    }
    found.parse("schema", ParquetSchema::new(entries))
}

fn clash_with_earlier(earlier: &[SchemaEntry], name: &OutputColumnName) -> Option<DeliveryError> {
    earlier.iter().find_map(|entry| {
        if &entry.output_name == name {
            Some(DeliveryError::DuplicateOutputColumn(name.to_string()))
        } else if entry
            .output_name
            .as_str()
            .eq_ignore_ascii_case(name.as_str())
        {
            Some(DeliveryError::OutputColumnsDifferOnlyInCase(
                entry.output_name.to_string(),
                name.to_string(),
            ))
        } else {
            None
        }
    })
}
