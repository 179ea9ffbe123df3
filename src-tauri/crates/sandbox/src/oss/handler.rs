//! One request from arrival to answer: address and operation, fault switches, signature and
//! policy, the operation itself, then the headers every OSS answer carries.

use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::Response;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use bytes::Bytes;
use signing::oss::OssResource;

use super::address::{self, Target};
use super::answer::Answer;
use super::auth::{authenticate, authorize};
use super::error::OssError;
use super::operation::Operation;
use super::query::Query;
use super::xml::http_date;
use super::{bucket_ops, object_ops, service_ops};
use crate::faults::Fault;
use crate::state::SandboxState;
use crate::transport;

/// Largest body accepted; OSS allows 5 GiB per PutObject, a sandbox needs far less.
const MAX_BODY_BYTES: usize = 1 << 30;

pub async fn handle(State(state): State<Arc<SandboxState>>, request: Request) -> Response {
    let started = Instant::now();
    let request_id = state.request_ids.oss();
    let (parts, body) = request.into_parts();
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1")
        .to_owned();
    let is_head = parts.method == Method::HEAD;

    let routed = address::resolve(Some(&host), parts.uri.path()).and_then(|target| {
        let query = Query::parse(parts.uri.query())?;
        let operation = Operation::select(&target, &parts.method, &query)?;
        Ok((target, query, operation))
    });
    let (target, query, operation) = match routed {
        Ok(routed) => routed,
        Err(error) => {
            return finish(
                &state,
                error_answer(&error, &request_id, &host, is_head),
                &request_id,
                started,
            )
        }
    };

    let (latency, fault) = state.faults.decide(operation.name());
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let outcome = match fault {
        Fault::Drop => return transport::drop_connection(Response::default()),
        Fault::Busy => Err(busy(operation)),
        Fault::None | Fault::Truncate | Fault::Corrupt => {
            match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
                Ok(body) => run(&state, &parts, &target, &query, operation, body),
                Err(_) => Err(OssError::new(
                    StatusCode::BAD_REQUEST,
                    "IncompleteBody",
                    "The request body could not be read in full.",
                )),
            }
        }
    };
    let mut answer = match outcome {
        Ok(answer) => answer,
        Err(error) => error_answer(&error, &request_id, &host, is_head),
    };
    if fault == Fault::Corrupt {
        corrupt_checksum(&mut answer);
    }
    let full_body = answer.body.clone();
    let response = finish(&state, answer, &request_id, started);
    if fault == Fault::Truncate {
        // An answer with no body cannot be cut short; closing the connection is the nearest.
        return if full_body.is_empty() {
            transport::drop_connection(response)
        } else {
            cut_off(response, &full_body)
        };
    }
    response
}

/// Checks who is calling, then performs `operation`.
fn run(
    state: &SandboxState,
    parts: &Parts,
    target: &Target,
    query: &Query,
    operation: Operation,
    body: Bytes,
) -> Result<Answer, OssError> {
    let store = &state.oss;
    let bucket = target.bucket().map(|name| (name, store.bucket(name)));
    let (resource, expected_region) = match target {
        Target::Service => (OssResource::service(), Some(state.region.clone())),
        Target::Bucket { bucket: name } => (
            OssResource::bucket(name),
            bucket
                .as_ref()
                .and_then(|(_, info)| info.as_ref().map(|b| b.region.clone())),
        ),
        Target::Object { bucket: name, key } => (
            OssResource::object(name, key),
            bucket
                .as_ref()
                .and_then(|(_, info)| info.as_ref().map(|b| b.region.clone())),
        ),
    };
    let caller = authenticate(state, parts, &resource, expected_region.as_deref())?;
    authorize(&caller, operation.action())?;

    let info = match &bucket {
        None => None,
        Some((name, None)) => return Err(OssError::no_such_bucket(name)),
        Some((_, Some(info))) => Some(info),
    };
    match (operation, target, info) {
        (Operation::ListBuckets, _, _) => service_ops::list_buckets(store, query),
        (Operation::GetBucketInfo, _, Some(info)) => Ok(bucket_ops::get_bucket_info(info)),
        (Operation::GetBucketLocation, _, Some(info)) => Ok(bucket_ops::get_bucket_location(info)),
        (Operation::DeleteBucket, _, Some(info)) => bucket_ops::delete_bucket(store, &info.name),
        (Operation::ListObjectsV2, _, Some(info)) => {
            bucket_ops::list_objects_v2(store, &info.name, query)
        }
        (Operation::ListObjects, _, Some(info)) => {
            bucket_ops::list_objects(store, &info.name, query)
        }
        (Operation::GetObject, Target::Object { bucket, key }, _) => {
            object_ops::get_object(store, bucket, key, &parts.headers)
        }
        (Operation::HeadObject, Target::Object { bucket, key }, _) => {
            object_ops::head_object(store, bucket, key)
        }
        (Operation::GetObjectMeta, Target::Object { bucket, key }, _) => {
            object_ops::get_object_meta(store, bucket, key)
        }
        (Operation::PutObject, Target::Object { bucket, key }, _) => {
            object_ops::put_object(store, bucket, key, &parts.headers, body, state.now())
        }
        (Operation::DeleteObject, Target::Object { bucket, key }, _) => {
            object_ops::delete_object(store, bucket, key)
        }
        // `Operation::select` only pairs object operations with object targets.
        _ => Err(OssError::method_not_allowed()),
    }
}

/// Sends the headers and the first half of the body, then fails the stream so the connection
/// closes mid-body. `transport::truncate` fails the stream at once, and hyper then closes the
/// connection before flushing anything, which the client sees as a dropped connection; the
/// pause here lets the partial answer reach the client first.
fn cut_off(response: Response, full_body: &Bytes) -> Response {
    let truncated = transport::truncate(response, full_body);
    let (parts, _) = truncated.into_parts();
    let half = full_body.slice(..full_body.len() / 2);
    // Three steps: the first half, then (after a pause) the error, then the end.
    let chunks = futures_util::stream::unfold(0u8, move |step| {
        let half = half.clone();
        async move {
            match step {
                0 => Some((Ok(half), 1)),
                1 => {
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    Some((Err(transport::CutOff), 2))
                }
                _ => None,
            }
        }
    });
    Response::from_parts(parts, Body::from_stream(chunks))
}

/// The service's busy answer: meta calls are throttled by their own QPS limit.
fn busy(operation: Operation) -> OssError {
    if operation.is_meta() {
        OssError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "MetaOperationQpsLimitExceeded",
            "Qps limit for the meta operation is exceeded.",
        )
    } else {
        OssError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "ServiceUnavailable",
            "Thread pool is almost full, please retry later.",
        )
    }
}

/// A CRC that cannot match the body, so a client that checks CRC64 detects the corruption.
fn corrupt_checksum(answer: &mut Answer) {
    let wrong = answer
        .headers
        .get("x-oss-hash-crc64ecma")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .map(|crc| crc ^ 0x5A5A_5A5A_5A5A_5A5A);
    if let Some(wrong) = wrong {
        answer.set("x-oss-hash-crc64ecma", wrong.to_string());
    }
}

fn error_answer(error: &OssError, request_id: &str, host: &str, is_head: bool) -> Answer {
    let xml = error.to_xml(request_id, host);
    let mut answer = Answer::empty(error.status);
    answer.set(header::CONTENT_TYPE, "application/xml");
    if let Some(ec) = error.ec {
        answer.set("x-oss-ec", ec);
    }
    if is_head {
        // HEAD answers have no body; OSS carries the error XML base64-encoded in a header.
        answer.set("x-oss-err", STANDARD.encode(xml.as_bytes()));
        answer.set(header::CONTENT_LENGTH, "0");
    } else {
        answer.body = Bytes::from(xml);
    }
    answer
}

/// Adds the headers every OSS answer carries and builds the HTTP response.
fn finish(state: &SandboxState, answer: Answer, request_id: &str, started: Instant) -> Response {
    let mut response = Response::new(Body::from(answer.body));
    *response.status_mut() = answer.status;
    *response.headers_mut() = answer.headers;
    let headers = response.headers_mut();
    let mut set = |name: &'static str, value: String| {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    };
    set("x-oss-request-id", request_id.to_owned());
    set("server", "AliyunOSS".to_owned());
    set("date", http_date(state.now()));
    set(
        "x-oss-server-time",
        started.elapsed().as_millis().to_string(),
    );
    response
}
