//! Inputs that once crashed a fuzz target (`fuzz/`, see README.md "Fuzzing"),
//! kept as regression tests. Each file in `tests/fuzz_regressions/<target>/` is the target's
//! input as libFuzzer saved it: the first byte picks the OSS document, the rest is the body.
//!
//! oss_xml, quick-xml 0.38: a `<!DOCTYPE …>` inside an element's text split the text in two,
//! and the deserializer hit `unreachable!()` (a panic in the client on a corrupt answer).
//! Fixed by quick-xml 0.42, which reads the text around the DOCTYPE as one run.

use std::path::Path;

use cloud_clients::oss::fuzzing;

/// Runs one input through the parser its first byte names, as the fuzz target does.
fn parse(data: &[u8]) -> String {
    let Some((&selector, body)) = data.split_first() else {
        return "empty".into();
    };
    match selector % 5 {
        0 => format!("{:?}", fuzzing::list_buckets(body)),
        1 => format!("{:?}", fuzzing::bucket_info(body)),
        2 => format!("{:?}", fuzzing::bucket_region(body)),
        3 => format!("{:?}", fuzzing::list_objects(body)),
        _ => format!("{:?}", fuzzing::error_document(body)),
    }
}

fn input(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions/oss_xml")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_saved_oss_xml_crash_input_now_parses_or_is_refused_without_a_panic() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions/oss_xml");
    let mut count = 0;
    for entry in std::fs::read_dir(&folder).expect("the regression folder exists") {
        let path = entry.expect("a directory entry").path();
        let data = std::fs::read(&path).expect("readable");
        parse(&data);
        count += 1;
    }
    assert!(count >= 5, "only {count} inputs in {}", folder.display());
}

#[test]
fn a_doctype_inside_a_bucket_name_is_read_around() {
    let data = input("doctype-in-bucket-info.bin");
    let bucket = fuzzing::bucket_info(&data[1..]).expect("parses");
    assert_eq!(bucket.name, "ab");
    assert_eq!(bucket.region, "cn-hangzhou");
}

#[test]
fn a_doctype_inside_a_listing_key_marker_or_error_code_is_read_around() {
    let (buckets, marker) =
        fuzzing::list_buckets(&input("doctype-in-list-buckets.bin")[1..]).expect("parses");
    assert!(buckets.is_empty());
    assert_eq!(marker.as_deref(), Some("ab"));
    let page = fuzzing::list_objects(&input("doctype-in-list-objects.bin")[1..]).expect("parses");
    assert_eq!(page.objects[0].key, "ab");
    let (code, _, kind) =
        fuzzing::error_document(&input("doctype-in-error.bin")[1..]).expect("parses");
    assert_eq!(code, "NoSuchKey");
    assert_eq!(kind, cloud_clients::ErrorKind::NotFound);
}
