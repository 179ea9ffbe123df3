//! Key material as types: the compiler keeps secrets out of logs and IPC.
//!
//! `Secret` and `SecurityToken` zeroise their bytes on drop, print as `Secret(***)` /
//! `SecurityToken(***)` and deliberately implement no `Serialize`, so sending one over IPC or
//! into a structured log does not compile. Reading the text needs an explicit `expose_secret()`.

use std::fmt;

use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use crate::SignError;

/// An `AccessKey` secret, or key material derived from one.
#[derive(Clone)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    /// Takes ownership of the text so no unzeroised copy is left behind.
    pub fn new(value: String) -> Self {
        Self(Zeroizing::new(value))
    }

    /// The secret text, for the few places that must feed it to an HMAC.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self::new(value.to_owned())
    }
}

impl PartialEq for Secret {
    /// Constant-time, so comparing secrets does not leak a prefix length through timing.
    fn eq(&self, other: &Self) -> bool {
        self.0.as_bytes().ct_eq(other.0.as_bytes()).into()
    }
}

impl Eq for Secret {}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// An STS security token. It authorises requests on its own, so it is treated like a secret.
#[derive(Clone, PartialEq, Eq)]
pub struct SecurityToken(Secret);

impl SecurityToken {
    /// Wraps a token as received from STS.
    pub fn new(value: String) -> Self {
        Self(Secret::new(value))
    }

    /// The token text, to be put into a request header or parameter.
    pub fn expose_secret(&self) -> &str {
        self.0.expose_secret()
    }
}

impl From<&str> for SecurityToken {
    fn from(value: &str) -> Self {
        Self::new(value.to_owned())
    }
}

impl fmt::Debug for SecurityToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecurityToken(***)")
    }
}

impl fmt::Display for SecurityToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecurityToken(***)")
    }
}

/// An `AccessKey` id (`LTAI…`, or `STS.…` for temporary credentials). Not secret.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AccessKeyId(String);

impl AccessKeyId {
    /// Longest id accepted; real ids are 16–30 characters, STS ids a little longer.
    const MAX_LEN: usize = 128;

    /// Accepts ASCII letters, digits, `.`, `-` and `_`.
    ///
    /// Those are the characters real ids use, and excluding `:`, `/`, `,` and spaces keeps the
    /// `OSS ak:sig`, `Credential=ak/scope` and `OTS ak:sig` forms unambiguous when parsed back.
    pub fn parse(value: &str) -> Result<Self, SignError> {
        if value.is_empty() {
            return Err(SignError::InvalidAccessKeyId("it is empty"));
        }
        if value.len() > Self::MAX_LEN {
            return Err(SignError::InvalidAccessKeyId(
                "it is longer than 128 characters",
            ));
        }
        if !value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
        {
            return Err(SignError::InvalidAccessKeyId(
                "only ASCII letters, digits, '.', '-' and '_' are allowed",
            ));
        }
        Ok(Self(value.to_owned()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AccessKeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AccessKeyId({})", self.0)
    }
}

impl fmt::Display for AccessKeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Everything a signer needs: id, secret and, for STS credentials, the token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credentials {
    /// The `AccessKey` id, sent in clear.
    pub access_key_id: AccessKeyId,
    /// The `AccessKey` secret, only ever used as an HMAC key.
    pub access_key_secret: Secret,
    /// Present for temporary (STS) credentials.
    pub security_token: Option<SecurityToken>,
}

impl Credentials {
    /// Long-term `AccessKey` credentials.
    pub fn new(access_key_id: AccessKeyId, access_key_secret: Secret) -> Self {
        Self {
            access_key_id,
            access_key_secret,
            security_token: None,
        }
    }

    /// Adds an STS security token.
    #[must_use]
    pub fn with_security_token(mut self, token: SecurityToken) -> Self {
        self.security_token = Some(token);
        self
    }
}

/// Where a verifier finds the secret for the access key id a request names.
pub trait SecretLookup {
    /// The secret of `access_key_id`, or `None` when the id is unknown.
    fn secret_for(&self, access_key_id: &AccessKeyId) -> Option<Secret>;
}

impl SecretLookup for Credentials {
    fn secret_for(&self, access_key_id: &AccessKeyId) -> Option<Secret> {
        (self.access_key_id == *access_key_id).then(|| self.access_key_secret.clone())
    }
}

impl SecretLookup for [Credentials] {
    fn secret_for(&self, access_key_id: &AccessKeyId) -> Option<Secret> {
        self.iter().find_map(|c| c.secret_for(access_key_id))
    }
}

impl<S: std::hash::BuildHasher> SecretLookup for std::collections::HashMap<AccessKeyId, Secret, S> {
    fn secret_for(&self, access_key_id: &AccessKeyId) -> Option<Secret> {
        self.get(access_key_id).cloned()
    }
}
