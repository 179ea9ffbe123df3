//! Judges one schema entry's type pair against what is known of its source column.

use crate::error::DeliveryError;
use crate::issue::Issue;
use crate::parquet_type::{ParquetType, TargetTier};
use crate::source_column::{ColumnOrigin, SourceColumn};
use crate::type_compat::{check_pair, PairVerdict};

/// Findings for mapping `column` (if known) to `target`; `field` names the draft field.
pub fn check_entry_types(
    field: &str,
    source_name: &str,
    column: Option<&SourceColumn>,
    target: ParquetType,
    allow_experimental: bool,
) -> Vec<Issue> {
    let refuse = |reason: String| {
        Issue::error(
            field,
            &DeliveryError::UnsupportedTypePair {
                column: source_name.to_owned(),
                reason,
            },
        )
    };
    match target.tier() {
        TargetTier::Never => {
            return vec![refuse(format!(
                "{target} exists only in the protocol enum and is never a delivery target."
            ))]
        }
        TargetTier::Experimental if !allow_experimental => {
            return vec![refuse(format!(
                "{target} is not documented for delivery; turn on experimental types to use it at your own risk."
            ))]
        }
        _ => {}
    }
    let Some(column) = column.filter(|column| !column.types_seen.is_empty()) else {
        return vec![Issue::warning(
            field,
            "source_column_type_unknown",
            format!("No value of '{source_name}' was seen, so its type cannot be checked against {target}."),
            Some("Sample more rows, or make sure the column name is spelled as in the table."),
        )];
    };
    let verdicts: Vec<_> = column
        .types_seen
        .iter()
        .map(|source| (*source, check_pair(*source, target)))
        .collect();
    let kept = verdicts.iter().filter(|(_, v)| v.is_supported()).count();
    if kept == 0 {
        // No type of this column survives: refused unless it is an experimental pair the user
        // opted into, which is still flagged loudly.
        let all_experimental = verdicts
            .iter()
            .all(|(_, v)| matches!(v, PairVerdict::Experimental { .. }));
        let reasons: Vec<&str> = verdicts.iter().filter_map(|(_, v)| v.reason()).collect();
        if all_experimental {
            return vec![Issue::warning(
                field,
                "experimental_type_pair",
                format!("Column '{source_name}': {}", reasons.join(" ")),
                Some("Check a delivered file before relying on this column."),
            )];
        }
        return vec![refuse(reasons.join(" "))];
    }
    if kept == verdicts.len() {
        return Vec::new();
    }
    let dropped: Vec<String> = verdicts
        .iter()
        .filter(|(_, v)| !v.is_supported())
        .map(|(source, _)| source.to_string())
        .collect();
    let how = if column.origin == ColumnOrigin::Sampled {
        "the sample holds"
    } else {
        "the column has"
    };
    vec![Issue::warning(
        field,
        "mixed_types_dirty_data",
        format!(
            "Column '{source_name}' mixes types: {how} {} values too, and the service drops each of them as dirty data under {target}.",
            dropped.join(", ")
        ),
        Some("Clean the column's values, or accept that those fields arrive as nulls."),
    )]
}
