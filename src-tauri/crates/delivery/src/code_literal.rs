//! String literals for generated Go and Java source.

use std::fmt::Write as _;

/// A Go interpreted string literal (like `strconv.Quote`, keeping printable non-ASCII).
pub fn go_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Java string literal. Control characters use octal escapes, because Java translates
/// `\uXXXX` before lexing and `\u000a` would end the line inside the literal.
pub fn java_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x100 && c.is_control() => {
                let _ = write!(out, "\\{:03o}", u32::from(c));
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_strings_escape_quotes_backslashes_and_newlines() {
        assert_eq!(go_string("a\"b\\c\nd$yyyy"), r#""a\"b\\c\nd$yyyy""#);
    }

    #[test]
    fn java_strings_escape_control_characters_in_octal() {
        assert_eq!(java_string("a\u{1}b\"c"), r#""a\001b\"c""#);
    }
}
