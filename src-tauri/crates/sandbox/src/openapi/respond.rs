//! Turning a handler's result into the gateway's JSON answer, and applying the body faults
//! (truncated, corrupt) to it.

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use serde_json::{json, Value};

use super::error::ApiError;
use crate::faults::Fault;
use crate::transport;

/// How long a throttled client should wait, in milliseconds (Tea's retry policy reads
/// `x-acs-retry-after` as milliseconds and raises `ThrottlingException` when it is present).
const RETRY_AFTER_MS: &str = "1000";

/// A finished answer, before faults touch it.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub status: StatusCode,
    pub body: Bytes,
    pub request_id: String,
    pub retry_after: bool,
}

impl Answer {
    /// 200 with the handler's fields plus `RequestId`.
    pub fn success(mut fields: Value, request_id: String) -> Self {
        if let Some(object) = fields.as_object_mut() {
            object.insert("RequestId".to_owned(), Value::String(request_id.clone()));
        }
        Self {
            status: StatusCode::OK,
            body: Bytes::from(fields.to_string()),
            request_id,
            retry_after: false,
        }
    }

    pub fn failure(error: &ApiError, request_id: String, host: &str, product: &str) -> Self {
        let body = json!({
            "RequestId": request_id,
            "HostId": host,
            "Code": error.code,
            "Message": error.message,
            "Recommend": format!(
                "https://api.aliyun.com/troubleshoot?q={}&product={product}&requestId={request_id}",
                error.code
            ),
        });
        Self {
            status: error.status,
            body: Bytes::from(body.to_string()),
            retry_after: error.code == ApiError::throttled().code,
            request_id,
        }
    }

    /// The HTTP response; `Truncate` cuts the body off mid-way, `Corrupt` sends JSON that does
    /// not parse (the `OpenAPI` has no body checksum, so a broken document is the corruption a
    /// client must survive).
    pub fn into_response(self, fault: Fault) -> Response {
        let body = match fault {
            Fault::Corrupt => corrupt(&self.body),
            _ => self.body.clone(),
        };
        let mut response = Response::new(Body::from(body.clone()));
        *response.status_mut() = self.status;
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json;charset=utf-8"),
        );
        if let Ok(id) = HeaderValue::from_str(&self.request_id) {
            headers.insert("x-acs-request-id", id);
        }
        if self.retry_after {
            headers.insert(
                "x-acs-retry-after",
                HeaderValue::from_static(RETRY_AFTER_MS),
            );
        }
        match fault {
            Fault::Truncate => transport::truncate(response, &body),
            _ => response,
        }
    }
}

/// The document with its closing brace replaced by a dangling member: same length, no parse.
fn corrupt(body: &Bytes) -> Bytes {
    let mut bytes = body.to_vec();
    match bytes.last_mut() {
        Some(last) => *last = b',',
        None => bytes.push(b'{'),
    }
    Bytes::from(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_adds_the_request_id_to_the_fields() {
        let answer = Answer::success(json!({"AccountId": "1"}), "RID".to_owned());
        let parsed: Value = serde_json::from_slice(&answer.body).expect("json");
        assert_eq!(parsed, json!({"AccountId": "1", "RequestId": "RID"}));
    }

    #[test]
    fn failures_carry_code_message_host_and_a_troubleshooting_link() {
        let answer = Answer::failure(&ApiError::nonce_used(), "RID".to_owned(), "h:1", "Sts");
        let parsed: Value = serde_json::from_slice(&answer.body).expect("json");
        assert_eq!(parsed["Code"], "SignatureNonceUsed");
        assert_eq!(parsed["HostId"], "h:1");
        assert_eq!(
            parsed["Recommend"],
            "https://api.aliyun.com/troubleshoot?q=SignatureNonceUsed&product=Sts&requestId=RID"
        );
        assert!(!answer.retry_after);
        assert!(Answer::failure(&ApiError::throttled(), "R".to_owned(), "h", "Sts").retry_after);
    }

    #[test]
    fn a_corrupt_body_keeps_its_length_but_does_not_parse() {
        let body = Bytes::from_static(br#"{"A":1}"#);
        let broken = corrupt(&body);
        assert_eq!(broken.len(), body.len());
        assert!(serde_json::from_slice::<Value>(&broken).is_err());
    }
}
