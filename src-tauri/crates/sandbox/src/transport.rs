//! Transport-level misbehaviour: a connection closed without an answer, or an answer cut off
//! part-way. Services mark a response; the connection loop in `server` carries it out.

use axum::body::Body;
use axum::http::{header, HeaderValue};
use axum::response::Response;
use bytes::Bytes;

/// Marks a response whose connection must be closed without sending it.
#[derive(Debug, Clone, Copy)]
pub struct DropConnection;

/// The error a cut-off body ends with; hyper then closes the connection.
#[derive(Debug, thiserror::Error)]
#[error("sandbox fault: body cut off on purpose")]
pub struct CutOff;

/// Marks the response so the connection is closed before anything is sent.
pub fn drop_connection(mut response: Response) -> Response {
    response.extensions_mut().insert(DropConnection);
    response
}

/// Replaces `response`'s body with the first half of `full_body`, keeping the
/// `Content-Length` of the whole, then fails the stream so the connection closes mid-body.
/// The pause lets the headers and the half body leave first: failing at once would make hyper
/// drop the connection before anything was written.
pub fn truncate(mut response: Response, full_body: &Bytes) -> Response {
    use futures_util::StreamExt as _;
    let full = full_body.len();
    let half = futures_util::stream::iter([Ok::<Bytes, CutOff>(full_body.slice(..full / 2))]);
    let cut = futures_util::stream::once(async {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        Err::<Bytes, CutOff>(CutOff)
    });
    *response.body_mut() = Body::from_stream(half.chain(cut));
    response
        .headers_mut()
        .insert(header::CONTENT_LENGTH, HeaderValue::from(full));
    response
}
