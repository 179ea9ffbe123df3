//! CRC-8 as PlainBuffer uses it: polynomial 0x07, initial value 0, MSB first, no final XOR
//! (CRC-8/SMBUS), fed byte by byte (spec section 5.3).
//!
//! Checksumming touches nearly every byte of a page, and a plain table lookup per byte is a
//! chain of dependent loads; "slicing by 8" looks up eight bytes independently and XORs the
//! results, which is several times faster. It is valid because an 8-bit CRC's state is a
//! single byte: only the first byte of a block mixes with it.

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

/// Continues a checksum `crc` over `bytes`.
#[inline]
pub fn update(mut crc: u8, bytes: &[u8]) -> u8 {
    let t = &TABLES;
    let mut blocks = bytes.chunks_exact(8);
    for b in &mut blocks {
        crc = t[7][usize::from(crc ^ b[0])]
            ^ t[6][usize::from(b[1])]
            ^ t[5][usize::from(b[2])]
            ^ t[4][usize::from(b[3])]
            ^ t[3][usize::from(b[4])]
            ^ t[2][usize::from(b[5])]
            ^ t[1][usize::from(b[6])]
            ^ t[0][usize::from(b[7])];
    }
    for &byte in blocks.remainder() {
        crc = t[0][usize::from(crc ^ byte)];
    }
    crc
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
    }
}
