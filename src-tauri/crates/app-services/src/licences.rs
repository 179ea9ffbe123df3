//! The third-party packages the app ships, for the About box. The list is generated from
//! Cargo's and npm's lock files (`.ci/third_party_licences.py`) and compiled into the app.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ErrorCode, IpcError};

/// One shipped package and its licence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ThirdPartyPackage {
    pub name: String,
    pub version: String,
    /// An SPDX expression as the package declares it.
    pub licence: String,
    /// Where the package's source (and full licence text) lives.
    pub source: String,
    /// `cargo` or `npm`.
    pub ecosystem: String,
}

/// Parses the generated list.
pub fn parse_licences(text: &str) -> Result<Vec<ThirdPartyPackage>, IpcError> {
    serde_json::from_str(text).map_err(|error| {
        IpcError::new(
            ErrorCode::Internal,
            format!("The built-in licence list is unreadable: {error}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_list_parses_and_names_the_frameworks_we_ship() {
        let list =
            parse_licences(include_str!("../../../third-party-licences.json")).expect("parses");
        for shipped in ["tauri", "reqwest", "parquet", "react", "@dnd-kit/core"] {
            assert!(
                list.iter()
                    .any(|p| p.name == shipped && !p.licence.is_empty()),
                "{shipped} listed"
            );
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
}
