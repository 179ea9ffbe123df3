//! Request IDs in the shapes the services use, unique within a sandbox run.

use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug)]
pub struct RequestIds {
    prefix: u32,
    counter: AtomicU64,
}

impl RequestIds {
    pub fn new(seed: u64) -> Self {
        // Truncation keeps 32 bits of the seed: enough to tell two runs apart in a log.
        #[allow(clippy::cast_possible_truncation)]
        let prefix = (seed ^ (seed >> 32)) as u32;
        Self {
            prefix,
            counter: AtomicU64::new(1),
        }
    }

    fn next(&self) -> u64 {
        self.counter.fetch_add(1, Ordering::Relaxed)
    }

    /// Tablestore's shape: `0005aedd-5b9e-9b48-a5c1-720b12a7b4bb`.
    pub fn tablestore(&self) -> String {
        let n = self.next();
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            self.prefix,
            (n >> 48) & 0xffff,
            (n >> 32) & 0xffff,
            (n >> 16) & 0xffff,
            n & 0xffff_ffff_ffff
        )
    }

    /// OSS's shape: 24 upper-case hex digits.
    pub fn oss(&self) -> String {
        format!("{:08X}{:016X}", self.prefix, self.next())
    }

    /// OpenAPI's shape: an upper-case UUID.
    pub fn openapi(&self) -> String {
        self.tablestore().to_ascii_uppercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_shaped_like_the_services() {
        let ids = RequestIds::new(42);
        let a = ids.tablestore();
        let b = ids.tablestore();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(a.matches('-').count(), 4);
        let oss = ids.oss();
        assert_eq!(oss.len(), 24);
        assert!(oss
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase()));
    }
}
