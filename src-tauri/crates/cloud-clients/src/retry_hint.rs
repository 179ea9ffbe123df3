//! How long a service asked us to wait before trying again, read from its answer's headers.
//!
//! Two headers carry such a hint, in different units:
//! - `x-acs-retry-after`: Alibaba Cloud's API gateway, in **milliseconds**. The Darabonba/Tea
//!   OpenAPI clients turn it into a `ThrottlingException` whose `retryAfter` their retry
//!   policy waits (capped by the condition's `maxDelay`); only a positive whole number counts.
//! - `Retry-After` (RFC 9110 §10.2.3): **seconds** (`delay-seconds`) or an HTTP date.
//!
//! When both are present the gateway's own header wins: it is the more precise of the two.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::{HeaderMap, RETRY_AFTER};

/// Alibaba Cloud's API gateway hint, in milliseconds.
pub const ACS_RETRY_AFTER: &str = "x-acs-retry-after";

/// The wait an answer asks for, if it asks for one. `now` dates an HTTP-date `Retry-After`.
pub fn retry_hint(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    let text = |name| headers.get(name).and_then(|v| v.to_str().ok());
    text(ACS_RETRY_AFTER)
        .and_then(parse_acs_retry_after)
        .or_else(|| text(RETRY_AFTER.as_str()).and_then(|v| parse_retry_after(v, now)))
}

/// `x-acs-retry-after`: a positive whole number of milliseconds. Zero, negative, empty or
/// malformed values are no hint, as the official OpenAPI clients treat them.
pub fn parse_acs_retry_after(value: &str) -> Option<Duration> {
    match value.trim().parse::<u64>() {
        Ok(0) | Err(_) => None,
        Ok(millis) => Some(Duration::from_millis(millis)),
    }
}

/// `Retry-After`: whole seconds, or an HTTP date (IMF-fixdate) counted from `now`. Zero or a
/// date already past asks for no wait at all: no hint, so our own back-off applies rather
/// than an immediate retry.
pub fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let value = value.trim();
    let wait = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // All digits: only an absurd length fails to parse, and that is no usable hint.
        Duration::from_secs(value.parse::<u64>().ok()?)
    } else {
        let date = DateTime::parse_from_rfc2822(value).ok()?;
        (date.with_timezone(&Utc) - now).to_std().ok()?
    };
    (!wait.is_zero()).then_some(wait)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use reqwest::header::HeaderValue;

    fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, h, m, s)
            .single()
            .expect("valid")
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn the_gateway_header_counts_milliseconds() {
        assert_eq!(parse_acs_retry_after("1000"), Some(Duration::from_secs(1)));
        assert_eq!(parse_acs_retry_after("80"), Some(Duration::from_millis(80)));
        assert_eq!(
            parse_acs_retry_after(" 42 "),
            Some(Duration::from_millis(42))
        );
    }

    #[test]
    fn zero_negative_empty_or_malformed_gateway_hints_are_no_hint() {
        for value in ["0", "-1", "", "abc", "1.5", "1e3"] {
            assert_eq!(parse_acs_retry_after(value), None, "{value:?}");
        }
    }

    #[test]
    fn the_standard_header_counts_seconds() {
        let now = at(2, 0, 0);
        assert_eq!(parse_retry_after("3", now), Some(Duration::from_secs(3)));
        assert_eq!(
            parse_retry_after(" 120 ", now),
            Some(Duration::from_mins(2))
        );
        for value in ["0", "-1", "", "soon", "1.5"] {
            assert_eq!(parse_retry_after(value, now), None, "{value:?}");
        }
    }

    #[test]
    fn the_standard_header_may_be_an_http_date_counted_from_now() {
        let now = at(2, 0, 0);
        assert_eq!(
            parse_retry_after("Wed, 25 Nov 2026 02:00:07 GMT", now),
            Some(Duration::from_secs(7))
        );
        assert_eq!(
            parse_retry_after("Wed, 25 Nov 2026 01:59:00 GMT", now),
            None,
            "a date already past asks for no wait"
        );
    }

    #[test]
    fn each_header_is_read_in_its_own_unit_and_the_gateway_header_wins() {
        let now = at(2, 0, 0);
        assert_eq!(
            retry_hint(&headers(&[("x-acs-retry-after", "1000")]), now),
            Some(Duration::from_secs(1))
        );
        assert_eq!(
            retry_hint(&headers(&[("retry-after", "1000")]), now),
            Some(Duration::from_secs(1000))
        );
        assert_eq!(
            retry_hint(
                &headers(&[("x-acs-retry-after", "250"), ("retry-after", "9")]),
                now
            ),
            Some(Duration::from_millis(250))
        );
        assert_eq!(
            retry_hint(
                &headers(&[("x-acs-retry-after", "0"), ("retry-after", "2")]),
                now
            ),
            Some(Duration::from_secs(2)),
            "an unusable gateway hint leaves the standard one"
        );
        assert_eq!(retry_hint(&HeaderMap::new(), now), None);
    }
}
