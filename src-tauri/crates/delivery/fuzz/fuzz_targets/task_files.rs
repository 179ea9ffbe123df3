//! Fuzzes the task file loaders with any text: `load_draft` (a saved draft),
//! `import_task_json` (an exported task) and `open_task_file` (either, by its `kind`).
//!
//! Invariants: loading never panics; at most one loader accepts a file and `open_task_file`
//! gives exactly its result; a loaded draft saves and loads back unchanged; and a loaded draft that validates
//! (against source columns made to fit it) exports to JSON that imports back as the same draft.
#![no_main]

use delivery::draft_file::{load_draft, open_task_file, save_draft};
use delivery::export_json::{export_task_json, import_task_json};
use delivery::tablestore_type::TablestoreType;
use delivery::type_compat::{check_pair, PairVerdict};
use delivery::{
    validate_draft, ColumnOrigin, EventTimeFormat, SourceColumn, TaskDraft, ValidationContext,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let draft = load_draft(text);
    let imported = import_task_json(text);
    let opened = open_task_file(text);
    // A file has one kind, so at most one loader accepts it, and opening gives its result.
    match (&draft, &imported) {
        (Ok(_), Ok(_)) => panic!("a file loaded both as a draft and as an exported task"),
        (Ok(expected), _) | (_, Ok(expected)) => {
            assert_eq!(
                opened.as_ref().expect("what a loader accepts opens"),
                expected
            );
        }
        (Err(_), Err(_)) => assert!(opened.is_err(), "a file no loader accepts opened"),
    }
    for loaded in [draft, imported, opened].into_iter().flatten() {
        assert_eq!(
            load_draft(&save_draft(&loaded)).expect("a saved draft loads"),
            loaded
        );
        export_if_valid(&loaded);
    }
});

/// Validates `draft` against columns typed to suit each schema entry; a valid request must
/// survive export → import.
fn export_if_valid(draft: &TaskDraft) {
    let mut columns: Vec<SourceColumn> = draft
        .schema
        .iter()
        .map(|entry| {
            let fitting = entry.parquet_type.and_then(|target| {
                TablestoreType::ALL
                    .into_iter()
                    .find(|&source| matches!(check_pair(source, target), PairVerdict::Supported))
            });
            let types: Vec<TablestoreType> = fitting.into_iter().collect();
            SourceColumn::new(entry.source_column.clone(), ColumnOrigin::Defined, &types)
        })
        .collect();
    if let Some(event) = &draft.event_time {
        let source = match event.time_format {
            Some(EventTimeFormat::Unix) => TablestoreType::Integer,
            _ => TablestoreType::String,
        };
        columns.push(SourceColumn::new(
            event.column_name.clone(),
            ColumnOrigin::Defined,
            &[source],
        ));
    }
    let context = ValidationContext {
        source_columns: &columns,
        instance_region: None,
        bucket_region: None,
        allow_experimental_types: true,
    };
    let Some(request) = validate_draft(draft, &context).request else {
        return;
    };
    let exported = export_task_json(&request);
    let back = import_task_json(&exported).expect("an exported task imports");
    assert_eq!(back, TaskDraft::from(&request));
    assert_eq!(
        open_task_file(&exported).expect("an exported task opens"),
        back
    );
}
