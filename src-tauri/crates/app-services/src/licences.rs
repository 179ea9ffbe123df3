//! The third-party packages the app ships and their licence texts, for the About box. The list
//! is generated from Cargo's and npm's lock files and the packages' own licence files
//! (`.ci/third_party_licences.py`) and compiled into the app. The file stores each distinct
//! text once, and the About box receives it so ([`LicenceList`]); the UI spells each package's
//! texts out (`spellOutLicences` in `ui/src/ipc/app.ts`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ErrorCode, IpcError};

/// The generated file, and what the About box receives: packages refer to their texts by id,
/// each text stored once (about 1 MB; spelled out per package it was 4.4 MB per opening of
/// the About box).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct LicenceList {
    pub packages: Vec<ListedPackage>,
    pub texts: Vec<StoredLicenceText>,
}

/// One shipped package, its licence and, by reference, the licence texts that come with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ListedPackage {
    pub name: String,
    pub version: String,
    /// An SPDX expression as the package declares it.
    pub licence: String,
    /// Where the package's source lives.
    pub source: String,
    /// `cargo` or `npm`.
    pub ecosystem: String,
    /// For a package that ships no licence file: the authors its manifest names, the holders
    /// the standard text's copyright line leaves blank. Empty otherwise (its files name them).
    pub authors: Vec<String>,
    /// The package's licence, copying and notice files; for a package that ships none, the
    /// standard text of each licence its expression names. Never empty.
    pub licence_texts: Vec<LicenceTextReference>,
}

/// One of a package's licence texts: its file name, and the id of the text in
/// [`LicenceList::texts`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct LicenceTextReference {
    /// The file's name in the package (`LICENSE-MIT`), or the SPDX id when `standard`.
    pub name: String,
    /// The package ships no licence file, so this is the standard text of its licence.
    pub standard: bool,
    /// The id of the text: a hash of it, so texts with the same id are the same text.
    pub text: String,
}

/// A licence text, stored once however many packages ship it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct StoredLicenceText {
    pub id: String,
    pub text: String,
}

/// Parses the generated list as the About box receives it, checking that every text a
/// package refers to is there.
pub fn licence_list(text: &str) -> Result<LicenceList, IpcError> {
    let list: LicenceList = serde_json::from_str(text).map_err(|error| {
        unreadable(&format!("The built-in licence list is unreadable: {error}"))
    })?;
    let ids: std::collections::HashSet<&str> =
        list.texts.iter().map(|stored| stored.id.as_str()).collect();
    for package in &list.packages {
        if let Some(missing) = package
            .licence_texts
            .iter()
            .find(|reference| !ids.contains(reference.text.as_str()))
        {
            return Err(unreadable(&format!(
                "The built-in licence list names a text {} for {} that it lacks.",
                missing.text, package.name
            )));
        }
    }
    Ok(list)
}

fn unreadable(message: &str) -> IpcError {
    IpcError::new(ErrorCode::Internal, message.to_owned())
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    const COMMITTED_LIST: &str = include_str!("../../../third-party-licences.json");
    /// The .deb's copyright file, generated from the same list.
    const COMMITTED_COPYRIGHT: &str = include_str!("../../../third-party-licences.txt");

    /// A package with its texts spelled out, as the About box shows it (the UI's
    /// `spellOutLicences` makes the same from a [`LicenceList`]).
    #[derive(Debug, Serialize)]
    struct ThirdPartyPackage {
        name: String,
        version: String,
        licence: String,
        ecosystem: String,
        authors: Vec<String>,
        licence_texts: Vec<LicenceText>,
    }

    #[derive(Debug, Clone, Serialize)]
    struct LicenceText {
        name: String,
        standard: bool,
        id: String,
        text: String,
    }

    /// The list with each reference replaced by its text (all present: `licence_list` checks).
    fn parse_licences(text: &str) -> Result<Vec<ThirdPartyPackage>, IpcError> {
        let file = licence_list(text)?;
        let texts: HashMap<&str, &str> = file
            .texts
            .iter()
            .map(|stored| (stored.id.as_str(), stored.text.as_str()))
            .collect();
        Ok(file
            .packages
            .into_iter()
            .map(|package| ThirdPartyPackage {
                licence_texts: package
                    .licence_texts
                    .into_iter()
                    .map(|reference| LicenceText {
                        text: texts[reference.text.as_str()].to_owned(),
                        name: reference.name,
                        standard: reference.standard,
                        id: reference.text,
                    })
                    .collect(),
                name: package.name,
                version: package.version,
                licence: package.licence,
                ecosystem: package.ecosystem,
                authors: package.authors,
            })
            .collect())
    }

    fn committed() -> Vec<ThirdPartyPackage> {
        parse_licences(COMMITTED_LIST).expect("parses")
    }

    fn package<'a>(list: &'a [ThirdPartyPackage], name: &str) -> &'a ThirdPartyPackage {
        list.iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} listed"))
    }

    #[test]
    fn the_about_box_receives_each_text_once_not_once_per_package() {
        let list = licence_list(COMMITTED_LIST).expect("parses");
        let spelled_out = committed();
        assert_eq!(list.packages.len(), spelled_out.len());
        let sent = serde_json::to_string(&list).expect("json").len();
        let spelled_out = serde_json::to_string(&spelled_out).expect("json").len();
        assert!(sent * 3 < spelled_out, "{sent} bytes vs {spelled_out}");
    }

    #[test]
    fn the_committed_list_parses_and_names_the_frameworks_we_ship() {
        let list = committed();
        for shipped in ["tauri", "reqwest", "parquet", "react", "@dnd-kit/core"] {
            assert!(!package(&list, shipped).licence.is_empty(), "{shipped}");
        }
        assert!(list
            .iter()
            .all(|p| p.ecosystem == "cargo" || p.ecosystem == "npm"));
        assert!(
            !list
                .iter()
                .any(|p| p.name == "vitest" || p.name == "proptest"),
            "test-only packages are not shipped"
        );
    }

    #[test]
    fn every_shipped_package_comes_with_a_licence_text() {
        let bare: Vec<_> = committed()
            .into_iter()
            .filter(|p| p.licence_texts.iter().all(|t| t.text.trim().is_empty()))
            .map(|p| p.name)
            .collect();
        assert_eq!(bare, Vec::<String>::new());
    }

    #[test]
    fn a_package_keeps_its_own_licence_files_with_their_copyright_lines() {
        let list = committed();
        let tauri = package(&list, "tauri");
        let names: Vec<_> = tauri
            .licence_texts
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(names, ["LICENSE-APACHE-2.0", "LICENSE-MIT"]);
        assert!(tauri.licence_texts.iter().all(|t| !t.standard));
        let mit = &tauri.licence_texts[1].text;
        assert!(
            mit.starts_with("MIT License\n\nCopyright (c) 2017 - Present Tauri Apps Contributors")
        );
        let react = &package(&list, "react").licence_texts[0];
        assert_eq!(react.name, "LICENSE");
        assert!(react
            .text
            .contains("Copyright (c) Meta Platforms, Inc. and affiliates."));
    }

    #[test]
    fn a_package_without_licence_files_gets_the_standard_text_of_each_licence_it_names() {
        let list = committed();
        let ts_rs = package(&list, "ts-rs");
        assert_eq!(ts_rs.licence, "MIT");
        assert_eq!(ts_rs.licence_texts.len(), 1);
        assert!(ts_rs.licence_texts[0].standard);
        assert_eq!(ts_rs.licence_texts[0].name, "MIT");
        assert!(ts_rs.licence_texts[0].text.starts_with("MIT License\n"));
        assert_eq!(
            ts_rs.authors,
            ["Moritz Bischof <moritz.bischof1@gmail.com>"]
        );
        assert_eq!(package(&list, "tauri").authors, Vec::<String>::new());
        let choices: Vec<_> = package(&list, "objc2-app-kit")
            .licence_texts
            .iter()
            .map(|t| (t.name.as_str(), t.standard))
            .collect();
        assert_eq!(
            choices,
            [("Zlib", true), ("Apache-2.0", true), ("MIT", true)]
        );
    }

    #[test]
    fn identical_texts_share_one_id_and_different_ones_do_not() {
        let list = committed();
        let text_of = |name: &str, file: &str| {
            package(&list, name)
                .licence_texts
                .iter()
                .find(|t| t.name == file)
                .unwrap_or_else(|| panic!("{name} {file}"))
                .clone()
        };
        let anstream = text_of("anstream", "LICENSE-APACHE");
        let anstyle = text_of("anstyle", "LICENSE-APACHE");
        assert_eq!(anstream.id, anstyle.id);
        assert_eq!(anstream.text, anstyle.text);
        let react = text_of("react", "LICENSE");
        let i18next = text_of("i18next", "LICENSE");
        assert_ne!(
            react.id, i18next.id,
            "MIT texts with different copyright lines stay apart"
        );
    }

    #[test]
    fn the_copyright_file_of_the_deb_is_generated_from_the_same_list() {
        for package in committed() {
            let line = format!(
                "  {} {} ({}, {}):",
                package.name, package.version, package.ecosystem, package.licence
            );
            assert!(
                COMMITTED_COPYRIGHT.contains(&line),
                "{line} in the copyright file"
            );
            for text in &package.licence_texts {
                assert!(
                    COMMITTED_COPYRIGHT.contains(text.text.trim_end()),
                    "{}'s {} in the copyright file",
                    package.name,
                    text.name
                );
            }
        }
    }

    #[test]
    fn a_list_naming_a_text_it_lacks_is_an_internal_error() {
        let broken = r#"{"packages": [{"name": "a", "version": "1.0.0", "licence": "MIT",
            "source": "", "ecosystem": "cargo", "authors": [],
            "licenceTexts": [{"name": "LICENSE", "standard": false, "text": "0123abcd"}]}],
            "texts": []}"#;
        let error = parse_licences(broken).expect_err("dangling id");
        assert_eq!(error.code, ErrorCode::Internal);
        assert_eq!(
            error.message,
            "The built-in licence list names a text 0123abcd for a that it lacks."
        );
        let error = parse_licences("[]").expect_err("old format");
        assert!(error
            .message
            .starts_with("The built-in licence list is unreadable:"));
    }
}
