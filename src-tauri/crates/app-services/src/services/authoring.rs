//! Authoring a task: the table's declared columns, the draft check run on every edit, the
//! Parquet preview and the exports. Nothing here writes to the cloud.

use std::time::{SystemTime, UNIX_EPOCH};

use delivery::event_time_check::check_event_times;
use delivery::prefix_preview::{preview_object_keys, PrefixPreview};
use delivery::{
    validate_draft, BucketName, OssPrefix, RegionId, SourceColumn, TaskDraft, TaskName,
    ValidationContext,
};

use super::AppServices;
use crate::draft_review::DraftReview;
use crate::parquet_preview::{render_preview, ParquetPreview};
use crate::sample_cache::TableKnowledge;
use crate::schema_sampling::declared_columns;
use crate::task_exports::{export, ExportFormat, ExportedTask};
use crate::{ErrorCode, IpcError};

/// Example instants shown when no event-time column is chosen: now, in an hour, tomorrow.
const EXAMPLE_OFFSETS_MS: [i64; 3] = [0, 3_600_000, 86_400_000];
/// Sampled event times turned into example paths, at most.
const MAX_EVENT_INSTANTS: usize = 200;

impl AppServices {
    /// The table's primary-key and defined columns, from its metadata (no rows read).
    pub async fn table_columns(
        &self,
        profile: &str,
        table: &str,
    ) -> Result<Vec<SourceColumn>, IpcError> {
        let connection = self.connection(profile)?;
        let description = self.tablestore(&connection)?.describe_table(table).await?;
        let declared = declared_columns(&description);
        self.knowledge
            .remember_declared(profile, table, declared.clone());
        Ok(declared)
    }

    /// Every finding about `draft`, with what the later steps show. Cheap enough to run on
    /// every edit: the table's columns and the bucket's region are looked up once, then cached.
    pub async fn check_draft(
        &self,
        profile: &str,
        draft: &TaskDraft,
        zone_offset_minutes: i32,
    ) -> Result<DraftReview, IpcError> {
        let connection = self.connection(profile)?;
        let instance_region = connection.region.as_str().to_owned();
        let knowledge = self.table_knowledge(profile, &draft.table_name).await;
        let bucket_region = self.known_bucket_region(profile, &draft.oss_bucket).await;
        let columns = source_columns(&knowledge);
        let context = ValidationContext {
            source_columns: &columns,
            instance_region: RegionId::parse(&instance_region).ok(),
            bucket_region: bucket_region
                .as_deref()
                .and_then(|r| RegionId::parse(r).ok()),
            allow_experimental_types: false,
        };
        let outcome = validate_draft(draft, &context);
        let sample = knowledge.sample.as_deref();
        let event_time_check = sample.and_then(|sample| {
            let event = draft.event_time.as_ref()?;
            let format = event.time_format?;
            let values = sample.values_of(&event.column_name);
            Some(check_event_times(format, &values))
        });
        let now = unix_millis_now();
        let mut instants: Vec<i64> = EXAMPLE_OFFSETS_MS.iter().map(|o| now + o).collect();
        if let Some(check) = &event_time_check {
            instants = check
                .instants
                .iter()
                .take(MAX_EVENT_INSTANTS)
                .copied()
                .collect();
            instants.push(now);
        }
        Ok(DraftReview {
            request_json: outcome
                .request
                .as_ref()
                .and_then(|request| serde_json::to_string_pretty(request).ok()),
            dirty_counts: sample
                .map(|s| s.report.dirty_counts(&draft.schema))
                .unwrap_or_default(),
            prefix_preview: prefix_preview(draft, &instants, zone_offset_minutes),
            event_time_check,
            instance_region,
            bucket_region,
            sampled_rows: sample.map_or(0, |s| u32::try_from(s.rows.len()).unwrap_or(u32::MAX)),
            issues: outcome.issues,
            request: outcome.request,
        })
    }

    /// The cached sample rendered with the draft's schema, read back, first `max_rows` rows.
    pub fn preview_parquet(
        &self,
        profile: &str,
        draft: &TaskDraft,
        max_rows: u32,
    ) -> Result<ParquetPreview, IpcError> {
        let sample = self
            .knowledge
            .get(profile, &draft.table_name)
            .and_then(|k| k.sample)
            .ok_or_else(|| {
                IpcError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "The table '{}' has not been sampled yet, so there are no rows to preview.",
                        draft.table_name
                    ),
                )
                .with_remedy("Go to the Schema step and sample rows first.")
            })?;
        render_preview(draft, &sample.rows, max_rows as usize)
    }

    /// The draft as JSON or SDK code; only a draft without blocking findings exports.
    pub async fn export_task(
        &self,
        profile: &str,
        draft: &TaskDraft,
        format: ExportFormat,
    ) -> Result<ExportedTask, IpcError> {
        let review = self.check_draft(profile, draft, 0).await?;
        let request = review.request.ok_or_else(|| blocked_by(&review.issues))?;
        Ok(export(&request, format))
    }

    /// Declared columns and the last sample of `table`, describing the table when nothing is
    /// known yet. A failed lookup leaves the columns unknown; the check says so per entry.
    pub(super) async fn table_knowledge(&self, profile: &str, table: &str) -> TableKnowledge {
        if let Some(known) = self.knowledge.get(profile, table) {
            return known;
        }
        if table.is_empty() {
            return TableKnowledge::default();
        }
        let _ = self.table_columns(profile, table).await;
        self.knowledge.get(profile, table).unwrap_or_default()
    }

    /// The bucket's region from the profile's last listing, listing the account's buckets
    /// once when there is none yet. A name the listing lacks has no known region: it is not
    /// listed again for every keystroke (the create pre-flight lists afresh anyway).
    /// GetBucketLocation is no way round: it needs a request signed for the bucket's own
    /// region, which is what we are trying to find out.
    pub(super) async fn known_bucket_region(&self, profile: &str, bucket: &str) -> Option<String> {
        if BucketName::parse(bucket).is_err() {
            return None;
        }
        let listed = self.bucket_regions_lock().contains_key(profile);
        if !listed {
            self.list_buckets(profile).await.ok()?;
        }
        self.bucket_regions_lock()
            .get(profile)?
            .get(bucket)
            .cloned()
    }

    fn bucket_regions_lock(
        &self,
    ) -> std::sync::MutexGuard<
        '_,
        std::collections::HashMap<String, std::collections::HashMap<String, String>>,
    > {
        self.bucket_regions
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Sampled columns when there is a sample (they include the declared ones), else declared.
fn source_columns(knowledge: &TableKnowledge) -> Vec<SourceColumn> {
    knowledge.sample.as_ref().map_or_else(
        || knowledge.declared.clone(),
        |sample| sample.report.source_columns(),
    )
}

fn prefix_preview(
    draft: &TaskDraft,
    instants: &[i64],
    zone_offset_minutes: i32,
) -> Option<PrefixPreview> {
    let bucket = BucketName::parse(&draft.oss_bucket).ok()?;
    let prefix = OssPrefix::parse(&draft.oss_prefix).ok()?;
    let task = TaskName::parse(&draft.task_name).ok()?;
    Some(preview_object_keys(
        &bucket,
        &prefix,
        &task,
        instants,
        zone_offset_minutes,
    ))
}

/// The error for a draft that cannot be used yet: the first blocking finding, coded.
pub(super) fn blocked_by(issues: &[delivery::Issue]) -> IpcError {
    let errors: Vec<&delivery::Issue> = issues.iter().filter(|i| i.is_error()).collect();
    let Some(first) = errors.first() else {
        return IpcError::new(ErrorCode::InvalidDraft, "The draft is not complete yet.");
    };
    let code = ErrorCode::from_code(&first.code).unwrap_or(ErrorCode::InvalidDraft);
    let more = match errors.len() {
        1 => String::new(),
        n => format!(" ({} more problems)", n - 1),
    };
    let error = IpcError::new(code, format!("{}{more}", first.message));
    match &first.remedy {
        Some(remedy) => error.with_remedy(remedy.clone()),
        None => error,
    }
}

fn unix_millis_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
