//! The key Tablestore signatures are computed with: the secret (V2) or a derived key (V4).

use std::fmt;

use crate::crypto::{base64, hmac_sha256_key};
use crate::Secret;

/// HMAC key text for a Tablestore request and its response.
///
/// For V4 it is the *base64 text* of the derived key: the SDK feeds that ASCII text, not the
/// raw 32 bytes, to the final HMAC. The response signature reuses the request's key.
#[derive(Clone, PartialEq, Eq)]
pub struct TablestoreSigningKey(Secret);

impl TablestoreSigningKey {
    /// V2 signs with the `AccessKey` secret itself.
    pub fn v2(secret: &Secret) -> Self {
        Self(secret.clone())
    }

    /// V4: `HMAC-SHA256` chain over `sign_date` (`YYYYMMDD`), `region`, `ots`,
    /// `aliyun_v4_request`, starting from the key `aliyun_v4` + secret; then base64.
    pub fn v4(secret: &Secret, sign_date: &str, region: &str) -> Self {
        let seed = Secret::new(format!("aliyun_v4{}", secret.expose_secret()));
        let dated = hmac_sha256_key(seed.expose_secret().as_bytes(), sign_date.as_bytes());
        let regional = hmac_sha256_key(dated.as_slice(), region.as_bytes());
        let product = hmac_sha256_key(regional.as_slice(), b"ots");
        let signing = hmac_sha256_key(product.as_slice(), b"aliyun_v4_request");
        Self(Secret::new(base64(signing.as_slice())))
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.expose_secret().as_bytes()
    }
}

impl fmt::Debug for TablestoreSigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TablestoreSigningKey(***)")
    }
}
