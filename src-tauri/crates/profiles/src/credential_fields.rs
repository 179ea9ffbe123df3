//! Parsing the three credential fields a person pastes: AccessKey ID, secret and STS token.
//!
//! The values end up in `signing`'s types; this module adds the shape rules from the spec
//! (account.md §5) and trims the whitespace that copy and paste tends to add around them.
//! Secret values are taken by value and the caller's copy is zeroised.

use signing::{AccessKeyId, Credentials, Secret, SecurityToken};
use zeroize::Zeroize;

use crate::ProfileError;

const LONG_TERM_PREFIX: &str = "LTAI";
const TEMPORARY_PREFIX: &str = "STS.";
/// Real long-term ids are 24 characters, older ones 16; room is left on both sides.
const LONG_TERM_LENGTHS: std::ops::RangeInclusive<usize> = 16..=30;
/// Temporary ids are about 29 characters; the exact length is not documented.
const TEMPORARY_SUFFIX_LENGTHS: std::ops::RangeInclusive<usize> = 10..=64;
const MAX_SECRET_LEN: usize = 128;
const MAX_TOKEN_LEN: usize = 16 * 1024;

/// Whether an AccessKey ID is long-term (`LTAI…`) or temporary (`STS.…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    LongTerm,
    Temporary,
}

/// Parses an AccessKey ID: `LTAI` + letters and digits (16–30 in all), or `STS.` + 10–64 of them.
pub fn parse_access_key_id(value: &str) -> Result<AccessKeyId, ProfileError> {
    let value = value.trim();
    let invalid = |reason: String| ProfileError::InvalidAccessKeyId { reason };
    if value.is_empty() {
        return Err(invalid("it is empty".into()));
    }
    match key_kind(value) {
        Some(KeyKind::Temporary) => {
            let suffix = &value[TEMPORARY_PREFIX.len()..];
            if !suffix.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(invalid(
                    "after 'STS.' only letters and digits may follow".into(),
                ));
            }
            if !TEMPORARY_SUFFIX_LENGTHS.contains(&suffix.len()) {
                return Err(invalid(format!(
                    "a temporary key has 10 to 64 characters after 'STS.', this one has {}",
                    suffix.len()
                )));
            }
        }
        Some(KeyKind::LongTerm) => {
            if !value.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(invalid("it may contain only letters and digits".into()));
            }
            if !LONG_TERM_LENGTHS.contains(&value.len()) {
                return Err(invalid(format!(
                    "it has {} characters; AccessKey IDs have 16 to 30",
                    value.len()
                )));
            }
        }
        None => return Err(invalid("it does not start with 'LTAI' or 'STS.'".into())),
    }
    AccessKeyId::parse(value).map_err(|e| invalid(e.to_string()))
}

/// Which kind of key an id names, by its prefix (`LTAI` in any case, as secret scanners do).
pub fn key_kind(value: &str) -> Option<KeyKind> {
    let has_prefix = |prefix: &str| {
        value
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    if value.starts_with(TEMPORARY_PREFIX) {
        Some(KeyKind::Temporary)
    } else if has_prefix(LONG_TERM_PREFIX) {
        Some(KeyKind::LongTerm)
    } else {
        None
    }
}

/// Parses an AccessKey secret: printable ASCII, no inner whitespace, at most 128 characters.
pub fn parse_access_key_secret(mut value: String) -> Result<Secret, ProfileError> {
    let checked = check_secret_text(&value, MAX_SECRET_LEN)
        .map(|trimmed| Secret::new(trimmed.to_owned()))
        .map_err(|reason| ProfileError::InvalidAccessKeySecret { reason });
    value.zeroize();
    checked
}

/// Parses an STS security token: non-empty, no inner whitespace (spec: do not check more).
pub fn parse_security_token(mut value: String) -> Result<SecurityToken, ProfileError> {
    let checked = check_secret_text(&value, MAX_TOKEN_LEN)
        .map(|trimmed| SecurityToken::new(trimmed.to_owned()))
        .map_err(|reason| ProfileError::InvalidSecurityToken { reason });
    value.zeroize();
    checked
}

fn check_secret_text(value: &str, max_len: usize) -> Result<&str, &'static str> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err("it is empty");
    }
    if trimmed.len() > max_len {
        return Err("it is longer than any real one");
    }
    if trimmed.chars().any(char::is_whitespace) {
        return Err("it contains spaces or line breaks");
    }
    if !trimmed.bytes().all(|b| b.is_ascii_graphic()) {
        return Err("it contains characters other than letters, digits and punctuation");
    }
    Ok(trimmed)
}

/// Puts id, secret and token together, refusing a temporary id without its token.
pub fn credentials(
    access_key_id: AccessKeyId,
    access_key_secret: Secret,
    security_token: Option<SecurityToken>,
) -> Result<Credentials, ProfileError> {
    let base = Credentials::new(access_key_id, access_key_secret);
    match security_token {
        Some(token) => Ok(base.with_security_token(token)),
        None if key_kind(base.access_key_id.as_str()) == Some(KeyKind::Temporary) => {
            Err(ProfileError::SecurityTokenRequired)
        }
        None => Ok(base),
    }
}

/// The id with its middle hidden, e.g. `LTAI****abcd`, for lists and import previews.
pub fn mask_access_key_id(id: &AccessKeyId) -> String {
    let text = id.as_str();
    let prefix_len = if text.starts_with(TEMPORARY_PREFIX) {
        TEMPORARY_PREFIX.len()
    } else {
        LONG_TERM_PREFIX.len()
    };
    // Ids are ASCII (checked at parse), so byte slicing is on character boundaries.
    if text.len() < prefix_len + 8 {
        return format!("{}****", &text[..prefix_len.min(text.len())]);
    }
    format!("{}****{}", &text[..prefix_len], &text[text.len() - 4..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG_TERM_ID: &str = "LTAI5tAbCdEfGhIjKlMnOpQr";

    #[test]
    fn accepts_a_24_character_long_term_id_and_trims_pasted_whitespace() {
        let id = parse_access_key_id(&format!("  {LONG_TERM_ID}\n")).expect("valid");
        assert_eq!(id.as_str(), LONG_TERM_ID);
    }

    #[test]
    fn accepts_an_old_16_character_id_and_a_temporary_id() {
        assert!(parse_access_key_id("LTAIabcdefgh1234").is_ok());
        let id = parse_access_key_id("STS.NUgYrLnoC37mZZCNnAbez1234").expect("sts");
        assert_eq!(id.as_str(), "STS.NUgYrLnoC37mZZCNnAbez1234");
    }

    #[test]
    fn rejects_ids_of_the_wrong_shape_with_the_rule_broken() {
        let cases = [
            ("", "it is empty"),
            (
                "AKIAIOSFODNN7EXAMPLE",
                "does not start with 'LTAI' or 'STS.'",
            ),
            ("LTAI5tAbCd", "it has 10 characters"),
            ("LTAI5tAbCd-fGhIjKlMnOpQr", "only letters and digits"),
            ("STS.short", "this one has 5"),
        ];
        for (input, expected) in cases {
            let error = parse_access_key_id(input).expect_err(input);
            assert_eq!(error.code(), "invalid_access_key_id");
            assert!(error.to_string().contains(expected), "{input}: {error}");
        }
    }

    #[test]
    fn a_secret_is_trimmed_and_must_not_contain_whitespace() {
        let secret =
            parse_access_key_secret(" abcDEF123456789012345678901234\n".into()).expect("valid");
        assert_eq!(secret.expose_secret(), "abcDEF123456789012345678901234");
        let error = parse_access_key_secret("abc def".into()).expect_err("space");
        assert_eq!(error.code(), "invalid_access_key_secret");
        assert!(
            !error.to_string().contains("abc"),
            "the value is never echoed"
        );
        assert_eq!(
            parse_access_key_secret(String::new())
                .expect_err("empty")
                .to_string(),
            "The AccessKey secret is not valid: it is empty."
        );
    }

    #[test]
    fn a_token_accepts_base64_punctuation_and_rejects_line_breaks_inside() {
        let token = parse_security_token("CAIS+a/b=\n".into()).expect("valid");
        assert_eq!(token.expose_secret(), "CAIS+a/b=");
        let error = parse_security_token("CAIS\nmore".into()).expect_err("newline");
        assert_eq!(error.code(), "invalid_security_token");
    }

    #[test]
    fn a_temporary_id_without_a_token_is_refused() {
        let id = parse_access_key_id("STS.NUgYrLnoC37mZZCNnAbez1234").expect("id");
        let error = credentials(id.clone(), Secret::from("s"), None).expect_err("no token");
        assert_eq!(error.code(), "security_token_required");
        let with_token =
            credentials(id, Secret::from("s"), Some(SecurityToken::from("t"))).expect("with token");
        assert_eq!(
            with_token
                .security_token
                .map(|t| t.expose_secret().to_owned()),
            Some("t".to_owned())
        );
    }

    #[test]
    fn masking_keeps_the_prefix_and_the_last_four_characters() {
        let id = parse_access_key_id(LONG_TERM_ID).expect("id");
        assert_eq!(mask_access_key_id(&id), "LTAI****OpQr");
        let id = parse_access_key_id("STS.NUgYrLnoC37mZZCNnAbez1234").expect("id");
        assert_eq!(mask_access_key_id(&id), "STS.****1234");
    }
}
