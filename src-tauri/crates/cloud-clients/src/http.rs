//! The HTTP side shared by every client: one reqwest client per endpoint, built from settings,
//! and the mapping of transport failures to [`ClientError`].

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use crate::{ClientError, Service};

/// Connection settings of one client.
#[derive(Debug, Clone)]
pub struct HttpSettings {
    pub connect_timeout: Duration,
    /// Longest wait for the next bytes of an answer.
    pub read_timeout: Duration,
    pub user_agent: String,
    /// The reqwest client made from these settings, shared by every client built from them
    /// (and their clones).
    pub shared: SharedHttpClient,
}

impl HttpSettings {
    /// The defaults, naming the app and its version in the user agent.
    pub fn for_app(app_name: &str, version: &str) -> Self {
        Self {
            connect_timeout: Duration::from_secs(5),
            read_timeout: Duration::from_secs(30),
            user_agent: format!("{app_name}/{version}"),
            shared: SharedHttpClient::default(),
        }
    }

    fn key(&self) -> SettingsKey {
        (
            self.connect_timeout,
            self.read_timeout,
            self.user_agent.clone(),
        )
    }
}

/// One reqwest client kept for the settings it was built from. Building one per call cost
/// 2-18 ms here (the platform verifier reads the system's root certificates) and, worse, gave
/// every command a fresh connection pool: a new TCP and TLS handshake to the service each
/// time. A reqwest client is a handle to its pool, so every clone shares connections.
#[derive(Debug, Clone, Default)]
pub struct SharedHttpClient(Arc<OnceLock<(SettingsKey, reqwest::Client)>>);

/// What a reqwest client is built from: connect timeout, read timeout, user agent.
type SettingsKey = (Duration, Duration, String);

/// A client that verifies TLS certificates against the platform's roots: the one already
/// built for these settings, or a new one (kept for next time if none was).
pub fn build_client(settings: &HttpSettings) -> Result<reqwest::Client, ClientError> {
    let key = settings.key();
    if let Some((built_for, client)) = settings.shared.0.get() {
        // Settings changed after a clone (e.g. a shorter timeout): those get their own client.
        if *built_for == key {
            return Ok(client.clone());
        }
    }
    let client = reqwest::Client::builder()
        // Never follow a redirect: reqwest would resend our signed headers (the STS token
        // among them: custom headers, which it does not strip) to wherever the answer points,
        // plain http included. The services do not redirect signed calls; `refuse_redirect`
        // reports one.
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(settings.connect_timeout)
        .read_timeout(settings.read_timeout)
        .user_agent(settings.user_agent.clone())
        .build()
        .map_err(|e| ClientError::InvalidRequest(format!("HTTP client: {e}")))?;
    let _ = settings.shared.0.set((key, client.clone()));
    Ok(client)
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

/// An answer that redirects elsewhere, as an error naming where it pointed (never followed:
/// see [`build_client`]).
pub fn refuse_redirect(
    service: Service,
    endpoint: &str,
    response: &reqwest::Response,
) -> Result<(), ClientError> {
    let status = response.status();
    if !status.is_redirection() {
        return Ok(());
    }
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("nowhere stated")
        .chars()
        .take(200)
        .collect();
    Err(ClientError::Redirected {
        service,
        endpoint: endpoint.to_owned(),
        status: status.as_u16(),
        location,
    })
}
