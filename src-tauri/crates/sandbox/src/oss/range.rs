//! The `Range` header of GetObject as OSS reads it.
//!
//! One range only (a list keeps its first). By default an invalid or out-of-range value is
//! ignored and the whole object is sent with 200; with `x-oss-range-behavior: standard` an end
//! past the object is clamped and a start past it is refused with 416 `InvalidRange`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeOutcome {
    /// Send everything with 200.
    Whole,
    /// Send bytes `first..=last` with 206.
    Partial { first: u64, last: u64 },
    /// 416 `InvalidRange`.
    Unsatisfiable,
}

pub fn resolve(header: Option<&str>, size: u64, standard: bool) -> RangeOutcome {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return RangeOutcome::Whole;
    };
    let first_range = spec.split(',').next().unwrap_or_default().trim();
    let Some((start, end)) = first_range.split_once('-') else {
        return RangeOutcome::Whole;
    };
    let parse = |s: &str| s.trim().parse::<u64>().ok();
    let out_of_range = if standard {
        RangeOutcome::Unsatisfiable
    } else {
        RangeOutcome::Whole
    };
    match (start.trim().is_empty(), end.trim().is_empty()) {
        // `bytes=-n`: the last n bytes.
        (true, false) => match parse(end) {
            Some(n) if n == 0 || size == 0 => out_of_range,
            Some(n) if n > size => {
                if standard {
                    RangeOutcome::Partial {
                        first: 0,
                        last: size - 1,
                    }
                } else {
                    RangeOutcome::Whole
                }
            }
            Some(n) => RangeOutcome::Partial {
                first: size - n,
                last: size - 1,
            },
            None => RangeOutcome::Whole,
        },
        // `bytes=a-`: from a to the end.
        (false, true) => match parse(start) {
            Some(a) if a < size => RangeOutcome::Partial {
                first: a,
                last: size - 1,
            },
            Some(_) => out_of_range,
            None => RangeOutcome::Whole,
        },
        (false, false) => match (parse(start), parse(end)) {
            (Some(a), Some(b)) if a > b => RangeOutcome::Whole,
            (Some(a), Some(_)) if a >= size => out_of_range,
            (Some(a), Some(b)) if b >= size => {
                if standard {
                    RangeOutcome::Partial {
                        first: a,
                        last: size - 1,
                    }
                } else {
                    RangeOutcome::Whole
                }
            }
            (Some(a), Some(b)) => RangeOutcome::Partial { first: a, last: b },
            _ => RangeOutcome::Whole,
        },
        (true, true) => RangeOutcome::Whole,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RangeOutcome::{Partial, Unsatisfiable, Whole};

    #[test]
    fn valid_ranges_of_every_form_select_their_bytes() {
        assert_eq!(
            resolve(Some("bytes=0-499"), 1000, false),
            Partial {
                first: 0,
                last: 499
            }
        );
        assert_eq!(
            resolve(Some("bytes=-500"), 1000, false),
            Partial {
                first: 500,
                last: 999
            }
        );
        assert_eq!(
            resolve(Some("bytes=500-"), 1000, false),
            Partial {
                first: 500,
                last: 999
            }
        );
        assert_eq!(
            resolve(Some("bytes=0-499,500-999"), 1000, false),
            Partial {
                first: 0,
                last: 499
            }
        );
    }

    #[test]
    fn invalid_ranges_send_the_whole_object_by_default() {
        for header in [
            "byte=0-499",
            "bytes=0-1000",
            "bytes=1000-2000",
            "bytes=1000-",
            "bytes=-2000",
            "bytes=5-1",
        ] {
            assert_eq!(resolve(Some(header), 1000, false), Whole, "{header}");
        }
        assert_eq!(resolve(None, 1000, false), Whole);
    }

    #[test]
    fn standard_behaviour_clamps_the_end_and_refuses_a_start_past_the_object() {
        assert_eq!(
            resolve(Some("bytes=500-2000"), 1000, true),
            Partial {
                first: 500,
                last: 999
            }
        );
        assert_eq!(resolve(Some("bytes=1000-2000"), 1000, true), Unsatisfiable);
        assert_eq!(resolve(Some("bytes=0-0"), 0, true), Unsatisfiable);
    }
}
