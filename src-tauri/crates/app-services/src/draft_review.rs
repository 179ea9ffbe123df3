//! Checking a draft as the user edits it: every finding at once, the exact request that would
//! be sent, dirty-data counts from the sample, example object paths and the event-time check.

use delivery::event_time_check::EventTimeCheck;
use delivery::prefix_preview::PrefixPreview;
use delivery::schema_inference::DirtyCount;
use delivery::{CreateDeliveryTaskRequest, Issue};
use serde::Serialize;
use ts_rs::TS;

/// Everything the mapper, settings and review steps show about a draft.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DraftReview {
    /// Every finding, errors and warnings, each naming its draft field
    /// (`taskName`, `schema[2].outputName`, …).
    pub issues: Vec<Issue>,
    /// The request, when no error blocks it.
    pub request: Option<CreateDeliveryTaskRequest>,
    /// The request body exactly as it will be sent (JSON; holds no secret).
    pub request_json: Option<String>,
    /// Per typed schema entry: sampled rows kept, dropped as dirty data, or missing. Empty
    /// before the table was sampled.
    pub dirty_counts: Vec<DirtyCount>,
    /// Example object keys for now (and for sampled event times when an event-time column is
    /// set); absent while the bucket, prefix or task name does not parse.
    pub prefix_preview: Option<PrefixPreview>,
    /// The chosen event-time column read with the chosen format, over the sampled rows.
    pub event_time_check: Option<EventTimeCheck>,
    /// The profile's instance region, which the bucket must share.
    pub instance_region: String,
    /// The bucket's region, when it could be looked up.
    pub bucket_region: Option<String>,
    /// Rows the cached sample holds for previews (0 before sampling).
    pub sampled_rows: u32,
}
