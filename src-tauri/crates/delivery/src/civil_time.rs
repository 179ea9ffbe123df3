//! Calendar arithmetic between Unix instants and civil (proleptic Gregorian) date-times.
//! Pure integer maths, so the crate needs no date library and no clock.

/// A wall-clock date and time at some fixed UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CivilTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

const MILLIS_PER_DAY: i64 = 86_400_000;

impl CivilTime {
    /// The civil time of `unix_millis` shifted by `offset_minutes` east of UTC.
    pub fn from_unix_millis(unix_millis: i64, offset_minutes: i32) -> Self {
        // Saturating: a Unix event time may be any i64 of milliseconds (values that look like
        // milliseconds are flagged, not refused), and a wrapped sum would make a date from the
        // wrong end of time (or panic in a debug build).
        let local = unix_millis.saturating_add(i64::from(offset_minutes) * 60_000);
        let days = local.div_euclid(MILLIS_PER_DAY);
        let millis_of_day = local.rem_euclid(MILLIS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        let seconds_of_day = millis_of_day / 1000;
        // All three are below 86 400 after rem_euclid, so the narrowing cannot truncate.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Self {
            year,
            month,
            day,
            hour: (seconds_of_day / 3600) as u32,
            minute: (seconds_of_day / 60 % 60) as u32,
            second: (seconds_of_day % 60) as u32,
        }
    }
}

/// Days since 1970-01-01 of a civil date (month 1–12, day 1–31).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The civil date of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // day is 1..=31 and month 1..=12 by construction.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    (year, month as u32, day as u32)
}

/// Number of days in a month of a year.
pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_the_quick_start_example_instant() {
        // 2020-08-31T16:03:00Z
        let time = CivilTime::from_unix_millis(1_598_889_780_000, 0);
        assert_eq!(
            time,
            CivilTime {
                year: 2020,
                month: 8,
                day: 31,
                hour: 16,
                minute: 3,
                second: 0
            }
        );
    }

    #[test]
    fn applies_a_positive_offset_across_midnight() {
        let time = CivilTime::from_unix_millis(1_598_889_780_000, 8 * 60);
        assert_eq!((time.month, time.day, time.hour), (9, 1, 0));
    }

    #[test]
    fn round_trips_days_before_and_after_the_epoch() {
        for days in [-800_000, -1, 0, 1, 11_016, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
