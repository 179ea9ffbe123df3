//! The digests OSS reports for an object: the `ETag` (upper-case hex MD5 for simple uploads)
//! and `x-oss-hash-crc64ecma` (CRC-64/XZ, written as an unsigned decimal).

use md5::{Digest, Md5};

const CRC64: crc::Crc<u64> = crc::Crc::<u64>::new(&crc::CRC_64_XZ);

/// The CRC OSS puts in `x-oss-hash-crc64ecma`.
pub fn crc64(data: &[u8]) -> u64 {
    CRC64.checksum(data)
}

/// The raw MD5 of `data`, as `Content-MD5` carries it (base64 of these bytes).
pub fn md5(data: &[u8]) -> [u8; 16] {
    Md5::digest(data).into()
}

/// The `ETag` of a simple upload: the MD5 in upper-case hex, without quotes.
pub fn etag(data: &[u8]) -> String {
    hex::encode_upper(md5(data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc64_matches_the_values_oss2_computes() {
        assert_eq!(crc64(b""), 0);
        assert_eq!(crc64(b"123456789"), 11_051_210_869_376_104_954);
        assert_eq!(crc64(b"hello world"), 5_981_764_153_023_615_706);
    }

    #[test]
    fn etag_is_upper_case_hex_md5() {
        assert_eq!(etag(b"hello"), "5D41402ABC4B2A76B9719D911017C592");
    }
}
