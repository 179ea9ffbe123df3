//! One Tablestore call: sign, send, check the answer's integrity (MD5, signature, date),
//! decode it, and retry what may be retried.

use base64::Engine as _;
use md5::{Digest, Md5};
use prost::Message;
use signing::tablestore::TablestoreSigningKey;
use signing::tablestore::{request_headers, sign_request, verify_response, TablestoreVersion};
use signing::{CanonicalRequest, Freshness, HeaderList};
use tablestore_wire::proto;

use super::error_codes::classify;
use super::TablestoreClient;
use crate::http::transport_error;
use crate::retry::{Failure, Idempotency};
use crate::retry_hint::retry_hint;
use crate::{ClientError, ErrorKind, Service};

/// What a successful call returned besides its message.
#[derive(Debug, Clone)]
pub struct CallMeta {
    pub request_id: Option<String>,
    /// Bytes of the response body.
    pub body_len: usize,
}

impl TablestoreClient {
    /// Calls `/{operation}` with `request`, retrying per the client's policy.
    pub(crate) async fn call<Req: Message, Resp: Message + Default>(
        &self,
        operation: &'static str,
        idempotency: Idempotency,
        request: &Req,
    ) -> Result<(Resp, CallMeta), ClientError> {
        let body = request.encode_to_vec();
        let (bytes, meta) = self
            .retry
            .run(idempotency, || self.call_once(operation, &body))
            .await?;
        // Decoding from `Bytes` lets the message's byte fields (a GetRange page's rows) share
        // the body instead of copying it.
        let message = Resp::decode(bytes).map_err(|e| ClientError::ResponseCorrupt {
            service: Service::Tablestore,
            detail: format!("{operation} answer did not decode: {e}"),
            request_id: meta.request_id.clone(),
        })?;
        Ok((message, meta))
    }

    async fn call_once(
        &self,
        operation: &'static str,
        body: &[u8],
    ) -> Result<(bytes::Bytes, CallMeta), Failure> {
        let now = self.clock.now();
        let md5 = base64::engine::general_purpose::STANDARD.encode(Md5::digest(body));
        let path = format!("/{operation}");
        let base = request_headers(&self.config.credentials, &self.config.instance, now, &md5);
        let canonical = CanonicalRequest::new("POST", path.as_str()).with_added_headers(&base);
        let version = match &self.config.region {
            Some(region) => TablestoreVersion::V4 {
                region,
                sign_date: now.date_naive(),
            },
            None => TablestoreVersion::V2,
        };
        let signature = sign_request(&canonical, &self.config.credentials, version);
        let key = match version {
            TablestoreVersion::V2 => {
                TablestoreSigningKey::v2(&self.config.credentials.access_key_secret)
            }
            TablestoreVersion::V4 { region, sign_date } => TablestoreSigningKey::v4(
                &self.config.credentials.access_key_secret,
                &sign_date.format("%Y%m%d").to_string(),
                region,
            ),
        };
        let mut headers = base.to_header_map().map_err(|e| invalid(&e))?;
        signature.apply_to(&mut headers).map_err(|e| invalid(&e))?;

        let url = format!("{}{path}", self.config.endpoint.trim_end_matches('/'));
        let endpoint = &self.config.endpoint;
        let response = self
            .http
            .post(&url)
            .headers(headers)
            .body(body.to_vec())
            .send()
            .await
            .map_err(|e| transport_error(Service::Tablestore, endpoint, &e, false))?;
        crate::http::refuse_redirect(Service::Tablestore, endpoint, &response)?;
        let status = response.status().as_u16();
        let response_headers = response.headers().clone();
        let request_id = response_headers
            .get("x-ots-requestid")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let corrupt = |detail: String| ClientError::ResponseCorrupt {
            service: Service::Tablestore,
            detail,
            request_id: request_id.clone(),
        };
        let sent_md5 = response_headers.get("x-ots-contentmd5");
        let answer = read_body(response, sent_md5.is_some())
            .await
            .map_err(|e| transport_error(Service::Tablestore, endpoint, &e, true))?;

        // Integrity first: a damaged body must never be read as a service's answer.
        if let (Some(sent), Some(digest)) = (sent_md5, answer.md5) {
            let actual = base64::engine::general_purpose::STANDARD.encode(digest);
            if sent.as_bytes() != actual.as_bytes() {
                return Err(corrupt(format!(
                    "{operation} answer failed its MD5 check ({} bytes)",
                    answer.bytes.len()
                ))
                .into());
            }
        }
        let bytes = answer.bytes;

        if (200..300).contains(&status) {
            self.check_response_signature(&path, &response_headers, &key)
                .map_err(|e| corrupt(format!("{operation} answer's signature: {e}")))?;
            let meta = CallMeta {
                request_id,
                body_len: bytes.len(),
            };
            return Ok((bytes, meta));
        }

        let error = proto::Error::decode(bytes.as_ref())
            .map_err(|e| corrupt(format!("HTTP {status} with an unreadable error body: {e}")))?;
        let message = error.message.unwrap_or_default();
        let error = ClientError::Service {
            service: Service::Tablestore,
            kind: match classify(&error.code, &message) {
                // A bare 5xx the service did not classify is still a server failure.
                ErrorKind::Other if status >= 500 => ErrorKind::ServerError,
                kind => kind,
            },
            status,
            code: error.code,
            message,
            request_id,
        };
        Err(Failure {
            error,
            retry_after: retry_hint(&response_headers, self.clock.now()),
        })
    }

    fn check_response_signature(
        &self,
        path: &str,
        headers: &reqwest::header::HeaderMap,
        key: &TablestoreSigningKey,
    ) -> Result<(), signing::SignError> {
        let list = HeaderList::from_header_map(headers)?;
        let freshness = Freshness::new(self.clock.now(), Freshness::FIFTEEN_MINUTES);
        verify_response(
            path,
            &list,
            &self.config.credentials.access_key_id,
            key,
            &freshness,
        )
    }
}

/// The most of a body's announced length reserved up front: a page is at most a few MB, and a
/// wrong `Content-Length` must not make us reserve gigabytes.
const MOST_RESERVED: u64 = 16 * 1024 * 1024;

/// A whole response body and, when asked for, its MD5.
struct Body {
    bytes: bytes::Bytes,
    md5: Option<md5::digest::Output<Md5>>,
}

/// Reads the body chunk by chunk, hashing each chunk as it arrives: the digest is ready with
/// the last byte instead of costing a second pass over a multi-megabyte page, and the buffer
/// is reserved once from `Content-Length` instead of growing (and faulting in) page by page.
async fn read_body(mut response: reqwest::Response, hash: bool) -> Result<Body, reqwest::Error> {
    let announced = response.content_length().unwrap_or(0).min(MOST_RESERVED);
    let mut bytes = Vec::with_capacity(usize::try_from(announced).unwrap_or(0));
    let mut md5 = hash.then(Md5::new);
    while let Some(chunk) = response.chunk().await? {
        if let Some(md5) = &mut md5 {
            md5.update(&chunk);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(Body {
        bytes: bytes::Bytes::from(bytes),
        md5: md5.map(Md5::finalize),
    })
}

fn invalid(error: &signing::SignError) -> ClientError {
    ClientError::InvalidRequest(error.to_string())
}
