//! One page of a bucket listing (ListObjects and ListObjectsV2): keys under a prefix after a
//! position, with keys that share a delimiter-ended prefix rolled up into one common prefix.

use std::sync::Arc;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::store::{Store, StoreError, StoredObject};

#[derive(Debug, Default)]
pub struct Page {
    pub contents: Vec<Arc<StoredObject>>,
    pub common_prefixes: Vec<String>,
    pub truncated: bool,
    /// The last key or common prefix returned, where the next page starts after.
    pub last: Option<String>,
}

impl Page {
    pub fn key_count(&self) -> usize {
        self.contents.len() + self.common_prefixes.len()
    }
}

pub fn list_page(
    store: &Store,
    bucket: &str,
    prefix: &str,
    delimiter: Option<&str>,
    after: Option<&str>,
    max: usize,
) -> Result<Page, StoreError> {
    let objects = store.list_objects_after(bucket, prefix, after, usize::MAX)?;
    let mut page = Page::default();
    for object in objects {
        let rolled_up = delimiter.and_then(|d| {
            object.key[prefix.len()..]
                .find(d)
                .map(|at| object.key[..prefix.len() + at + d.len()].to_owned())
        });
        if let Some(common) = rolled_up {
            // Keys under the prefix the previous page ended with, or under the one just added,
            // are already represented.
            if after == Some(common.as_str()) || page.last.as_deref() == Some(common.as_str()) {
                continue;
            }
            if page.key_count() == max {
                page.truncated = true;
                break;
            }
            page.last = Some(common.clone());
            page.common_prefixes.push(common);
            continue;
        }
        if page.key_count() == max {
            page.truncated = true;
            break;
        }
        page.last = Some(object.key.clone());
        page.contents.push(object);
    }
    Ok(page)
}

/// What `encoding-type=url` leaves as is: RFC 3986 unreserved characters. Everything else,
/// `/` included, is percent-encoded, which oss2's unquote reverses exactly.
const URL_ENCODED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Encodes a name for a response that declared `<EncodingType>url</EncodingType>`.
pub fn encode_name(name: &str, url_encoded: bool) -> String {
    if url_encoded {
        utf8_percent_encode(name, URL_ENCODED).to_string()
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oss::store::BucketInfo;
    use bytes::Bytes;
    use chrono::Utc;

    fn store(keys: &[&str]) -> Store {
        let store = Store::default();
        store.create_bucket(BucketInfo {
            name: "b".to_owned(),
            region: "cn-hangzhou".to_owned(),
            creation_date: Utc::now(),
            storage_class: "Standard".to_owned(),
            acl: "private".to_owned(),
        });
        for key in keys {
            store
                .put_object("b", key, Bytes::new(), "", Utc::now())
                .expect("bucket exists");
        }
        store
    }

    fn names(page: &Page) -> (Vec<&str>, Vec<&str>) {
        (
            page.contents.iter().map(|o| o.key.as_str()).collect(),
            page.common_prefixes.iter().map(String::as_str).collect(),
        )
    }

    #[test]
    fn delimiter_rolls_keys_up_and_pages_continue_after_a_common_prefix() {
        let store = store(&["a.txt", "dir/1", "dir/2", "dir/sub/3", "e/1", "z.txt"]);
        let first = list_page(&store, "b", "", Some("/"), None, 2).expect("listed");
        assert_eq!(names(&first), (vec!["a.txt"], vec!["dir/"]));
        assert!(first.truncated);
        let second =
            list_page(&store, "b", "", Some("/"), first.last.as_deref(), 2).expect("listed");
        assert_eq!(names(&second), (vec!["z.txt"], vec!["e/"]));
        assert!(!second.truncated);
        let inside = list_page(&store, "b", "dir/", Some("/"), None, 100).expect("listed");
        assert_eq!(names(&inside), (vec!["dir/1", "dir/2"], vec!["dir/sub/"]));
    }

    #[test]
    fn pages_of_every_size_join_up_to_the_single_page_listing() {
        let store = store(&[
            "a", "a/", "a/b", "a/b/c", "a/c", "b", "b/x/y", "c/", "c/d", "数/据", "z",
        ]);
        for (prefix, delimiter) in [
            ("", None),
            ("", Some("/")),
            ("a/", Some("/")),
            ("a", Some("/")),
        ] {
            let whole =
                list_page(&store, "b", prefix, delimiter, None, usize::MAX).expect("listed");
            for max in 1..=6 {
                let mut joined = Page::default();
                let mut after: Option<String> = None;
                loop {
                    let page = list_page(&store, "b", prefix, delimiter, after.as_deref(), max)
                        .expect("listed");
                    assert!(page.key_count() <= max);
                    joined.contents.extend(page.contents.iter().cloned());
                    joined
                        .common_prefixes
                        .extend(page.common_prefixes.iter().cloned());
                    if !page.truncated {
                        break;
                    }
                    after.clone_from(&page.last);
                }
                assert_eq!(
                    names(&joined),
                    names(&whole),
                    "{prefix:?} {delimiter:?} {max}"
                );
            }
        }
    }

    #[test]
    fn a_full_last_page_is_not_truncated() {
        let store = store(&["a", "b"]);
        let page = list_page(&store, "b", "", None, None, 2).expect("listed");
        assert!(!page.truncated);
        assert_eq!(page.key_count(), 2);
    }

    #[test]
    fn url_encoding_encodes_slashes_spaces_plus_and_unicode() {
        assert_eq!(
            encode_name("dir/a b+c~数", true),
            "dir%2Fa%20b%2Bc~%E6%95%B0"
        );
        assert_eq!(encode_name("dir/a", false), "dir/a");
    }
}
