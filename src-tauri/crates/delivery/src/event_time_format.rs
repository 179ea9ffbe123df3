//! The five event-time formats and parsers for them.
//!
//! The formats carry Go's layout names (`time.RFC1123` …); the parsers follow those layouts:
//! RFC822 `02 Jan 06 15:04 MST`, RFC850 `Monday, 02-Jan-06 15:04:05 MST`,
//! RFC1123 `Mon, 02 Jan 2006 15:04:05 MST`, RFC3339 `2006-01-02T15:04:05Z07:00`, and Unix
//! (integer seconds; the unit the service expects is unconfirmed). Like Go, a fraction after
//! the seconds is accepted, two-digit years 69–99 are 19xx, and a zone abbreviation other than
//! UTC/GMT gets offset 0 (Go only knows the abbreviations of its own local zone, and the
//! service's local zone is unconfirmed). Whether the service parses with exactly these
//! layouts is unconfirmed too.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::civil_time::{days_from_civil, days_in_month};

/// `EventColumn.eventTimeFormat`, serialised with the proto names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum EventTimeFormat {
    #[serde(rename = "RFC822")]
    Rfc822,
    #[serde(rename = "RFC850")]
    Rfc850,
    #[serde(rename = "RFC1123")]
    Rfc1123,
    #[serde(rename = "RFC3339")]
    Rfc3339,
    #[serde(rename = "Unix")]
    Unix,
}

impl EventTimeFormat {
    pub const ALL: [EventTimeFormat; 5] = [
        EventTimeFormat::Rfc822,
        EventTimeFormat::Rfc850,
        EventTimeFormat::Rfc1123,
        EventTimeFormat::Rfc3339,
        EventTimeFormat::Unix,
    ];

    pub fn proto_value(self) -> i32 {
        match self {
            EventTimeFormat::Rfc822 => 1,
            EventTimeFormat::Rfc850 => 2,
            EventTimeFormat::Rfc1123 => 3,
            EventTimeFormat::Rfc3339 => 4,
            EventTimeFormat::Unix => 5,
        }
    }

    pub fn proto_name(self) -> &'static str {
        match self {
            EventTimeFormat::Rfc822 => "RFC822",
            EventTimeFormat::Rfc850 => "RFC850",
            EventTimeFormat::Rfc1123 => "RFC1123",
            EventTimeFormat::Rfc3339 => "RFC3339",
            EventTimeFormat::Unix => "Unix",
        }
    }

    pub fn go_constant(self) -> &'static str {
        match self {
            EventTimeFormat::Rfc822 => "EventColumnRFC822",
            EventTimeFormat::Rfc850 => "EventColumnRFC850",
            EventTimeFormat::Rfc1123 => "EventColumnRFC1123",
            EventTimeFormat::Rfc3339 => "EventColumnRFC3339",
            EventTimeFormat::Unix => "EventColumnUnix",
        }
    }

    pub fn java_constant(self) -> &'static str {
        self.proto_name()
    }

    /// An example value in this format, for hints.
    pub fn example(self) -> &'static str {
        match self {
            EventTimeFormat::Rfc822 => "31 Aug 20 16:03 UTC",
            EventTimeFormat::Rfc850 => "Monday, 31-Aug-20 16:03:00 UTC",
            EventTimeFormat::Rfc1123 => "Mon, 31 Aug 2020 16:03:00 GMT",
            EventTimeFormat::Rfc3339 => "2020-08-31T16:03:00+08:00",
            EventTimeFormat::Unix => "1598889780",
        }
    }

    /// Parses text in this format into Unix milliseconds, or says why it does not fit.
    pub fn parse_text(self, text: &str) -> Result<i64, String> {
        let mut cursor = Cursor::new(text);
        let millis = match self {
            EventTimeFormat::Rfc822 => parse_rfc822(&mut cursor),
            EventTimeFormat::Rfc850 => parse_rfc850(&mut cursor),
            EventTimeFormat::Rfc1123 => parse_rfc1123(&mut cursor),
            EventTimeFormat::Rfc3339 => parse_rfc3339(&mut cursor),
            EventTimeFormat::Unix => parse_unix(&mut cursor),
        }?;
        if cursor.rest.is_empty() {
            Ok(millis)
        } else {
            Err(format!("unexpected text '{}' at the end", cursor.rest))
        }
    }

    /// Parses an integer cell: only `Unix` reads integers (as seconds).
    pub fn parse_integer(self, seconds: i64) -> Result<i64, String> {
        match self {
            EventTimeFormat::Unix => seconds
                .checked_mul(1000)
                .ok_or_else(|| "the number is out of range".to_owned()),
            _ => Err(format!("{} expects text, not a number", self.proto_name())),
        }
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// A tiny left-to-right reader over the input.
struct Cursor<'a> {
    rest: &'a str,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Self { rest: text }
    }

    fn literal(&mut self, expected: &str) -> Result<(), String> {
        match self.rest.strip_prefix(expected) {
            Some(rest) => {
                self.rest = rest;
                Ok(())
            }
            None => Err(format!("expected '{expected}' before '{}'", self.rest)),
        }
    }

    /// Exactly `width` digits.
    fn fixed_digits(&mut self, width: usize, what: &str) -> Result<u32, String> {
        let digits = self
            .rest
            .get(..width)
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()));
        let Some(digits) = digits else {
            return Err(format!(
                "expected a {width}-digit {what} at '{}'",
                self.rest
            ));
        };
        self.rest = &self.rest[width..];
        digits
            .parse()
            .map_err(|_| format!("expected a {width}-digit {what}"))
    }

    /// One or two digits (Go's `15` hour field).
    fn one_or_two_digits(&mut self, what: &str) -> Result<u32, String> {
        let width = self
            .rest
            .bytes()
            .take(2)
            .take_while(u8::is_ascii_digit)
            .count();
        if width == 0 {
            return Err(format!("expected the {what} at '{}'", self.rest));
        }
        self.fixed_digits(width, what)
    }

    /// A name from `names`, case-insensitively, matched whole or by its first three letters.
    fn name(&mut self, names: &[&str], abbreviated: bool, what: &str) -> Result<usize, String> {
        for (index, name) in names.iter().enumerate() {
            let spelled = if abbreviated { &name[..3] } else { name };
            if self
                .rest
                .get(..spelled.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(spelled))
            {
                self.rest = &self.rest[spelled.len()..];
                return Ok(index);
            }
        }
        Err(format!("expected a {what} name at '{}'", self.rest))
    }

    /// Go accepts `.123` or `,123` after the seconds even when the layout has no fraction.
    fn optional_fraction_millis(&mut self) -> i64 {
        let bytes = self.rest.as_bytes();
        if bytes.len() >= 2 && (bytes[0] == b'.' || bytes[0] == b',') && bytes[1].is_ascii_digit() {
            let digits: usize = bytes[1..].iter().take_while(|b| b.is_ascii_digit()).count();
            let fraction = &self.rest[1..=digits];
            self.rest = &self.rest[1 + digits..];
            let padded = format!("{fraction:0<3}");
            return padded[..3].parse().unwrap_or(0);
        }
        0
    }

    /// Go's `MST` field: UTC, GMT (optionally `GMT+h`), or 3–5 upper-case letters ending the
    /// usual way. Returns the offset in seconds east of UTC.
    fn zone_abbreviation(&mut self) -> Result<i64, String> {
        if let Some(rest) = self.rest.strip_prefix("GMT") {
            self.rest = rest;
            return self.optional_gmt_hours();
        }
        let letters = self
            .rest
            .bytes()
            .take(5)
            .take_while(u8::is_ascii_uppercase)
            .count();
        let width = match letters {
            5 if self.rest.as_bytes()[4] == b'T' => 5,
            4.. if self.rest.as_bytes()[3] == b'T' => 4,
            3.. => 3,
            _ => {
                return Err(format!(
                    "expected a time-zone abbreviation at '{}'",
                    self.rest
                ))
            }
        };
        self.rest = &self.rest[width..];
        Ok(0)
    }

    fn optional_gmt_hours(&mut self) -> Result<i64, String> {
        let sign = match self.rest.as_bytes().first() {
            Some(b'+') => 1,
            Some(b'-') => -1,
            _ => return Ok(0),
        };
        self.rest = &self.rest[1..];
        let hours = self.one_or_two_digits("GMT offset")?;
        if hours > 23 {
            return Err("the GMT offset is out of range".into());
        }
        Ok(sign * i64::from(hours) * 3600)
    }

    /// RFC3339's `Z` or `±hh:mm`.
    fn numeric_zone(&mut self) -> Result<i64, String> {
        if let Some(rest) = self.rest.strip_prefix('Z') {
            self.rest = rest;
            return Ok(0);
        }
        let sign = match self.rest.as_bytes().first() {
            Some(b'+') => 1,
            Some(b'-') => -1,
            _ => {
                return Err(format!(
                    "expected 'Z' or an offset like +08:00 at '{}'",
                    self.rest
                ))
            }
        };
        self.rest = &self.rest[1..];
        let hours = self.fixed_digits(2, "offset hour")?;
        self.literal(":")?;
        let minutes = self.fixed_digits(2, "offset minute")?;
        if hours > 23 || minutes > 59 {
            return Err("the offset is out of range".into());
        }
        Ok(sign * (i64::from(hours) * 3600 + i64::from(minutes) * 60))
    }
}

struct Fields {
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    millis: i64,
    offset_seconds: i64,
}

impl Fields {
    fn to_unix_millis(&self) -> Result<i64, String> {
        if self.day == 0 || self.day > days_in_month(self.year, self.month) {
            return Err(format!("day {} does not exist in that month", self.day));
        }
        if self.hour > 23 || self.minute > 59 || self.second > 59 {
            return Err("the time of day is out of range".into());
        }
        let days = days_from_civil(self.year, self.month, self.day);
        let seconds = days * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - self.offset_seconds;
        Ok(seconds * 1000 + self.millis)
    }
}

fn month_number(index: usize) -> u32 {
    // index < 12, from MONTHS.
    u32::try_from(index + 1).unwrap_or(1)
}

fn two_digit_year(yy: u32) -> i64 {
    let yy = i64::from(yy);
    if yy >= 69 {
        1900 + yy
    } else {
        2000 + yy
    }
}

/// `02 Jan 06 15:04 MST`
fn parse_rfc822(c: &mut Cursor<'_>) -> Result<i64, String> {
    let day = c.fixed_digits(2, "day")?;
    c.literal(" ")?;
    let month = month_number(c.name(&MONTHS, true, "month")?);
    c.literal(" ")?;
    let year = two_digit_year(c.fixed_digits(2, "year")?);
    c.literal(" ")?;
    let hour = c.one_or_two_digits("hour")?;
    c.literal(":")?;
    let minute = c.fixed_digits(2, "minute")?;
    c.literal(" ")?;
    let offset_seconds = c.zone_abbreviation()?;
    Fields {
        year,
        month,
        day,
        hour,
        minute,
        second: 0,
        millis: 0,
        offset_seconds,
    }
    .to_unix_millis()
}

/// `Monday, 02-Jan-06 15:04:05 MST`
fn parse_rfc850(c: &mut Cursor<'_>) -> Result<i64, String> {
    c.name(&WEEKDAYS, false, "weekday")?;
    c.literal(", ")?;
    let day = c.fixed_digits(2, "day")?;
    c.literal("-")?;
    let month = month_number(c.name(&MONTHS, true, "month")?);
    c.literal("-")?;
    let year = two_digit_year(c.fixed_digits(2, "year")?);
    c.literal(" ")?;
    let (hour, minute, second, millis) = clock_with_seconds(c)?;
    c.literal(" ")?;
    let offset_seconds = c.zone_abbreviation()?;
    Fields {
        year,
        month,
        day,
        hour,
        minute,
        second,
        millis,
        offset_seconds,
    }
    .to_unix_millis()
}

/// `Mon, 02 Jan 2006 15:04:05 MST`
fn parse_rfc1123(c: &mut Cursor<'_>) -> Result<i64, String> {
    c.name(&WEEKDAYS, true, "weekday")?;
    c.literal(", ")?;
    let day = c.fixed_digits(2, "day")?;
    c.literal(" ")?;
    let month = month_number(c.name(&MONTHS, true, "month")?);
    c.literal(" ")?;
    let year = i64::from(c.fixed_digits(4, "year")?);
    c.literal(" ")?;
    let (hour, minute, second, millis) = clock_with_seconds(c)?;
    c.literal(" ")?;
    let offset_seconds = c.zone_abbreviation()?;
    Fields {
        year,
        month,
        day,
        hour,
        minute,
        second,
        millis,
        offset_seconds,
    }
    .to_unix_millis()
}

/// `2006-01-02T15:04:05Z07:00`
fn parse_rfc3339(c: &mut Cursor<'_>) -> Result<i64, String> {
    let year = i64::from(c.fixed_digits(4, "year")?);
    c.literal("-")?;
    let month = c.fixed_digits(2, "month")?;
    if !(1..=12).contains(&month) {
        return Err(format!("month {month} does not exist"));
    }
    c.literal("-")?;
    let day = c.fixed_digits(2, "day")?;
    c.literal("T")?;
    let hour = c.fixed_digits(2, "hour")?;
    c.literal(":")?;
    let minute = c.fixed_digits(2, "minute")?;
    c.literal(":")?;
    let second = c.fixed_digits(2, "second")?;
    let millis = c.optional_fraction_millis();
    let offset_seconds = c.numeric_zone()?;
    Fields {
        year,
        month,
        day,
        hour,
        minute,
        second,
        millis,
        offset_seconds,
    }
    .to_unix_millis()
}

fn clock_with_seconds(c: &mut Cursor<'_>) -> Result<(u32, u32, u32, i64), String> {
    let hour = c.one_or_two_digits("hour")?;
    c.literal(":")?;
    let minute = c.fixed_digits(2, "minute")?;
    c.literal(":")?;
    let second = c.fixed_digits(2, "second")?;
    Ok((hour, minute, second, c.optional_fraction_millis()))
}

/// Integer seconds, optionally signed, as text.
fn parse_unix(c: &mut Cursor<'_>) -> Result<i64, String> {
    let text = c.rest;
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("'{text}' is not a whole number of seconds"));
    }
    c.rest = "";
    let seconds: i64 = text
        .parse()
        .map_err(|_| "the number is out of range".to_owned())?;
    seconds
        .checked_mul(1000)
        .ok_or_else(|| "the number is out of range".to_owned())
}
