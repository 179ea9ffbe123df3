//! The HTTP side shared by every client: one reqwest client per endpoint, built from settings,
//! and the mapping of transport failures to [`ClientError`].

use std::time::Duration;

use crate::{ClientError, Service};

/// Connection settings of one client.
#[derive(Debug, Clone)]
pub struct HttpSettings {
    pub connect_timeout: Duration,
    /// Longest wait for the next bytes of an answer.
    pub read_timeout: Duration,
    pub user_agent: String,
}

impl HttpSettings {
    /// The defaults, naming the app and its version in the user agent.
    pub fn for_app(app_name: &str, version: &str) -> Self {
        Self {
            connect_timeout: Duration::from_secs(5),
            read_timeout: Duration::from_secs(30),
            user_agent: format!("{app_name}/{version}"),
        }
    }
}

/// Builds a client that verifies TLS certificates against the platform's roots.
pub fn build_client(settings: &HttpSettings) -> Result<reqwest::Client, ClientError> {
    reqwest::Client::builder()
        .connect_timeout(settings.connect_timeout)
        .read_timeout(settings.read_timeout)
        .user_agent(settings.user_agent.clone())
        .build()
        .map_err(|e| ClientError::InvalidRequest(format!("HTTP client: {e}")))
}

/// Classifies a reqwest failure. `after_headers` is true when the status line had arrived,
/// so a broken body is a damaged answer rather than an unreachable service.
pub fn transport_error(
    service: Service,
    endpoint: &str,
    error: &reqwest::Error,
    after_headers: bool,
) -> ClientError {
    let endpoint = endpoint.to_owned();
    if error.is_timeout() {
        return ClientError::Timeout { service, endpoint };
    }
    let detail = describe(error);
    if after_headers || error.is_body() || error.is_decode() {
        return ClientError::ResponseCorrupt {
            service,
            detail: format!("the answer was cut off or unreadable ({detail})"),
            request_id: None,
        };
    }
    let lower = detail.to_ascii_lowercase();
    if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake") {
        return ClientError::Tls {
            service,
            endpoint,
            detail,
        };
    }
    ClientError::Network {
        service,
        endpoint,
        detail,
    }
}

/// The innermost cause reads best ("connection refused"), reqwest's outer text is generic.
fn describe(error: &reqwest::Error) -> String {
    let mut source: &dyn std::error::Error = error;
    while let Some(next) = source.source() {
        source = next;
    }
    source.to_string()
}
