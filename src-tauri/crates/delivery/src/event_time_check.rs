//! Checks sampled values of the chosen event-time column against the chosen format, and
//! suggests the format that reads the most of them.

use serde::{Deserialize, Serialize};
use tablestore_wire::Value;
use ts_rs::TS;

use crate::event_time_format::EventTimeFormat;

/// How many failing values a report quotes.
pub const MAX_EXAMPLES: usize = 5;

/// Unix values above this many seconds (year ≈ 5138) are almost surely milliseconds.
const UNIX_SECONDS_PLAUSIBLE_MAX: i64 = 100_000_000_000;

/// A value that did not parse, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FailedValue {
    /// The value as text (binary shown as a byte count).
    pub value: String,
    pub reason: String,
}

/// The result of reading a sample with one format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EventTimeCheck {
    pub format: EventTimeFormat,
    /// Values present in the sample.
    pub present: u32,
    /// Rows where the column was missing (behaviour for those rows is unconfirmed).
    pub missing: u32,
    pub parsed: u32,
    pub failed: u32,
    /// `failed / present`, 0 when nothing was present.
    pub failure_rate: f64,
    /// Up to [`MAX_EXAMPLES`] failing values.
    pub examples: Vec<FailedValue>,
    /// Parsed instants (Unix milliseconds, as strings over IPC), in sample order.
    #[serde(with = "crate::i64_string::vec")]
    #[ts(type = "Array<string>")]
    pub instants: Vec<i64>,
    /// Warnings about plausibility, e.g. Unix values that look like milliseconds.
    pub notes: Vec<String>,
}

/// The format that parses the most values, and how many it parses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FormatSuggestion {
    pub format: EventTimeFormat,
    pub parsed: u32,
    pub present: u32,
}

/// Parses one cell value with `format`, to Unix milliseconds.
pub fn parse_value(format: EventTimeFormat, value: &Value) -> Result<i64, String> {
    match value {
        Value::String(text) => format.parse_text(text),
        Value::Integer(seconds) => format.parse_integer(*seconds),
        Value::Double(_) => Err("a DOUBLE cannot hold an event time".into()),
        Value::Boolean(_) => Err("a BOOLEAN cannot hold an event time".into()),
        Value::Binary(_) => Err("a BINARY cannot hold an event time".into()),
    }
}

/// Reads every sampled value (`None` = the row lacks the column) with `format`.
pub fn check_event_times(format: EventTimeFormat, sample: &[Option<Value>]) -> EventTimeCheck {
    let mut check = EventTimeCheck {
        format,
        present: 0,
        missing: 0,
        parsed: 0,
        failed: 0,
        failure_rate: 0.0,
        examples: Vec::new(),
        instants: Vec::new(),
        notes: Vec::new(),
    };
    let mut implausible_unix = 0u32;
    for value in sample {
        let Some(value) = value else {
            check.missing = check.missing.saturating_add(1);
            continue;
        };
        check.present = check.present.saturating_add(1);
        match parse_value(format, value) {
            Ok(millis) => {
                check.parsed = check.parsed.saturating_add(1);
                if format == EventTimeFormat::Unix
                    && (millis / 1000).abs() >= UNIX_SECONDS_PLAUSIBLE_MAX
                {
                    implausible_unix += 1;
                }
                check.instants.push(millis);
            }
            Err(reason) => {
                check.failed = check.failed.saturating_add(1);
                if check.examples.len() < MAX_EXAMPLES {
                    check.examples.push(FailedValue {
                        value: display_value(value),
                        reason,
                    });
                }
            }
        }
    }
    if check.present > 0 {
        check.failure_rate = f64::from(check.failed) / f64::from(check.present);
    }
    if implausible_unix > 0 {
        check.notes.push(format!(
            "{implausible_unix} value(s) are too large for seconds and look like milliseconds; the unit the service expects for Unix is unconfirmed."
        ));
    }
    if format == EventTimeFormat::Unix {
        check
            .notes
            .push("Unix event times are unconfirmed: every official sample uses a STRING column with an RFC format.".into());
    }
    if check.missing > 0 {
        check.notes.push(format!(
            "{} sampled row(s) lack the column; what the service does with them is unconfirmed.",
            check.missing
        ));
    }
    check
}

/// The format that parses the most present values; ties go to the earlier format in
/// [`EventTimeFormat::ALL`]. `None` when no format parses anything.
pub fn suggest_format(sample: &[Option<Value>]) -> Option<FormatSuggestion> {
    let present = u32::try_from(sample.iter().flatten().count()).unwrap_or(u32::MAX);
    let mut best: Option<FormatSuggestion> = None;
    for format in EventTimeFormat::ALL {
        let parsed = sample
            .iter()
            .flatten()
            .filter(|value| parse_value(format, value).is_ok())
            .count();
        let parsed = u32::try_from(parsed).unwrap_or(u32::MAX);
        if parsed > 0 && best.is_none_or(|b| parsed > b.parsed) {
            best = Some(FormatSuggestion {
                format,
                parsed,
                present,
            });
        }
    }
    best
}

fn display_value(value: &Value) -> String {
    match value {
        Value::Integer(v) => v.to_string(),
        Value::Double(v) => v.to_string(),
        Value::Boolean(v) => v.to_string(),
        Value::String(v) => v.clone(),
        Value::Binary(v) => format!("<{} bytes>", v.len()),
    }
}
