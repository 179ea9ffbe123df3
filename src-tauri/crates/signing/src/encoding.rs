//! Percent-encodings and string trims exactly as the official SDKs apply them.

use std::borrow::Cow;

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986 "unreserved" (`A-Z a-z 0-9 - _ . ~`) is escaped, upper-case hex.
/// This is Python's `quote(s, safe='~')` and oss2's `v4_uri_encode(s, False)`.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// As [`UNRESERVED`] but `/` is kept: oss2's `v4_uri_encode(s, True)` for the canonical URI.
const UNRESERVED_AND_SLASH: &AsciiSet = &UNRESERVED.remove(b'/');

pub(crate) fn encode_unreserved(text: &str) -> Cow<'_, str> {
    utf8_percent_encode(text, UNRESERVED).into()
}

pub(crate) fn encode_unreserved_keep_slash(text: &str) -> Cow<'_, str> {
    utf8_percent_encode(text, UNRESERVED_AND_SLASH).into()
}

/// Python's `quote_plus(s, safe='')`: unreserved kept, space as `+`, the rest escaped.
/// Used by Tablestore's `urlencode` of the (normally empty) query.
pub(crate) fn encode_python_quote_plus(text: &str) -> String {
    text.split(' ')
        .map(encode_unreserved)
        .collect::<Vec<_>>()
        .join("+")
}

/// Decodes one `application/x-www-form-urlencoded` component: `+` is a space, `%XX` a byte.
/// This is how Python's `parse_qsl` (Tablestore) and servers read a query string.
pub(crate) fn decode_form_component(raw: &str) -> Option<String> {
    let spaced = raw.replace('+', " ");
    percent_decode_str(&spaced)
        .decode_utf8()
        .ok()
        .map(Cow::into_owned)
}

/// Python's `str.strip()`: Unicode white space plus the ASCII separators U+001C–U+001F,
/// which Python also counts as space.
pub(crate) fn python_strip(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_plus_turns_spaces_into_plus_and_escapes_the_rest() {
        assert_eq!(encode_python_quote_plus("a b/c~d"), "a+b%2Fc~d");
        assert_eq!(encode_python_quote_plus(" x "), "+x+");
        assert_eq!(encode_python_quote_plus("é"), "%C3%A9");
        assert_eq!(encode_python_quote_plus(""), "");
    }

    #[test]
    fn unreserved_encoding_escapes_slash_star_and_plus_but_keeps_tilde() {
        assert_eq!(encode_unreserved("a/b*c+d~e f"), "a%2Fb%2Ac%2Bd~e%20f");
        assert_eq!(encode_unreserved_keep_slash("/a b/c"), "/a%20b/c");
    }

    #[test]
    fn form_decoding_reads_plus_as_space_and_escaped_plus_as_plus() {
        assert_eq!(
            decode_form_component("a+b%2Bc%2F").as_deref(),
            Some("a b+c/")
        );
        assert_eq!(decode_form_component("%FF"), None);
    }

    #[test]
    fn python_strip_also_removes_ascii_separators() {
        assert_eq!(python_strip("\u{1f} a b\t\u{a0}"), "a b");
    }
}
