//! The user interface languages the app ships catalogues for.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ErrorCode, IpcError};

/// A language with a complete UI catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Locale {
    #[serde(rename = "en")]
    English,
    #[serde(rename = "zh-CN")]
    SimplifiedChinese,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::English, Locale::SimplifiedChinese];

    pub fn tag(self) -> &'static str {
        match self {
            Locale::English => "en",
            Locale::SimplifiedChinese => "zh-CN",
        }
    }

    /// Parses a BCP 47 tag as the UI sends it.
    pub fn parse(tag: &str) -> Result<Self, IpcError> {
        Self::ALL
            .into_iter()
            .find(|locale| locale.tag() == tag)
            .ok_or_else(|| {
                IpcError::new(
                    ErrorCode::InvalidInput,
                    format!("The language '{tag}' has no translation in this app."),
                )
                .with_remedy("Choose English (en) or 简体中文 (zh-CN).")
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_shipped_tag_back_to_itself() {
        for locale in Locale::ALL {
            assert_eq!(Locale::parse(locale.tag()).expect("known tag"), locale);
        }
    }

    #[test]
    fn refuses_an_unknown_tag_with_the_choices_as_remedy() {
        let error = Locale::parse("fr").expect_err("fr is not shipped");
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert!(error.message.contains("'fr'"));
        assert_eq!(
            error.remedy.as_deref(),
            Some("Choose English (en) or 简体中文 (zh-CN).")
        );
    }
}
