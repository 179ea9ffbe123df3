//! The one error type of this crate.
//!
//! Messages never contain a secret: at most an access key id, a header name or a date.

/// Which signature scheme an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Tablestore request signature V2 (`x-ots-signature`).
    TablestoreV2,
    /// Tablestore request signature V4 (`x-ots-signaturev4`).
    TablestoreV4,
    /// Tablestore response signature (`authorization: OTS ak:sig`).
    TablestoreResponse,
    /// OSS signature V1 (`Authorization: OSS ak:sig`).
    OssV1,
    /// OSS signature V4 (`OSS4-HMAC-SHA256`).
    OssV4,
    /// `OpenAPI` signature V3 (`ACS3-HMAC-SHA256`).
    Acs3,
    /// `OpenAPI` RPC signature (HMAC-SHA1 over the query).
    AcsRpc,
}

impl std::fmt::Display for Scheme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::TablestoreV2 => "Tablestore V2",
            Self::TablestoreV4 => "Tablestore V4",
            Self::TablestoreResponse => "Tablestore response",
            Self::OssV1 => "OSS V1",
            Self::OssV4 => "OSS V4",
            Self::Acs3 => "ACS3-HMAC-SHA256",
            Self::AcsRpc => "RPC HMAC-SHA1",
        })
    }
}

/// Everything that can go wrong while signing or verifying.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SignError {
    /// A header the scheme needs is absent.
    #[error("the `{0}` header is missing")]
    MissingHeader(&'static str),

    /// A query (or form) parameter the scheme needs is absent.
    #[error("the `{0}` parameter is missing")]
    MissingParameter(&'static str),

    /// The Authorization header (or its RPC equivalent) cannot be parsed.
    #[error("the {scheme} authorization is malformed: {reason}")]
    MalformedAuthorization {
        /// The scheme the header claimed or was expected to follow.
        scheme: Scheme,
        /// What rule the header broke.
        reason: &'static str,
    },

    /// The request names an algorithm this crate does not implement.
    #[error("the signature algorithm `{0}` is not supported")]
    UnsupportedAlgorithm(String),

    /// A header listed as signed, or required to be signed, is not covered.
    #[error("the `{0}` header is sent but not covered by the signature")]
    UnsignedHeader(String),

    /// The recomputed signature differs from the one received.
    #[error("the {0} signature does not match")]
    SignatureMismatch(Scheme),

    /// The body does not hash to the value the request claims.
    #[error("the body does not match its declared SHA-256 hash")]
    ContentHashMismatch,

    /// No secret is known for the access key id the request names.
    #[error("the access key id `{0}` is not known")]
    UnknownAccessKey(String),

    /// Two parts of a request name different access keys.
    #[error("the request names access key `{claimed}` in one place and `{other}` in another")]
    AccessKeyMismatch {
        /// The id in the authorization.
        claimed: String,
        /// The id elsewhere in the request.
        other: String,
    },

    /// A date field does not follow its format.
    #[error("the `{field}` value `{value}` is not a valid date")]
    MalformedDate {
        /// The header or parameter name.
        field: &'static str,
        /// The value received (dates are not secret).
        value: String,
    },

    /// The request date is too far from the verifier's clock.
    #[error(
        "the request date is {skew_seconds} s away from now; at most {limit_seconds} s is allowed"
    )]
    StaleDate {
        /// Absolute distance between the request date and `now`.
        skew_seconds: i64,
        /// The limit the verifier was given.
        limit_seconds: i64,
    },

    /// The date inside a credential scope differs from the request date.
    #[error("the credential scope date `{scope}` does not match the request date `{request}`")]
    ScopeDateMismatch {
        /// Date in the credential scope (`YYYYMMDD`).
        scope: String,
        /// Date of the request (`YYYYMMDD`).
        request: String,
    },

    /// An access key id that breaks the format rules.
    #[error("the access key id is invalid: {0}")]
    InvalidAccessKeyId(&'static str),

    /// A header value this crate produced cannot be carried by HTTP.
    #[error("the `{0}` header value contains characters HTTP headers cannot carry")]
    InvalidHeaderValue(String),

    /// A received header value is not UTF-8 text.
    #[error("the `{0}` header value is not UTF-8 text")]
    NonUtf8Header(String),

    /// A received query string has a percent escape that is not UTF-8.
    #[error("the query string is not valid percent-encoded UTF-8")]
    MalformedQuery,
}
