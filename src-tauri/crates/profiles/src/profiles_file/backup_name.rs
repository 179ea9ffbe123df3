//! Names for a corrupt file kept aside: `profiles.json.corrupt-20261124T114500Z`, with `-2`,
//! `-3`… added when that name is taken, so an earlier backup is never overwritten.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// A free backup path next to `path`, stamped with `now` in UTC.
pub fn backup_path(path: &Path, now: SystemTime) -> PathBuf {
    let file_name = path.file_name().map_or_else(
        || "profiles.json".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let base = format!("{file_name}.corrupt-{}", utc_stamp(now));
    let mut candidate = path.with_file_name(&base);
    let mut counter = 2;
    while candidate.exists() {
        candidate = path.with_file_name(format!("{base}-{counter}"));
        counter += 1;
    }
    candidate
}

/// `YYYYMMDDTHHMMSSZ`, computed without a date library (days-to-civil, proleptic Gregorian).
pub fn utc_stamp(now: SystemTime) -> String {
    let seconds = now
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    let of_day = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        of_day / 3600,
        of_day / 60 % 60,
        of_day % 60
    )
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 → (year, month, day).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// 2026-11-24T11:45:00Z as Unix seconds, the form a clock reading arrives in.
    const EXAMPLE_UNIX_SECONDS: u64 = 1_795_520_700;

    #[test]
    fn stamps_known_instants_in_utc() {
        assert_eq!(utc_stamp(UNIX_EPOCH), "19700101T000000Z");
        // 2026-11-24T11:45:00Z
        let instant = UNIX_EPOCH + Duration::from_secs(EXAMPLE_UNIX_SECONDS);
        assert_eq!(utc_stamp(instant), "20261124T114500Z");
        // 2024-02-29T23:59:59Z, a leap day
        let leap = UNIX_EPOCH + Duration::from_secs(1_709_251_199);
        assert_eq!(utc_stamp(leap), "20240229T235959Z");
    }

    #[test]
    fn a_taken_backup_name_gets_a_counter() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("profiles.json");
        let first = backup_path(&path, UNIX_EPOCH);
        assert_eq!(
            first.file_name().and_then(|n| n.to_str()),
            Some("profiles.json.corrupt-19700101T000000Z")
        );
        std::fs::write(&first, b"x").expect("write");
        let second = backup_path(&path, UNIX_EPOCH);
        assert_eq!(
            second.file_name().and_then(|n| n.to_str()),
            Some("profiles.json.corrupt-19700101T000000Z-2")
        );
    }
}
