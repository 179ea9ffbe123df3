//! CRC-8 as PlainBuffer uses it: polynomial 0x07, initial value 0, MSB first, no final XOR
//! (CRC-8/SMBUS), fed byte by byte (spec section 5.3).
//!
//! Checksumming touches nearly every byte of a page, and a plain table lookup per byte is a
//! chain of dependent loads. Here an 8-byte word is looked up as four independent 16-bit
//! pieces (64 KiB tables, 256 KiB in all) and the results XORed: against eight 8-bit lookups
//! ("slicing by 8") that is half the loads and shifts, and a page decoded 14% faster; the
//! tables stay in L2 and the lookups of a word do not depend on each other. Two properties of
//! this CRC (no initial value, no final XOR) make the rest cheap:
//!
//! - it is linear: the tables satisfy `T[a ^ b] = T[a] ^ T[b]`, so the running checksum can be
//!   folded in with ONE lookup next to the lookups of the data, which do not depend on it.
//!   The dependent chain is one load per 8 bytes instead of one per byte.
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

/// `TABLES[k][x]`: the checksum, from 0, of byte `x` followed by `k` zero bytes. Used to fold
/// the running checksum into a piece of `k + 1` bytes, and for single bytes.
static TABLES: [[u8; 256]; 8] = slicing_tables();

/// `WIDE[k][x]`: the checksum, from 0, of the two bytes of `x` (low byte first) followed by
/// `2 * k` zero bytes.
#[allow(clippy::large_stack_arrays)] // evaluated only at compile time, into the static below
const fn wide_tables() -> [[u8; 1 << 16]; 4] {
    let t = slicing_tables();
    let mut wide = [[0u8; 1 << 16]; 4];
    let mut x = 0;
    while x < 1 << 16 {
        let mut crc = t[0][t[0][x & 0xFF] as usize ^ (x >> 8)];
        let mut k = 0;
        while k < 4 {
            wide[k][x] = crc;
            crc = t[1][crc as usize]; // two zero bytes more
            k += 1;
        }
        x += 1;
    }
    wide
}

static WIDE: [[u8; 1 << 16]; 4] = wide_tables();

/// The checksum, from 0, of the 8 bytes of `word` in memory order (`word` was read
/// little-endian, so its lowest 16 bits are the first two bytes).
#[inline]
#[allow(clippy::cast_possible_truncation)] // keeping the low 16 bits is the point
fn step(word: u64) -> u8 {
    let w = &WIDE;
    let piece = |shift: u32| usize::from((word >> shift) as u16);
    w[3][piece(0)] ^ w[2][piece(16)] ^ w[1][piece(32)] ^ w[0][piece(48)]
}

/// `AFTER_BYTE_AND_WORD[x]`: the checksum, from 0, of byte `x` followed by 8 zero bytes.
static AFTER_BYTE_AND_WORD: [u8; 256] = {
    let t = slicing_tables();
    let mut table = [0u8; 256];
    let mut x = 0;
    while x < 256 {
        table[x] = t[7][t[0][x] as usize];
        x += 1;
    }
    table
};

/// Continues a checksum `crc` over one byte and then 8 bytes (a value's type byte and an
/// integer or double): one lookup on the dependent chain instead of two.
#[inline]
pub fn update_byte_and_word(crc: u8, byte: u8, bytes: [u8; 8]) -> u8 {
    step(u64::from_le_bytes(bytes)) ^ AFTER_BYTE_AND_WORD[usize::from(crc ^ byte)]
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
    /// The checksum `crc` continued over `bytes`.
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
    update_tail_and_or_words(crc, buf, start).0
}

/// [`update_tail_of`], also telling whether every byte of `buf[start..]` is below 0x80
/// (ASCII): the words are in registers anyway, so the check costs one OR per word.
#[allow(clippy::inline_always)] // as `update_tail_of`
#[inline(always)]
pub fn update_tail_of_noting_ascii(crc: u8, buf: &[u8], start: usize) -> (u8, bool) {
    let (crc, words) = update_tail_and_or_words(crc, buf, start);
    (crc, words & 0x8080_8080_8080_8080 == 0)
}

/// The checksum, and the OR of the piece's words (each byte 0 where the piece has none).
#[allow(clippy::inline_always)] // as `update_tail_of`
#[inline(always)]
fn update_tail_and_or_words(crc: u8, buf: &[u8], start: usize) -> (u8, u64) {
    let Some(bytes) = buf.get(start..) else {
        return (crc, 0);
    };
    let head = bytes.len() % 8;
    let mut crc = crc;
    let mut words = 0;
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
        words = word;
        // The running checksum meets the piece's first byte, at table `head - 1`.
        crc = step(word) ^ TABLES[head - 1][usize::from(crc)];
    }
    for block in bytes[head..].chunks_exact(8) {
        let word = u64::from_le_bytes(block.try_into().unwrap_or_default());
        words |= word;
        crc = step(word) ^ TABLES[7][usize::from(crc)];
    }
    (crc, words)
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
    fn wide_table_entries_equal_bitwise_checksums() {
        for x in [0u16, 1, 0x80, 0x0100, 0x1234, 0xABCD, 0xFFFF] {
            for (k, table) in WIDE.iter().enumerate() {
                let mut bytes = x.to_le_bytes().to_vec();
                bytes.resize(2 + 2 * k, 0);
                assert_eq!(table[usize::from(x)], bitwise(0, &bytes), "x={x:#x} k={k}");
            }
        }
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
        fn a_tail_is_ascii_exactly_when_its_bytes_are(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..100),
            start in 0usize..100,
            high in proptest::prelude::any::<proptest::sample::Index>(),
            spoil in proptest::prelude::any::<bool>(),
        ) {
            // Random bytes are rarely all ASCII: clear the high bits, then maybe set one.
            let mut bytes: Vec<u8> = bytes.iter().map(|b| b & 0x7F).collect();
            let start = start.min(bytes.len());
            if spoil && !bytes.is_empty() {
                let at = high.index(bytes.len());
                bytes[at] |= 0x80;
            }
            proptest::prop_assert_eq!(
                update_tail_of_noting_ascii(0x5A, &bytes, start),
                (bitwise(0x5A, &bytes[start..]), bytes[start..].is_ascii())
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
        fn checksum_of_a_byte_and_a_word_equals_bitwise_checksum(
            crc in proptest::prelude::any::<u8>(),
            byte in proptest::prelude::any::<u8>(),
            word in proptest::prelude::any::<[u8; 8]>(),
        ) {
            let mut bytes = vec![byte];
            bytes.extend_from_slice(&word);
            proptest::prop_assert_eq!(update_byte_and_word(crc, byte, word), bitwise(crc, &bytes));
        }

    }
}
