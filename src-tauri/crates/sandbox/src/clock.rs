//! The sandbox's clock: the system clock plus an adjustable skew, so tests can make the
//! "service" disagree with the client about the time.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, Utc};

#[derive(Debug, Default)]
pub struct Clock {
    skew_seconds: AtomicI64,
}

impl Clock {
    /// The service's idea of now.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::seconds(self.skew_seconds.load(Ordering::Relaxed))
    }

    pub fn set_skew_seconds(&self, seconds: i64) {
        self.skew_seconds.store(seconds, Ordering::Relaxed);
    }

    pub fn skew_seconds(&self) -> i64 {
        self.skew_seconds.load(Ordering::Relaxed)
    }
}
