//! CRC-8 as PlainBuffer uses it: polynomial 0x07, initial value 0, MSB first, no final XOR
//! (CRC-8/SMBUS), fed byte by byte (spec section 5.3).
//!
//! Checksumming touches nearly every byte of a page, and a plain table lookup per byte is a
//! chain of dependent loads. "Slicing by 8" looks up eight bytes independently and XORs the
//! results. Two properties of this CRC (no initial value, no final XOR) make that cheap:
//!
//! - it is linear: the tables satisfy `T[a ^ b] = T[a] ^ T[b]`, so the running checksum can be
//!   folded in with ONE lookup next to the eight lookups of the data, which do not depend on
//!   it. The dependent chain is one load per 8 bytes instead of one per byte.
//! - leading zero bytes do not change a checksum that starts from 0, so a piece shorter than 8
//!   bytes is one step too: zero-pad it in front. Cells are made of short pieces (a 5-byte
//!   type + length, a 20-byte string), so there is no byte-at-a-time remainder loop at all.

const fn slicing_tables() -> [[u8; 256]; 8] {
    let mut tables = [[0u8; 256]; 8];
    let mut i = 0;
    while i < 256 {
        #[allow(clippy::cast_possible_truncation)] // i < 256
        let mut x = i as u8;
        let mut bit = 0;
        while bit < 8 {
            x = if x & 0x80 == 0 {
                x << 1
            } else {
                (x << 1) ^ 0x07
            };
            bit += 1;
        }
        tables[0][i] = x;
        i += 1;
    }
    // tables[k][x] = checksum of byte x followed by k zero bytes.
    let mut k = 1;
    while k < 8 {
        let mut i = 0;
        while i < 256 {
            tables[k][i] = tables[0][tables[k - 1][i] as usize];
            i += 1;
        }
        k += 1;
    }
    tables
}

static TABLES: [[u8; 256]; 8] = slicing_tables();

/// The checksum, from 0, of the 8 bytes of `word` in memory order (`word` was read
/// little-endian, so its lowest byte comes first).
#[inline]
fn step(word: u64) -> u8 {
    let t = &TABLES;
    let b = word.to_le_bytes();
    t[7][usize::from(b[0])]
        ^ t[6][usize::from(b[1])]
        ^ t[5][usize::from(b[2])]
        ^ t[4][usize::from(b[3])]
        ^ t[3][usize::from(b[4])]
        ^ t[2][usize::from(b[5])]
        ^ t[1][usize::from(b[6])]
        ^ t[0][usize::from(b[7])]
}

/// Continues a checksum `crc` over exactly 8 bytes.
#[inline]
pub fn update_word(crc: u8, bytes: [u8; 8]) -> u8 {
    step(u64::from_le_bytes(bytes)) ^ TABLES[7][usize::from(crc)]
}

/// Continues checksums over 8-byte words, remembering the step of the last word. The cells of
/// a row usually carry one version timestamp, so most timestamps then cost one comparison and
/// one lookup instead of nine lookups. (Its initial state is right: the step of 0 is 0.)
#[derive(Debug, Clone, Default)]
pub struct WordMemo {
    word: u64,
    step: u8,
}

impl WordMemo {
    /// Same result as [`update_word`].
    #[inline]
    pub fn update_word(&mut self, crc: u8, bytes: [u8; 8]) -> u8 {
        let word = u64::from_le_bytes(bytes);
        if word != self.word {
            self.word = word;
            self.step = step(word);
        }
        self.step ^ TABLES[7][usize::from(crc)]
    }
}

/// Continues a checksum `crc` over `buf[start..]`.
///
/// The bytes before `start` are not checksummed; they only let the first, shorter-than-8 piece
/// be read as one overlapping 8-byte word (its unwanted low bytes are masked off, which is the
/// zero padding). Callers pass the buffer up to the end of the piece.
#[allow(clippy::inline_always)] // one call per string cell; the call overhead was measurable
#[inline(always)]
pub fn update_tail_of(crc: u8, buf: &[u8], start: usize) -> u8 {
    let Some(bytes) = buf.get(start..) else {
        return crc;
    };
    let head = bytes.len() % 8;
    let mut crc = crc;
    if head != 0 {
        let end = start + head;
        let word = match buf.get(end.wrapping_sub(8)..end) {
            Some(word) if end >= 8 => {
                let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
                // Keep the `head` high bytes (the piece); the low ones precede `start`.
                word & (u64::MAX << (8 * (8 - head)))
            }
            _ => {
                let mut padded = [0u8; 8];
                padded[8 - head..].copy_from_slice(&bytes[..head]);
                u64::from_le_bytes(padded)
            }
        };
        // The running checksum meets the piece's first byte, at table `head - 1`.
        crc = step(word) ^ TABLES[head - 1][usize::from(crc)];
    }
    for block in bytes[head..].chunks_exact(8) {
        crc = update_word(crc, block.try_into().unwrap_or_default());
    }
    crc
}

/// Continues a checksum `crc` over `bytes`.
#[inline]
pub fn update(crc: u8, bytes: &[u8]) -> u8 {
    update_tail_of(crc, bytes, 0)
}

/// Continues a checksum over one byte.
#[inline]
pub fn update_byte(crc: u8, byte: u8) -> u8 {
    TABLES[0][usize::from(crc ^ byte)]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The textbook definition, one bit at a time, to check the tables against.
    fn bitwise(mut crc: u8, bytes: &[u8]) -> u8 {
        for &byte in bytes {
            crc ^= byte;
            for _ in 0..8 {
                crc = if crc & 0x80 == 0 {
                    crc << 1
                } else {
                    (crc << 1) ^ 0x07
                };
            }
        }
        crc
    }

    #[test]
    fn check_value_of_ascii_digits_is_f4() {
        assert_eq!(update(0, b"123456789"), 0xF4);
    }

    #[test]
    fn first_table_entries_match_the_spec() {
        assert_eq!(
            &TABLES[0][..8],
            &[0x00, 0x07, 0x0E, 0x09, 0x1C, 0x1B, 0x12, 0x15]
        );
    }

    proptest::proptest! {
        #[test]
        fn sliced_checksum_equals_bitwise_checksum(
            start in proptest::prelude::any::<u8>(),
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..100),
        ) {
            proptest::prop_assert_eq!(update(start, &bytes), bitwise(start, &bytes));
        }

        #[test]
        fn checksum_of_a_tail_ignores_the_bytes_before_it(
            crc in proptest::prelude::any::<u8>(),
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..100),
            start in 0usize..100,
        ) {
            let start = start.min(bytes.len());
            proptest::prop_assert_eq!(
                update_tail_of(crc, &bytes, start),
                bitwise(crc, &bytes[start..])
            );
        }

        #[test]
        fn remembered_word_checksums_equal_bitwise_checksums(
            crcs in proptest::collection::vec(proptest::prelude::any::<u8>(), 1..20),
            words in proptest::collection::vec(0u8..3, 1..20),
        ) {
            // Few distinct words, so the memo is hit and missed in every order.
            let mut memo = WordMemo::default();
            for (crc, word) in crcs.iter().zip(&words) {
                let bytes = [*word, 0, 0, 0, 0, 0, 0, word.wrapping_mul(7)];
                proptest::prop_assert_eq!(memo.update_word(*crc, bytes), bitwise(*crc, &bytes));
            }
        }

        #[test]
        fn checksum_of_a_word_equals_bitwise_checksum(
            crc in proptest::prelude::any::<u8>(),
            word in proptest::prelude::any::<[u8; 8]>(),
        ) {
            proptest::prop_assert_eq!(update_word(crc, word), bitwise(crc, &word));
        }
    }
}
