//! One OpenAPI call signed with ACS3-HMAC-SHA256, RPC style (`POST /` with query parameters)
//! or ROA style (`GET <path>`), with JSON answers and retries.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use rand::rngs::SmallRng;
use rand::{RngCore, SeedableRng};
use signing::CanonicalRequest;

use super::{classify, AccountClient};
use crate::http::transport_error;
use crate::retry::{Failure, Idempotency};
use crate::retry_hint::{parse_acs_retry_after, retry_hint, ACS_RETRY_AFTER};
use crate::{ClientError, ErrorKind, Service};

const QUERY_ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

impl AccountClient {
    /// An RPC-style call (`POST /`, parameters in the query).
    pub(crate) async fn rpc(
        &self,
        service: Service,
        endpoint: &str,
        action: &str,
        version: &str,
        params: &[(&str, &str)],
        idempotency: Idempotency,
    ) -> Result<serde_json::Value, ClientError> {
        self.call(
            service,
            endpoint,
            "POST",
            "/",
            action,
            version,
            params,
            idempotency,
        )
        .await
    }

    /// A ROA-style call (`GET <path>`), as the Tablestore control plane uses.
    pub(crate) async fn roa_get(
        &self,
        service: Service,
        endpoint: &str,
        path: &str,
        action: &str,
        version: &str,
        params: &[(&str, &str)],
    ) -> Result<serde_json::Value, ClientError> {
        self.call(
            service,
            endpoint,
            "GET",
            path,
            action,
            version,
            params,
            Idempotency::Idempotent,
        )
        .await
    }

    #[allow(clippy::too_many_arguments)] // one private funnel for both call styles
    async fn call(
        &self,
        service: Service,
        endpoint: &str,
        method: &str,
        path: &str,
        action: &str,
        version: &str,
        params: &[(&str, &str)],
        idempotency: Idempotency,
    ) -> Result<serde_json::Value, ClientError> {
        self.retry
            .run(idempotency, || {
                self.call_once(service, endpoint, method, path, action, version, params)
            })
            .await
    }

    #[allow(clippy::too_many_arguments)]
    async fn call_once(
        &self,
        service: Service,
        endpoint: &str,
        method: &str,
        path: &str,
        action: &str,
        version: &str,
        params: &[(&str, &str)],
    ) -> Result<serde_json::Value, Failure> {
        let endpoint = endpoint.trim_end_matches('/');
        let host = endpoint.split_once("://").map_or(endpoint, |(_, h)| h);
        let mut canonical = CanonicalRequest::new(method, path)
            .with_header("host", host)
            .with_header("x-acs-action", action)
            .with_header("x-acs-version", version)
            .with_header("accept", "application/json");
        for (name, value) in params {
            canonical = canonical.with_query(*name, *value);
        }
        let mut nonce = [0u8; 16];
        // A fresh nonce per request: the service refuses a reused one.
        SmallRng::from_os_rng().fill_bytes(&mut nonce);
        let nonce = hex::encode(nonce);
        let signed =
            signing::acs::sign_v3(&canonical, b"", &self.credentials, self.clock.now(), &nonce);
        let mut headers = signed
            .to_header_map()
            .map_err(|e| ClientError::InvalidRequest(e.to_string()))?;
        for (name, value) in [
            ("x-acs-action", action),
            ("x-acs-version", version),
            ("accept", "application/json"),
        ] {
            headers.insert(
                name,
                reqwest::header::HeaderValue::from_str(value)
                    .map_err(|e| ClientError::InvalidRequest(e.to_string()))?,
            );
        }
        let query: Vec<String> = params
            .iter()
            .map(|(n, v)| {
                format!(
                    "{}={}",
                    utf8_percent_encode(n, QUERY_ENCODE),
                    utf8_percent_encode(v, QUERY_ENCODE)
                )
            })
            .collect();
        let mut url = format!("{endpoint}{path}");
        if !query.is_empty() {
            url.push('?');
            url.push_str(&query.join("&"));
        }
        let method = reqwest::Method::from_bytes(method.as_bytes())
            .map_err(|e| ClientError::InvalidRequest(e.to_string()))?;
        let response = self
            .http
            .request(method, &url)
            .headers(headers)
            .send()
            .await
            .map_err(|e| transport_error(service, endpoint, &e, false))?;
        crate::http::refuse_redirect(service, endpoint, &response)?;
        let status = response.status().as_u16();
        let retry_after = retry_hint(response.headers(), self.clock.now());
        let gateway_hint = response
            .headers()
            .get(ACS_RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(parse_acs_retry_after)
            .is_some();
        let body = response
            .bytes()
            .await
            .map_err(|e| transport_error(service, endpoint, &e, true))?;
        let json: serde_json::Value =
            serde_json::from_slice(&body).map_err(|e| ClientError::ResponseCorrupt {
                service,
                detail: format!("HTTP {status} with an answer that is not JSON: {e}"),
                request_id: None,
            })?;
        let field = |name: &str| {
            json.get(name)
                .or_else(|| json.get(name.to_ascii_lowercase()))
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        if status < 300 {
            return Ok(json);
        }
        let code = field("Code").unwrap_or_else(|| format!("HTTP{status}"));
        let error = ClientError::Service {
            service,
            kind: answer_kind(&code, status, gateway_hint),
            status,
            message: field("Message").unwrap_or_default(),
            request_id: field("RequestId"),
            code,
        };
        Err(Failure { error, retry_after })
    }
}

/// The kind of a failed answer. Like the Tea OpenAPI clients, which raise a
/// `ThrottlingException` for a throttling code, for HTTP 429 or when the gateway sent
/// `x-acs-retry-after`, an answer the gateway asked us to repeat later is throttling even when
/// its code is a generic one; a specific code (auth, permission…) keeps its own kind.
fn answer_kind(code: &str, status: u16, gateway_hint: bool) -> ErrorKind {
    match classify(code) {
        ErrorKind::Other | ErrorKind::ServerError if gateway_hint || status == 429 => {
            ErrorKind::Throttled
        }
        ErrorKind::Other if status >= 500 => ErrorKind::ServerError,
        kind => kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gateway_retry_hint_or_429_makes_a_generic_failure_throttling() {
        assert_eq!(
            answer_kind("InternalError", 500, true),
            ErrorKind::Throttled
        );
        assert_eq!(answer_kind("SomethingNew", 400, true), ErrorKind::Throttled);
        assert_eq!(
            answer_kind("SomethingNew", 429, false),
            ErrorKind::Throttled
        );
        assert_eq!(
            answer_kind("Throttling.User", 400, false),
            ErrorKind::Throttled
        );
    }

    #[test]
    fn without_a_hint_the_code_and_status_decide() {
        assert_eq!(
            answer_kind("InternalError", 500, false),
            ErrorKind::ServerError
        );
        assert_eq!(
            answer_kind("SomethingNew", 503, false),
            ErrorKind::ServerError
        );
        assert_eq!(answer_kind("SomethingNew", 400, false), ErrorKind::Other);
        assert_eq!(
            answer_kind("SignatureDoesNotMatch", 400, true),
            ErrorKind::AuthFailed,
            "a specific code keeps its kind"
        );
    }
}
