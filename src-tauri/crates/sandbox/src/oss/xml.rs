//! A small writer for the XML bodies OSS sends: declaration, nested elements, escaped text.

use std::fmt::Display;

use chrono::{DateTime, Utc};

#[derive(Debug)]
pub struct XmlWriter {
    out: String,
}

impl XmlWriter {
    pub fn new() -> Self {
        Self {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
        }
    }

    pub fn open(&mut self, name: &str) -> &mut Self {
        self.out.push('<');
        self.out.push_str(name);
        self.out.push('>');
        self
    }

    pub fn close(&mut self, name: &str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
        self
    }

    /// `<name>text</name>` with the text escaped.
    pub fn element(&mut self, name: &str, text: impl Display) -> &mut Self {
        let text = text.to_string();
        self.open(name);
        self.out.push_str(&quick_xml::escape::escape(text.as_str()));
        self.close(name)
    }

    pub fn finish(&mut self) -> String {
        std::mem::take(&mut self.out)
    }
}

/// `2025-01-15T08:30:00.000Z`: oss2's date parser requires the milliseconds.
pub fn iso8601_millis(time: DateTime<Utc>) -> String {
    time.format("%Y-%m-%dT%H:%M:%S.000Z").to_string()
}

/// `Wed, 15 Jan 2025 08:30:00 GMT`, for `Last-Modified` and `Date` headers.
pub fn http_date(time: DateTime<Utc>) -> String {
    time.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_elements_nest() {
        let mut xml = XmlWriter::new();
        xml.open("A").element("B", "x<y&z").close("A");
        assert_eq!(
            xml.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<A><B>x&lt;y&amp;z</B></A>"
        );
    }
}
