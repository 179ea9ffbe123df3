//! Building responses with every header the SDKs check (spec 1.5): body MD5, request ID, a date
//! with a fractional second, the content type and the `authorization` response signature; and
//! carrying out the body-level faults (truncation, corruption).

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use base64::Engine as _;
use bytes::Bytes;
use md5::{Digest as _, Md5};
use prost::Message as _;
use signing::tablestore::sign_response;
use signing::HeaderList;

use super::error::OtsError;
use super::verify::ResponseSigner;
use crate::faults::Fault;
use crate::state::SandboxState;
use crate::transport;

/// Everything needed to answer one call.
#[derive(Debug)]
pub struct Answer<'a> {
    pub operation: &'a str,
    pub signer: Option<&'a ResponseSigner>,
    pub fault: Fault,
}

impl Answer<'_> {
    pub fn ok(&self, state: &SandboxState, body: &Bytes) -> Response {
        self.build(state, StatusCode::OK, body)
    }

    pub fn error(&self, state: &SandboxState, error: &OtsError) -> Response {
        self.build(
            state,
            error.status,
            &error.to_proto().encode_to_vec().into(),
        )
    }

    fn build(&self, state: &SandboxState, status: StatusCode, body: &Bytes) -> Response {
        let md5 = base64::engine::general_purpose::STANDARD.encode(Md5::digest(body));
        let date = state.now().format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string();
        let request_id = state.request_ids.tablestore();
        let x_ots = [
            ("x-ots-contentmd5", md5),
            ("x-ots-contenttype", "protocol buffer".to_owned()),
            ("x-ots-date", date),
            ("x-ots-requestid", request_id),
        ];
        let authorization = self.signer.map(|signer| {
            let mut list = HeaderList::new();
            for (name, value) in &x_ots {
                list.push(*name, value.as_str());
            }
            sign_response(
                &format!("/{}", self.operation),
                &list,
                &signer.access_key_id,
                &signer.key,
            )
        });

        let sent = if self.fault == Fault::Corrupt {
            corrupted(body)
        } else {
            body.clone()
        };
        let mut response = Response::new(Body::from(sent));
        *response.status_mut() = status;
        let headers = response.headers_mut();
        for (name, value) in x_ots {
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.insert(name, value);
            }
        }
        if let Some(value) = authorization.and_then(|a| HeaderValue::from_str(&a).ok()) {
            headers.insert("authorization", value);
        }
        if self.fault == Fault::Truncate {
            // Half of nothing is a complete answer; closing unanswered is the nearest break.
            if body.is_empty() {
                return transport::drop_connection(response);
            }
            return transport::truncate(response, body);
        }
        response
    }
}

/// The body as if damaged in transit: one bit flipped, so the declared MD5 no longer matches.
/// An empty body gains a byte instead.
fn corrupted(body: &Bytes) -> Bytes {
    let mut damaged = body.to_vec();
    match damaged.last_mut() {
        Some(last) => *last ^= 0x01,
        None => damaged.push(0),
    }
    Bytes::from(damaged)
}
