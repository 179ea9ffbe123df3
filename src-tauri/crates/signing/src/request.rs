//! One view of an HTTP request that both sides canonicalise the same way.
//!
//! A client builds a [`CanonicalRequest`] from the parts it is about to send; a server builds
//! one from what it received ([`CanonicalRequest::from_http_parts`]). Every signer and verifier
//! reads only this view, so the two sides cannot drift apart.

use std::borrow::Cow;
use std::fmt;

use crate::encoding::decode_form_component;
use crate::sensitive::is_sensitive_header;
use crate::{AddedHeaders, SignError};

/// Header fields in arrival order, names lower-cased, values exactly as sent.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct HeaderList<'a> {
    entries: Vec<(Cow<'a, str>, Cow<'a, str>)>,
}

impl<'a> HeaderList<'a> {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a field; the name is lower-cased because header names are case-insensitive.
    pub fn push(&mut self, name: impl Into<Cow<'a, str>>, value: impl Into<Cow<'a, str>>) {
        self.entries.push((lower_case(name.into()), value.into()));
    }

    /// Replaces every field called `name` with one field, as the SDKs' dict assignment does.
    pub fn set(&mut self, name: impl Into<Cow<'a, str>>, value: impl Into<Cow<'a, str>>) {
        let name = lower_case(name.into());
        self.entries.retain(|(n, _)| *n != name);
        self.entries.push((name, value.into()));
    }

    /// Removes every field called `name`.
    pub fn remove(&mut self, name: &str) {
        self.entries.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    }

    /// The first value of `name` (case-insensitive).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_ref())
    }

    /// All values of `name` joined with `,` (the HTTP rule for repeated fields).
    pub fn get_joined(&self, name: &str) -> Option<Cow<'_, str>> {
        let mut values = self
            .entries
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_ref());
        let first = values.next()?;
        Some(values.fold(Cow::Borrowed(first), |mut acc, v| {
            let joined = acc.to_mut();
            joined.push(',');
            joined.push_str(v);
            acc
        }))
    }

    /// `(lower-case name, value)` pairs in arrival order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(n, v)| (n.as_ref(), v.as_ref()))
    }

    /// Whether no field is present.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Borrows the fields of a received `http::HeaderMap`.
    pub fn from_header_map(map: &'a http::HeaderMap) -> Result<Self, SignError> {
        let mut list = Self::new();
        for (name, value) in map {
            // Values are read as UTF-8 (not just visible ASCII) so metadata headers that carry
            // UTF-8 text verify like the SDKs sign them: over the raw bytes.
            let text = std::str::from_utf8(value.as_bytes())
                .map_err(|_| SignError::NonUtf8Header(name.as_str().to_owned()))?;
            list.entries
                .push((Cow::Borrowed(name.as_str()), Cow::Borrowed(text)));
        }
        Ok(list)
    }
}

impl fmt::Debug for HeaderList<'_> {
    /// Authorization and token values are replaced so a logged request leaks no credential.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.entries.iter().map(|(n, v)| {
                let shown = if is_sensitive_header(n) { "***" } else { v };
                format!("{n}: {shown}")
            }))
            .finish()
    }
}

fn lower_case(name: Cow<'_, str>) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        name
    }
}

/// A request as the signature schemes see it: method, raw path, decoded query, headers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CanonicalRequest<'a> {
    method: Cow<'a, str>,
    path: Cow<'a, str>,
    query: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    headers: HeaderList<'a>,
}

impl<'a> CanonicalRequest<'a> {
    /// A request with no query and no headers.
    ///
    /// `path` is the path as it appears on the wire (already percent-encoded), e.g.
    /// `/ListTable` or `/v2/openapi/getinstance`.
    pub fn new(method: impl Into<Cow<'a, str>>, path: impl Into<Cow<'a, str>>) -> Self {
        Self {
            method: method.into(),
            path: path.into(),
            query: Vec::new(),
            headers: HeaderList::new(),
        }
    }

    /// Adds a query parameter; `name` and `value` are decoded text, not percent-encoded.
    #[must_use]
    pub fn with_query(
        mut self,
        name: impl Into<Cow<'a, str>>,
        value: impl Into<Cow<'a, str>>,
    ) -> Self {
        self.query.push((name.into(), value.into()));
        self
    }

    /// Adds a header field.
    #[must_use]
    pub fn with_header(
        mut self,
        name: impl Into<Cow<'a, str>>,
        value: impl Into<Cow<'a, str>>,
    ) -> Self {
        self.headers.push(name, value);
        self
    }

    /// Adds every header a signer returned (copied), e.g. the standard Tablestore set
    /// before signing, or the signature afterwards to get the request as sent.
    #[must_use]
    pub fn with_added_headers(mut self, added: &AddedHeaders) -> Self {
        for (name, value) in added.iter() {
            self.headers.push(name, value.to_owned());
        }
        self
    }

    /// Borrows a request a server received. The query string is decoded the way form
    /// parsers do (`+` is a space) and empty `&&` segments are skipped.
    pub fn from_http_parts(parts: &'a http::request::Parts) -> Result<Self, SignError> {
        Ok(Self {
            method: Cow::Borrowed(parts.method.as_str()),
            path: Cow::Borrowed(parts.uri.path()),
            query: parse_query_string(parts.uri.query().unwrap_or(""))?,
            headers: HeaderList::from_header_map(&parts.headers)?,
        })
    }

    /// Like [`Self::from_http_parts`] for a whole `http::Request`.
    pub fn from_http_request<B>(request: &'a http::Request<B>) -> Result<Self, SignError> {
        Ok(Self {
            method: Cow::Borrowed(request.method().as_str()),
            path: Cow::Borrowed(request.uri().path()),
            query: parse_query_string(request.uri().query().unwrap_or(""))?,
            headers: HeaderList::from_header_map(request.headers())?,
        })
    }

    /// The HTTP method, e.g. `POST`.
    pub fn method(&self) -> &str {
        &self.method
    }

    /// The raw path, e.g. `/GetRange`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Decoded query parameters in arrival order.
    pub fn query(&self) -> impl Iterator<Item = (&str, &str)> {
        self.query.iter().map(|(n, v)| (n.as_ref(), v.as_ref()))
    }

    /// The first value of query parameter `name` (case-sensitive, as query names are).
    pub fn query_value(&self, name: &str) -> Option<&str> {
        self.query().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The header fields.
    pub fn headers(&self) -> &HeaderList<'a> {
        &self.headers
    }

    /// The header fields, for a signer that adds its own before computing.
    pub(crate) fn headers_mut(&mut self) -> &mut HeaderList<'a> {
        &mut self.headers
    }
}

/// Decoded `(name, value)` query pairs.
pub type QueryPairs = Vec<(Cow<'static, str>, Cow<'static, str>)>;

/// Splits and decodes `a=1&b=x+y` into pairs; a name without `=` gets an empty value.
pub fn parse_query_string(raw: &str) -> Result<QueryPairs, SignError> {
    raw.split('&')
        .filter(|segment| !segment.is_empty())
        .map(|segment| {
            let (name, value) = segment.split_once('=').unwrap_or((segment, ""));
            let name = decode_form_component(name).ok_or(SignError::MalformedQuery)?;
            let value = decode_form_component(value).ok_or(SignError::MalformedQuery)?;
            Ok((Cow::Owned(name), Cow::Owned(value)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_are_lower_cased_and_looked_up_case_insensitively() {
        let req = CanonicalRequest::new("PUT", "/b/k").with_header("Content-Type", "text/plain");
        assert_eq!(
            req.headers().iter().next(),
            Some(("content-type", "text/plain"))
        );
        assert_eq!(req.headers().get("CONTENT-TYPE"), Some("text/plain"));
    }

    #[test]
    fn set_replaces_every_earlier_value() {
        let mut headers = HeaderList::new();
        headers.push("Date", "a");
        headers.push("date", "b");
        headers.set("DATE", "c");
        assert_eq!(headers.iter().collect::<Vec<_>>(), vec![("date", "c")]);
    }

    #[test]
    fn repeated_headers_join_with_commas() {
        let mut headers = HeaderList::new();
        headers.push("x-a", "1");
        headers.push("x-b", "2");
        headers.push("x-a", "3");
        assert_eq!(headers.get_joined("x-a").as_deref(), Some("1,3"));
        assert_eq!(headers.get_joined("x-c"), None);
    }

    #[test]
    fn received_request_is_decoded_like_a_form() {
        let request = http::Request::post("http://h/p%20q/?b=x+y%2B&a&&c=%E2%82%AC")
            .header("X-Oss-Meta-A", "v")
            .body(())
            .expect("valid request");
        let req = CanonicalRequest::from_http_request(&request).expect("decodes");
        assert_eq!(req.method(), "POST");
        assert_eq!(req.path(), "/p%20q/");
        assert_eq!(
            req.query().collect::<Vec<_>>(),
            vec![("b", "x y+"), ("a", ""), ("c", "€")]
        );
        assert_eq!(req.headers().get("x-oss-meta-a"), Some("v"));
    }

    #[test]
    fn debug_output_hides_authorization_and_tokens() {
        let req = CanonicalRequest::new("GET", "/")
            .with_header("Authorization", "OSS id:signature")
            .with_header("x-oss-security-token", "token-text")
            .with_header("x-oss-meta-a", "visible");
        let shown = format!("{req:?}");
        assert!(
            !shown.contains("signature") && !shown.contains("token-text"),
            "{shown}"
        );
        assert!(shown.contains("visible"));
    }
}
