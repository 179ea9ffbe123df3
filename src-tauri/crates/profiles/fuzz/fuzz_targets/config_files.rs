//! Fuzzes the config file parsers with any bytes: the first byte picks `profiles.json` (what
//! `ProfilesFile::load` makes of the file), the aliyun CLI's `config.json`, or a credentials
//! INI file; the import scans are then previewed as the import dialog does (key masking).
//!
//! Invariants: parsing never panics; profiles that load save to bytes that load back to the
//! same profiles; a preview never shows a whole access key id.
#![no_main]

use libfuzzer_sys::fuzz_target;
use profiles::import::{parse_aliyun_cli_config, parse_credentials_ini, ImportScan};
use profiles::profiles_file::ProfilesFile;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    match selector % 3 {
        0 => {
            if let Ok(profiles) = ProfilesFile::decode_for_fuzzing(body) {
                let saved = ProfilesFile::encode_for_fuzzing(&profiles);
                let again = ProfilesFile::decode_for_fuzzing(&saved).expect("saved profiles load");
                assert_eq!(again, profiles);
            }
        }
        1 => {
            if let Ok(scan) = parse_aliyun_cli_config(body) {
                check_preview(&scan);
            }
        }
        _ => {
            let text = String::from_utf8_lossy(body);
            if let Ok(scan) = parse_credentials_ini(&text) {
                check_preview(&scan);
            }
        }
    }
});

/// What the import dialog shows must not reveal a key id.
fn check_preview(scan: &ImportScan) {
    let preview = scan.preview();
    for (candidate, shown) in scan.candidates.iter().zip(&preview.candidates) {
        let key_id = candidate.access_key_id.as_str();
        assert!(
            key_id.len() < 8 || shown.access_key_id_masked != key_id,
            "the preview shows the whole key id"
        );
    }
}
