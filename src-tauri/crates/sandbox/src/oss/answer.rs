//! A successful answer before the handler adds the common headers and applies faults.

use axum::http::header::IntoHeaderName;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use bytes::Bytes;

#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Answer {
    pub fn empty(status: StatusCode) -> Self {
        Self {
            status,
            headers: HeaderMap::new(),
            body: Bytes::new(),
        }
    }

    /// A 200 with an XML body.
    pub fn xml(body: String) -> Self {
        let mut answer = Self::empty(StatusCode::OK);
        answer.body = Bytes::from(body);
        answer.set(header::CONTENT_TYPE, "application/xml");
        answer
    }

    /// Sets a header; values the sandbox builds are always valid header text.
    pub fn set(&mut self, name: impl IntoHeaderName, value: impl AsRef<str>) {
        if let Ok(value) = HeaderValue::from_str(value.as_ref()) {
            self.headers.insert(name, value);
        }
    }
}
