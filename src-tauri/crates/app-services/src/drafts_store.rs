//! Saved mapping drafts: one JSON file per draft in the app's data folder, written atomically
//! (temp file + rename) so a crash never leaves half a draft.

use std::path::{Path, PathBuf};

use delivery::draft_file::{load_draft, save_draft};
use delivery::TaskDraft;
use serde::Serialize;
use ts_rs::TS;

use crate::{ErrorCode, IpcError};

/// A saved draft as the drafts list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DraftSummary {
    /// The name the user saved it under (also its file name).
    pub name: String,
    pub table_name: String,
    pub task_name: String,
    pub column_count: u32,
    /// When it was last saved, RFC 3339 UTC.
    pub saved_at: String,
    /// Why the file cannot be opened (it is listed anyway, so nothing disappears silently).
    pub problem: Option<String>,
}

const EXTENSION: &str = ".draft.json";
const MAX_NAME_CHARS: usize = 64;

/// The drafts folder.
#[derive(Debug, Clone)]
pub struct DraftStore {
    dir: PathBuf,
}

impl DraftStore {
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// Every saved draft, by name.
    pub fn list(&self) -> Result<Vec<DraftSummary>, IpcError> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(storage_failed(&self.dir, &error)),
        };
        let mut drafts: Vec<DraftSummary> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let file_name = entry.file_name().into_string().ok()?;
                let name = file_name.strip_suffix(EXTENSION)?.to_owned();
                Some(summarise(name, &entry.path()))
            })
            .collect();
        drafts.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(drafts)
    }

    /// Saves (or replaces) the draft called `name`.
    pub fn save(&self, name: &str, draft: &TaskDraft) -> Result<DraftSummary, IpcError> {
        let path = self.path_of(name)?;
        std::fs::create_dir_all(&self.dir).map_err(|e| storage_failed(&self.dir, &e))?;
        let temp = path.with_extension("tmp");
        std::fs::write(&temp, save_draft(draft)).map_err(|e| storage_failed(&temp, &e))?;
        std::fs::rename(&temp, &path).map_err(|e| storage_failed(&path, &e))?;
        Ok(summarise(name.to_owned(), &path))
    }

    pub fn open(&self, name: &str) -> Result<TaskDraft, IpcError> {
        let path = self.path_of(name)?;
        let text = std::fs::read_to_string(&path).map_err(|error| {
            if error.kind() == std::io::ErrorKind::NotFound {
                not_found(name)
            } else {
                storage_failed(&path, &error)
            }
        })?;
        load_draft(&text).map_err(|error| {
            IpcError::new(
                ErrorCode::DraftFileCorrupt,
                format!("The draft '{name}' cannot be opened: {}", error.message()),
            )
            .with_remedy(error.remedy())
        })
    }

    pub fn delete(&self, name: &str) -> Result<(), IpcError> {
        let path = self.path_of(name)?;
        std::fs::remove_file(&path).map_err(|error| {
            if error.kind() == std::io::ErrorKind::NotFound {
                not_found(name)
            } else {
                storage_failed(&path, &error)
            }
        })
    }

    fn path_of(&self, name: &str) -> Result<PathBuf, IpcError> {
        check_name(name)?;
        Ok(self.dir.join(format!("{name}{EXTENSION}")))
    }
}

/// A draft name must be a safe file name on every OS: no separators, no leading dot.
fn check_name(name: &str) -> Result<(), IpcError> {
    let chars = name.chars().count();
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.');
    let problem = if chars == 0 || chars > MAX_NAME_CHARS {
        Some(format!(
            "A draft name has 1 to {MAX_NAME_CHARS} characters."
        ))
    } else if !name.chars().all(allowed) {
        Some("A draft name may hold letters, digits, spaces, '-', '_' and '.' only.".to_owned())
    } else if name.starts_with(['.', ' ']) || name.ends_with(['.', ' ']) {
        Some("A draft name cannot start or end with a dot or a space.".to_owned())
    } else {
        None
    };
    match problem {
        Some(message) => Err(IpcError::new(ErrorCode::InvalidDraftName, message)
            .with_remedy("Choose a name such as 'orders to parquet'.")),
        None => Ok(()),
    }
}

fn summarise(name: String, path: &Path) -> DraftSummary {
    let saved_at = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .map(|time| {
            chrono::DateTime::<chrono::Utc>::from(time)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        })
        .unwrap_or_default();
    let loaded = std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|text| load_draft(&text).map_err(|e| e.message()));
    match loaded {
        Ok(draft) => DraftSummary {
            name,
            table_name: draft.table_name,
            task_name: draft.task_name,
            column_count: u32::try_from(draft.schema.len()).unwrap_or(u32::MAX),
            saved_at,
            problem: None,
        },
        Err(problem) => DraftSummary {
            name,
            table_name: String::new(),
            task_name: String::new(),
            column_count: 0,
            saved_at,
            problem: Some(problem),
        },
    }
}

fn not_found(name: &str) -> IpcError {
    IpcError::new(
        ErrorCode::DraftNotFound,
        format!("There is no saved draft called '{name}'."),
    )
    .with_remedy("Refresh the drafts list; it may have been deleted in another window.")
}

fn storage_failed(path: &Path, error: &std::io::Error) -> IpcError {
    IpcError::new(
        ErrorCode::StorageFailed,
        format!("Could not use {}: {error}", path.display()),
    )
    .with_remedy("Check that the app's data folder exists and that you may write to it.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use delivery::SchemaEntryDraft;

    fn draft() -> TaskDraft {
        TaskDraft {
            table_name: "orders".into(),
            task_name: "orders-daily".into(),
            schema: vec![SchemaEntryDraft {
                source_column: "id".into(),
                output_name: "id".into(),
                parquet_type: Some(delivery::ParquetType::Int64),
            }],
            ..TaskDraft::default()
        }
    }

    #[test]
    fn a_saved_draft_is_listed_reopened_and_deleted() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = DraftStore::new(dir.path().join("drafts"));
        assert!(store.list().expect("lists").is_empty());
        let saved = store.save("orders to parquet", &draft()).expect("saves");
        assert_eq!(saved.task_name, "orders-daily");
        assert_eq!(saved.column_count, 1);
        assert!(saved.saved_at.ends_with('Z'), "{}", saved.saved_at);
        assert_eq!(store.list().expect("lists"), vec![saved]);
        assert_eq!(store.open("orders to parquet").expect("opens"), draft());
        store.delete("orders to parquet").expect("deletes");
        assert!(store.list().expect("lists").is_empty());
        let error = store.open("orders to parquet").expect_err("gone");
        assert_eq!(error.code, ErrorCode::DraftNotFound);
    }

    #[test]
    fn names_that_could_escape_the_folder_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = DraftStore::new(dir.path().to_owned());
        for bad in [
            "",
            "../x",
            "a/b",
            "a\\b",
            ".hidden",
            "x".repeat(65).as_str(),
        ] {
            let error = store.save(bad, &draft()).expect_err(bad);
            assert_eq!(error.code, ErrorCode::InvalidDraftName, "{bad}");
        }
        assert_eq!(std::fs::read_dir(dir.path()).expect("lists").count(), 0);
    }

    #[test]
    fn a_corrupt_file_stays_listed_with_its_problem_and_fails_to_open_with_a_code() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("broken.draft.json"), "{ not json").expect("writes");
        let store = DraftStore::new(dir.path().to_owned());
        let listed = store.list().expect("lists");
        assert_eq!(listed.len(), 1);
        assert!(listed[0]
            .problem
            .as_deref()
            .is_some_and(|p| p.contains("JSON")));
        assert_eq!(
            store.open("broken").expect_err("corrupt").code,
            ErrorCode::DraftFileCorrupt
        );
    }
}
