//! Event-time parsing per format, failure rates with examples, and the format suggestion.

use delivery::event_time_check::{check_event_times, suggest_format};
use delivery::EventTimeFormat;
use tablestore_wire::Value;

/// 2020-08-31T16:03:00Z
const DOC_MILLIS: i64 = 1_598_889_780_000;

// Samples are `Option`s (missing cells are `None`); this builds the present ones.
#[allow(clippy::unnecessary_wraps)]
fn text(s: &str) -> Option<Value> {
    Some(Value::String(s.into()))
}

#[test]
fn each_format_parses_its_own_example() {
    let expected = [
        (EventTimeFormat::Rfc822, DOC_MILLIS),
        (EventTimeFormat::Rfc850, DOC_MILLIS),
        (EventTimeFormat::Rfc1123, DOC_MILLIS),
        (EventTimeFormat::Rfc3339, DOC_MILLIS - 8 * 3_600_000),
        (EventTimeFormat::Unix, DOC_MILLIS),
    ];
    for (format, millis) in expected {
        assert_eq!(
            format.parse_text(format.example()),
            Ok(millis),
            "{format:?}"
        );
    }
}

#[test]
fn rfc3339_accepts_fractions_and_utc_z() {
    assert_eq!(
        EventTimeFormat::Rfc3339.parse_text("2020-08-31T16:03:00.250Z"),
        Ok(DOC_MILLIS + 250)
    );
}

#[test]
fn rfc1123_accepts_gmt_offsets_and_refuses_numeric_zones() {
    assert_eq!(
        EventTimeFormat::Rfc1123.parse_text("Mon, 31 Aug 2020 18:03:00 GMT+2"),
        Ok(DOC_MILLIS)
    );
    // Go's RFC1123 layout has a zone abbreviation; "+0800" belongs to RFC1123Z.
    assert!(EventTimeFormat::Rfc1123
        .parse_text("Mon, 31 Aug 2020 16:03:00 +0800")
        .is_err());
}

#[test]
fn two_digit_years_follow_gos_pivot() {
    assert_eq!(
        EventTimeFormat::Rfc822.parse_text("01 Jan 69 00:00 UTC"),
        Ok(-31_536_000_000)
    );
}

#[test]
fn impossible_dates_are_refused() {
    let error = EventTimeFormat::Rfc3339
        .parse_text("2021-02-29T00:00:00Z")
        .expect_err("not a leap year");
    assert!(error.contains("day 29"), "{error}");
}

#[test]
fn reports_the_failure_rate_with_examples() {
    let sample = vec![
        text("2020-08-31T16:03:00Z"),
        text("2020-08-31 16:03:00"),
        text("2020-08-31T16:04:00+08:00"),
        None,
        Some(Value::Integer(5)),
    ];
    let check = check_event_times(EventTimeFormat::Rfc3339, &sample);
    assert_eq!(
        (check.present, check.parsed, check.failed, check.missing),
        (4, 2, 2, 1)
    );
    assert!((check.failure_rate - 0.5).abs() < f64::EPSILON);
    assert_eq!(check.examples.len(), 2);
    assert_eq!(check.examples[0].value, "2020-08-31 16:03:00");
    assert!(
        check.examples[0].reason.contains("'T'"),
        "{}",
        check.examples[0].reason
    );
    assert_eq!(
        check.examples[1].reason,
        "RFC3339 expects text, not a number"
    );
    assert_eq!(check.instants[0], DOC_MILLIS);
    assert!(check.notes.iter().any(|n| n.contains("lack the column")));
}

#[test]
fn unix_values_that_look_like_milliseconds_get_a_note() {
    let sample = vec![Some(Value::Integer(DOC_MILLIS))];
    let check = check_event_times(EventTimeFormat::Unix, &sample);
    assert_eq!(check.parsed, 1);
    assert!(
        check.notes[0].contains("look like milliseconds"),
        "{:?}",
        check.notes
    );
}

#[test]
fn suggests_the_format_that_parses_the_most_values() {
    let sample = vec![
        text("Mon, 31 Aug 2020 16:03:00 GMT"),
        text("Tue, 01 Sep 2020 10:00:00 GMT"),
        text("2020-08-31T16:03:00Z"),
        None,
    ];
    let suggestion = suggest_format(&sample).expect("something parses");
    assert_eq!(suggestion.format, EventTimeFormat::Rfc1123);
    assert_eq!((suggestion.parsed, suggestion.present), (2, 3));
}

#[test]
fn suggests_nothing_when_no_format_fits() {
    assert_eq!(suggest_format(&[text("yesterday"), None]), None);
}

#[test]
fn check_results_serialise_instants_as_strings() {
    let check = check_event_times(EventTimeFormat::Unix, &[text("1598889780")]);
    let json = serde_json::to_value(&check).expect("serialises");
    assert_eq!(json["instants"], serde_json::json!(["1598889780000"]));
    assert_eq!(json["format"], "Unix");
}

mod round_trips {
    use delivery::civil_time::CivilTime;
    use delivery::{EventTimeFormat, OssPrefix};
    use proptest::prelude::*;

    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];

    /// 1970-01-01 .. 2199-12-31, whole seconds.
    fn instants() -> impl Strategy<Value = i64> {
        (0i64..7_289_567_999).prop_map(|seconds| seconds * 1000)
    }

    proptest! {
        #[test]
        fn rfc3339_text_of_any_instant_parses_back_to_it(millis in instants(), offset_minutes in -720i32..=840) {
            let t = CivilTime::from_unix_millis(millis, offset_minutes);
            let sign = if offset_minutes < 0 { '-' } else { '+' };
            let text = format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
                t.year, t.month, t.day, t.hour, t.minute, t.second,
                offset_minutes.abs() / 60, offset_minutes.abs() % 60
            );
            prop_assert_eq!(EventTimeFormat::Rfc3339.parse_text(&text), Ok(millis), "{}", text);
        }

        #[test]
        fn rfc1123_text_of_any_instant_parses_back_to_it(millis in instants()) {
            let t = CivilTime::from_unix_millis(millis, 0);
            let text = format!(
                "Mon, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
                t.day, MONTHS[t.month as usize - 1], t.year, t.hour, t.minute, t.second
            );
            prop_assert_eq!(EventTimeFormat::Rfc1123.parse_text(&text), Ok(millis), "{}", text);
        }

        #[test]
        fn prefix_expansion_agrees_with_the_civil_time(millis in instants()) {
            let prefix = OssPrefix::parse("y=$yyyy/m=$MM/d=$dd/h=$HH/i=$mm").expect("valid");
            let t = CivilTime::from_unix_millis(millis, 0);
            prop_assert_eq!(
                prefix.expand(&t),
                format!("y={:04}/m={:02}/d={:02}/h={:02}/i={:02}", t.year, t.month, t.day, t.hour, t.minute)
            );
        }

        #[test]
        fn no_format_panics_on_arbitrary_text(text in "\\PC{0,40}") {
            for format in EventTimeFormat::ALL {
                let _ = format.parse_text(&text);
            }
        }
    }
}
