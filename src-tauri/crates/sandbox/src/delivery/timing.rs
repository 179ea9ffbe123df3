//! How fast delivery runs. The service initialises a task for up to about a minute and writes
//! a file when its buffer is full or about every two minutes; tests scale this down.

use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryTiming {
    /// How long a new task stays in INIT before it reads anything.
    pub init_delay: Duration,
    /// An open file is written out after this long, full or not.
    pub roll_interval: Duration,
    /// An open file is written out once its data reaches about this many bytes.
    pub roll_bytes: usize,
    /// How often an engine looks for new writes and due files.
    pub poll_interval: Duration,
    /// Rows read per step of a full export (the table lock is released between steps).
    pub scan_batch_rows: usize,
}

impl Default for DeliveryTiming {
    fn default() -> Self {
        Self {
            // Shorter than the service's "up to about a minute", so a demo does not stall.
            init_delay: Duration::from_secs(10),
            roll_interval: Duration::from_mins(2),
            // The service's buffer size is unpublished; the docs advise objects of 4 MB or more.
            roll_bytes: 8 * 1024 * 1024,
            poll_interval: Duration::from_millis(500),
            scan_batch_rows: 10_000,
        }
    }
}

impl DeliveryTiming {
    /// Milliseconds instead of minutes, for tests.
    pub fn fast() -> Self {
        Self {
            init_delay: Duration::from_millis(100),
            roll_interval: Duration::from_millis(400),
            poll_interval: Duration::from_millis(20),
            ..Self::default()
        }
    }
}
