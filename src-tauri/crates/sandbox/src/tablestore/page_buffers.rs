//! Reused buffers for GetRange answers. A full page is megabytes, and a fresh buffer for each
//! one meant the kernel mapping and zeroing every one of its pages again, twice per answer
//! (the rows, then the encoded message): a visible share of the sandbox's time when a client
//! samples a large table. A buffer goes back to the spares when the last `Bytes` sharing it is
//! dropped (after hyper has sent it); what it held is overwritten before any reuse.

use std::sync::{Mutex, PoisonError};

use bytes::Bytes;

/// Spare buffers kept: a client reading ahead has up to two answers in the making or in
/// flight, each using two (its rows, its message). Bounds what an idle sandbox keeps.
const SPARES_KEPT: usize = 4;
/// Larger buffers (an unusual answer) are given back to the allocator instead; a full page
/// (4 MB of rows) and its message fit.
const LARGEST_KEPT: usize = 5 * 1024 * 1024;

/// The spares GetRange answers use.
pub static PAGE_BUFFERS: Spares = Spares::new();

/// A few spare buffers, shared by every connection.
#[derive(Debug)]
pub struct Spares {
    buffers: Mutex<Vec<Vec<u8>>>,
}

impl Spares {
    pub const fn new() -> Self {
        Self {
            buffers: Mutex::new(Vec::new()),
        }
    }

    /// An empty buffer able to hold `capacity` bytes, a spare one when one is big enough.
    pub fn take(&self, capacity: usize) -> Vec<u8> {
        let spare = {
            let mut buffers = self.lock();
            buffers
                .iter()
                .position(|b| b.capacity() >= capacity)
                .map(|i| buffers.swap_remove(i))
        };
        match spare {
            Some(mut buffer) => {
                buffer.clear();
                buffer
            }
            None => Vec::with_capacity(capacity),
        }
    }

    /// `buffer` as `Bytes` that hand it back to these spares once dropped.
    pub fn into_bytes(&'static self, buffer: Vec<u8>) -> Bytes {
        Bytes::from_owner(GivenBack {
            buffer,
            spares: self,
        })
    }

    fn give_back(&self, buffer: Vec<u8>) {
        if buffer.capacity() == 0 || buffer.capacity() > LARGEST_KEPT {
            return;
        }
        let mut buffers = self.lock();
        if buffers.len() < SPARES_KEPT {
            buffers.push(buffer);
        } else if let Some(smallest) = buffers.iter_mut().min_by_key(|b| b.capacity()) {
            // Keep the larger of the two: a full page's buffer fits the next full page.
            if smallest.capacity() < buffer.capacity() {
                *smallest = buffer;
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Vec<u8>>> {
        self.buffers.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Default for Spares {
    fn default() -> Self {
        Self::new()
    }
}

/// Owns a buffer lent to a `Bytes`; gives it back to its spares on drop.
struct GivenBack {
    buffer: Vec<u8>,
    spares: &'static Spares,
}

impl AsRef<[u8]> for GivenBack {
    fn as_ref(&self) -> &[u8] {
        &self.buffer
    }
}

impl Drop for GivenBack {
    fn drop(&mut self) {
        self.spares.give_back(std::mem::take(&mut self.buffer));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_answer_gives_its_buffer_back_for_the_next_one() {
        static SPARES: Spares = Spares::new();
        let mut buffer = SPARES.take(1 << 20);
        buffer.extend_from_slice(b"first answer");
        let address = buffer.as_ptr();
        let bytes = SPARES.into_bytes(buffer);
        assert_eq!(&bytes[..], b"first answer");
        let shared = bytes.slice(6..);
        drop(bytes);
        assert_eq!(&shared[..], b"answer", "still lent while a slice lives");
        assert!(SPARES.lock().is_empty());
        drop(shared);
        let again = SPARES.take(1000);
        assert!(again.is_empty(), "handed out cleared");
        assert_eq!(again.as_ptr(), address, "the same buffer again");
        assert!(again.capacity() >= 1 << 20);
        assert!(
            SPARES.take(2 << 20).capacity() >= 2 << 20,
            "a bigger one is new"
        );
    }

    #[test]
    fn at_most_a_few_spares_are_kept_and_the_largest_win() {
        static SPARES: Spares = Spares::new();
        for size in 1..=SPARES_KEPT + 2 {
            drop(SPARES.into_bytes(Vec::with_capacity(size * 1000)));
        }
        drop(SPARES.into_bytes(Vec::with_capacity(LARGEST_KEPT + 1)));
        let mut kept: Vec<usize> = SPARES.lock().iter().map(Vec::capacity).collect();
        kept.sort_unstable();
        assert_eq!(kept.len(), SPARES_KEPT);
        assert_eq!(kept[0], 3000, "the two smallest gave way");
        assert_eq!(kept[SPARES_KEPT - 1], (SPARES_KEPT + 2) * 1000);
    }
}
