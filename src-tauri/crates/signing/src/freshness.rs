//! The verifier's clock, passed in, and the date formats the schemes use.

use std::time::Duration;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::SignError;

/// "Now" and how far a request date may be from it. Verifiers take this instead of reading a
/// clock, so tests can pin time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Freshness {
    now: DateTime<Utc>,
    max_skew: Duration,
}

impl Freshness {
    /// The limit the services and SDKs use for request and response dates.
    pub const FIFTEEN_MINUTES: Duration = Duration::from_mins(15);

    /// Accepts dates within `max_skew` of `now`, either direction.
    pub fn new(now: DateTime<Utc>, max_skew: Duration) -> Self {
        Self { now, max_skew }
    }

    /// The verifier's current time.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// Fails with [`SignError::StaleDate`] when `date` is too far from now.
    pub fn check(&self, date: DateTime<Utc>) -> Result<(), SignError> {
        let skew_seconds = (date - self.now).num_seconds().abs();
        let limit_seconds = i64::try_from(self.max_skew.as_secs()).unwrap_or(i64::MAX);
        if skew_seconds > limit_seconds {
            return Err(SignError::StaleDate {
                skew_seconds,
                limit_seconds,
            });
        }
        Ok(())
    }
}

/// `Wed, 15 Jan 2025 08:30:00 GMT` (RFC 1123, the HTTP `Date` form).
pub(crate) fn format_http_date(time: DateTime<Utc>) -> String {
    time.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

pub(crate) fn parse_http_date(
    field: &'static str,
    value: &str,
) -> Result<DateTime<Utc>, SignError> {
    NaiveDateTime::parse_from_str(value, "%a, %d %b %Y %H:%M:%S GMT")
        .map(|t| t.and_utc())
        .map_err(|_| malformed(field, value))
}

/// `20250115T083000Z` (ISO 8601 basic, used by OSS V4).
pub(crate) fn format_iso8601_basic(time: DateTime<Utc>) -> String {
    time.format("%Y%m%dT%H%M%SZ").to_string()
}

pub(crate) fn parse_iso8601_basic(
    field: &'static str,
    value: &str,
) -> Result<DateTime<Utc>, SignError> {
    NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%SZ")
        .map(|t| t.and_utc())
        .map_err(|_| malformed(field, value))
}

/// `2025-01-15T08:30:00Z` (`OpenAPI` `x-acs-date` and RPC `Timestamp`).
pub(crate) fn format_iso8601_seconds(time: DateTime<Utc>) -> String {
    time.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// `2025-01-15T08:30:00.000Z` as the Tablestore Python SDK writes `x-ots-date`.
pub(crate) fn format_iso8601_millis(time: DateTime<Utc>) -> String {
    time.format("%Y-%m-%dT%H:%M:%S.000Z").to_string()
}

/// `2025-01-15T08:30:00Z`, with or without a fraction of 1–9 digits.
pub(crate) fn parse_iso8601_extended(
    field: &'static str,
    value: &str,
) -> Result<DateTime<Utc>, SignError> {
    NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S%.fZ")
        .map(|t| t.and_utc())
        .map_err(|_| malformed(field, value))
}

/// `20250115` (credential scopes, `x-ots-signdate`).
pub(crate) fn format_compact_date(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

fn malformed(field: &'static str, value: &str) -> SignError {
    SignError::MalformedDate {
        field,
        value: value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 1, 15, h, m, s)
            .single()
            .expect("valid time")
    }

    #[test]
    fn dates_inside_the_limit_pass_and_outside_fail_in_both_directions() {
        let fresh = Freshness::new(at(8, 30, 0), Freshness::FIFTEEN_MINUTES);
        assert_eq!(fresh.check(at(8, 45, 0)), Ok(()));
        assert_eq!(fresh.check(at(8, 15, 0)), Ok(()));
        assert_eq!(
            fresh.check(at(8, 45, 1)),
            Err(SignError::StaleDate {
                skew_seconds: 901,
                limit_seconds: 900
            })
        );
        assert_eq!(
            fresh.check(at(8, 14, 59)),
            Err(SignError::StaleDate {
                skew_seconds: 901,
                limit_seconds: 900
            })
        );
    }

    #[test]
    fn formats_round_trip_through_their_parsers() {
        let t = at(8, 30, 0);
        assert_eq!(format_http_date(t), "Wed, 15 Jan 2025 08:30:00 GMT");
        assert_eq!(parse_http_date("date", &format_http_date(t)), Ok(t));
        assert_eq!(format_iso8601_basic(t), "20250115T083000Z");
        assert_eq!(parse_iso8601_basic("x-oss-date", "20250115T083000Z"), Ok(t));
        assert_eq!(format_iso8601_millis(t), "2025-01-15T08:30:00.000Z");
        assert_eq!(
            parse_iso8601_extended("x-ots-date", "2025-01-15T08:30:00.000Z"),
            Ok(t)
        );
        assert_eq!(
            parse_iso8601_extended("x-acs-date", "2025-01-15T08:30:00Z"),
            Ok(t)
        );
    }

    #[test]
    fn a_garbled_date_names_its_field() {
        assert_eq!(
            parse_iso8601_basic("x-oss-date", "2025-01-15"),
            Err(SignError::MalformedDate {
                field: "x-oss-date",
                value: "2025-01-15".to_owned()
            })
        );
    }
}
