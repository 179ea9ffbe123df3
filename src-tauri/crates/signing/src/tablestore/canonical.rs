//! Tablestore's string-to-sign, shared by the request signer, the request verifier and both
//! sides of the response signature.

use crate::encoding::{encode_python_quote_plus, python_strip};
use crate::request::HeaderList;
use crate::CanonicalRequest;

pub(crate) const SIGNATURE_V2: &str = "x-ots-signature";
pub(crate) const SIGNATURE_V4: &str = "x-ots-signaturev4";

/// Every `x-ots-*` field as `name:trimmed value`, sorted, joined with `\n`.
///
/// The Python SDK sorts the joined `name:value` strings (not the names), which orders
/// `x-ots-a-b:…` before `x-ots-a:…`; we do the same. Fields named in `skip` are left out.
/// Names are compared lower-cased (HTTP names are case-insensitive and servers lower-case
/// them); the SDK tests the prefix on the name as given, so an `X-OTS-…` header it was
/// handed as an extra would be left unsigned there and signed here. It never sends one.
pub(crate) fn canonical_headers(headers: &HeaderList<'_>, skip: &[&str]) -> String {
    let mut lines: Vec<String> = headers
        .iter()
        .filter(|(name, _)| name.starts_with("x-ots-") && !skip.contains(name))
        .map(|(name, value)| format!("{name}:{}", python_strip(value)))
        .collect();
    lines.sort_unstable();
    lines.join("\n")
}

/// The query as the Python SDK re-encodes it: pairs with an empty value dropped (as
/// `parse_qsl` does), sorted, `quote_plus`-encoded. Every real operation sends no query.
fn canonical_query(request: &CanonicalRequest<'_>) -> String {
    let mut pairs: Vec<(&str, &str)> = request.query().filter(|(_, v)| !v.is_empty()).collect();
    pairs.sort_unstable();
    pairs
        .iter()
        .map(|(n, v)| {
            format!(
                "{}={}",
                encode_python_quote_plus(n),
                encode_python_quote_plus(v)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// `path \n METHOD \n query \n headers \n` — the V2 string, and the V4 one before its `ots` salt.
///
/// `path` is `/{Operation}` only: the SDK leaves any path prefix of the endpoint out of the
/// signature, so a server behind a prefix must pass the operation path here.
pub(crate) fn request_string_to_sign(request: &CanonicalRequest<'_>) -> String {
    format!(
        "{}\n{}\n{}\n{}\n",
        request.path(),
        request.method(),
        canonical_query(request),
        canonical_headers(request.headers(), &[SIGNATURE_V2, SIGNATURE_V4]),
    )
}

/// `headers \n /{Operation}` over the response's `x-ots-*` fields.
pub(crate) fn response_string_to_sign(operation_path: &str, headers: &HeaderList<'_>) -> String {
    format!("{}\n{operation_path}", canonical_headers(headers, &[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_sort_as_whole_lines_like_the_python_sdk() {
        let mut headers = HeaderList::new();
        headers.push("x-ots-a", " 1 ");
        headers.push("x-ots-a-b", "2");
        headers.push("content-type", "ignored");
        headers.push("x-ots-signature", "ignored");
        assert_eq!(
            canonical_headers(&headers, &[SIGNATURE_V2]),
            "x-ots-a-b:2\nx-ots-a:1"
        );
    }

    #[test]
    fn query_drops_blank_values_and_is_sorted_and_plus_encoded() {
        let request = CanonicalRequest::new("POST", "/ListTable")
            .with_query("b", "x y")
            .with_query("a", "")
            .with_query("a", "2/3");
        assert_eq!(canonical_query(&request), "a=2%2F3&b=x+y");
    }
}
