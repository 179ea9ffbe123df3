//! One error type for every client, classified by what the user can do about it.

use std::fmt;

/// Which service answered (or failed to).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Tablestore,
    Oss,
    Sts,
    ResourceManager,
    TablestoreControl,
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Service::Tablestore => "Tablestore",
            Service::Oss => "OSS",
            Service::Sts => "STS",
            Service::ResourceManager => "Resource Management",
            Service::TablestoreControl => "the Tablestore console API",
        })
    }
}

/// What kind of failure this is, independent of the service's own code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The key is unknown, disabled, or the signature did not match (wrong secret).
    AuthFailed,
    /// The computer's clock is too far from the service's.
    ClockSkew,
    /// The STS security token has expired.
    CredentialsExpired,
    /// The key lacks a RAM permission.
    PermissionDenied,
    NotFound,
    AlreadyExists,
    InvalidArgument,
    ConditionFailed,
    /// The service asked us to slow down.
    Throttled,
    /// The service failed or is unavailable.
    ServerError,
    /// The service could not be reached or the connection broke before an answer.
    Network,
    Timeout,
    Tls,
    /// The answer was cut off, failed its checksum or signature, or did not parse.
    ResponseCorrupt,
    /// Something the service said that fits no other kind.
    Other,
}

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("{service} refused the request ({code}): {message}")]
    Service {
        service: Service,
        kind: ErrorKind,
        status: u16,
        code: String,
        message: String,
        request_id: Option<String>,
    },
    #[error("could not reach {service} at {endpoint}: {detail}")]
    Network {
        service: Service,
        endpoint: String,
        detail: String,
    },
    #[error("{service} at {endpoint} did not answer in time")]
    Timeout { service: Service, endpoint: String },
    #[error("the secure connection to {service} at {endpoint} failed: {detail}")]
    Tls {
        service: Service,
        endpoint: String,
        detail: String,
    },
    #[error("{service} at {endpoint} answered with a redirect (HTTP {status}) to {location}; signed requests are never sent on to another address")]
    Redirected {
        service: Service,
        endpoint: String,
        status: u16,
        location: String,
    },
    #[error("the answer from {service} was damaged: {detail}")]
    ResponseCorrupt {
        service: Service,
        detail: String,
        request_id: Option<String>,
    },
    #[error("the request could not be built: {0}")]
    InvalidRequest(String),
    #[error("cancelled")]
    Cancelled,
}

impl ClientError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            ClientError::Service { kind, .. } => *kind,
            ClientError::Network { .. } | ClientError::Redirected { .. } => ErrorKind::Network,
            ClientError::Timeout { .. } => ErrorKind::Timeout,
            ClientError::Tls { .. } => ErrorKind::Tls,
            ClientError::ResponseCorrupt { .. } => ErrorKind::ResponseCorrupt,
            ClientError::InvalidRequest(_) => ErrorKind::InvalidArgument,
            ClientError::Cancelled => ErrorKind::Other,
        }
    }

    /// The service's own error code, for support tickets.
    pub fn service_code(&self) -> Option<&str> {
        match self {
            ClientError::Service { code, .. } => Some(code),
            _ => None,
        }
    }

    pub fn request_id(&self) -> Option<&str> {
        match self {
            ClientError::Service { request_id, .. }
            | ClientError::ResponseCorrupt { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// What the user can do next.
    pub fn remedy(&self) -> &'static str {
        match self.kind() {
            ErrorKind::AuthFailed => {
                "Check the AccessKey ID and secret of this profile; the key may be wrong or disabled."
            }
            ErrorKind::ClockSkew => {
                "Your computer's clock is off by more than 15 minutes. Turn on automatic time setting and try again."
            }
            ErrorKind::CredentialsExpired => {
                "The STS security token has expired. Get a new token and update the profile."
            }
            ErrorKind::PermissionDenied => {
                "Ask your administrator to grant this RAM permission to the key's user."
            }
            ErrorKind::NotFound => "Refresh the list; it may have been deleted.",
            ErrorKind::AlreadyExists => "Choose another name.",
            ErrorKind::InvalidArgument | ErrorKind::ConditionFailed | ErrorKind::Other => {
                "Check the values you entered and try again."
            }
            ErrorKind::Throttled | ErrorKind::ServerError => {
                "The service is busy or failing. Wait a moment and try again."
            }
            ErrorKind::Network => {
                "Check your network connection and the endpoint of this profile."
            }
            ErrorKind::Timeout => "The service is slow to answer. Try again in a moment.",
            ErrorKind::Tls => {
                "The endpoint's certificate could not be verified. Check the endpoint address."
            }
            ErrorKind::ResponseCorrupt => {
                "The answer was damaged on the way. Try again; if it persists, check any proxy in between."
            }
        }
    }
}
