//! Replay protection: a signature nonce may be used once per AccessKey within the window a
//! signed date stays acceptable.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

/// How long a nonce is remembered: a request dated up to 15 minutes ahead may arrive up to
/// 15 minutes late, so twice the freshness limit covers every replay the date check allows.
const REMEMBER_FOR_MINUTES: i64 = 30;

#[derive(Debug, Default)]
pub struct NonceLog {
    seen: Mutex<Seen>,
}

#[derive(Debug, Default)]
struct Seen {
    by_key: HashMap<(String, String), DateTime<Utc>>,
    last_pruned: Option<DateTime<Utc>>,
}

impl NonceLog {
    /// Records `nonce` for `access_key_id`; false when it was already used within the window.
    pub fn first_use(&self, access_key_id: &str, nonce: &str, now: DateTime<Utc>) -> bool {
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let window = Duration::minutes(REMEMBER_FOR_MINUTES);
        // Pruning once a minute keeps the map small without scanning it on every request.
        if seen
            .last_pruned
            .is_none_or(|at| now - at > Duration::minutes(1))
        {
            seen.by_key.retain(|_, used_at| now - *used_at <= window);
            seen.last_pruned = Some(now);
        }
        let key = (access_key_id.to_owned(), nonce.to_owned());
        match seen.by_key.get(&key) {
            Some(used_at) if now - *used_at <= window => false,
            _ => {
                seen.by_key.insert(key, now);
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).expect("valid") + Duration::minutes(minutes)
    }

    #[test]
    fn a_nonce_is_accepted_once_per_key_within_the_window() {
        let log = NonceLog::default();
        assert!(log.first_use("AK1", "n1", at(0)));
        assert!(!log.first_use("AK1", "n1", at(10)));
        assert!(log.first_use("AK2", "n1", at(10)));
        assert!(log.first_use("AK1", "n2", at(10)));
    }

    #[test]
    fn a_nonce_is_forgotten_after_the_window() {
        let log = NonceLog::default();
        assert!(log.first_use("AK1", "n1", at(0)));
        assert!(log.first_use("AK1", "n1", at(31)));
    }
}
