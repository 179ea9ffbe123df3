//! Which headers carry credentials, and the headers a signer hands back to its caller.

use std::fmt;

use http::{HeaderMap, HeaderName, HeaderValue};

use crate::SignError;

/// Headers whose value authorises a request on its own or reveals a token.
const SENSITIVE_HEADERS: &[&str] = &[
    "authorization",
    "x-ots-signature",
    "x-ots-signaturev4",
    "x-ots-ststoken",
    "x-oss-security-token",
    "x-acs-security-token",
];

/// Whether `name` (any case) carries a credential and must be hidden from logs.
pub fn is_sensitive_header(name: &str) -> bool {
    SENSITIVE_HEADERS
        .iter()
        .any(|s| s.eq_ignore_ascii_case(name))
}

/// Builds a `HeaderValue`, marked sensitive when `name` carries a credential, so `http`'s
/// and `reqwest`'s `Debug` output and HTTP/2 header compression treat it as secret.
pub fn header_value(name: &str, value: &str) -> Result<HeaderValue, SignError> {
    let mut header =
        HeaderValue::from_str(value).map_err(|_| SignError::InvalidHeaderValue(name.to_owned()))?;
    header.set_sensitive(is_sensitive_header(name));
    Ok(header)
}

/// The header fields a signer adds to a request, in the order the SDKs add them.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct AddedHeaders {
    entries: Vec<(&'static str, String)>,
}

impl AddedHeaders {
    pub(crate) fn push(&mut self, name: &'static str, value: String) {
        self.entries.push((name, value));
    }

    /// `(lower-case name, value)` pairs.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.entries.iter().map(|(n, v)| (*n, v.as_str()))
    }

    /// The value added under `name`, if any.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    /// Inserts every added header into `map`, replacing earlier values, credentials marked
    /// sensitive.
    pub fn apply_to(&self, map: &mut HeaderMap) -> Result<(), SignError> {
        for (name, value) in self.iter() {
            map.insert(HeaderName::from_static(name), header_value(name, value)?);
        }
        Ok(())
    }

    /// The added headers as a new `HeaderMap`, credentials marked sensitive.
    pub fn to_header_map(&self) -> Result<HeaderMap, SignError> {
        let mut map = HeaderMap::with_capacity(self.entries.len());
        self.apply_to(&mut map)?;
        Ok(map)
    }
}

impl fmt::Debug for AddedHeaders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.entries.iter().map(|(n, v)| {
                let shown = if is_sensitive_header(n) {
                    "***"
                } else {
                    v.as_str()
                };
                (n, shown)
            }))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorization_and_tokens_become_sensitive_header_values() {
        let mut added = AddedHeaders::default();
        added.push("authorization", "OSS a:b".to_owned());
        added.push("x-oss-security-token", "t".to_owned());
        added.push("date", "Wed, 15 Jan 2025 08:30:00 GMT".to_owned());
        let map = added.to_header_map().expect("valid values");
        assert!(map["authorization"].is_sensitive());
        assert!(map["x-oss-security-token"].is_sensitive());
        assert!(!map["date"].is_sensitive());
        assert_eq!(map["date"], "Wed, 15 Jan 2025 08:30:00 GMT");
    }

    #[test]
    fn debug_output_hides_sensitive_values() {
        let mut added = AddedHeaders::default();
        added.push("authorization", "OSS a:secret-signature".to_owned());
        added.push("x-oss-date", "20250115T083000Z".to_owned());
        let shown = format!("{added:?}");
        assert!(!shown.contains("secret-signature"), "{shown}");
        assert!(shown.contains("20250115T083000Z"));
    }

    #[test]
    fn a_value_with_a_newline_is_refused() {
        assert_eq!(
            header_value("x-oss-meta-a", "a\nb"),
            Err(SignError::InvalidHeaderValue("x-oss-meta-a".to_owned()))
        );
    }
}
