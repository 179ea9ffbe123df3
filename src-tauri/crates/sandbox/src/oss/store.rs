//! The buckets and objects the OSS service serves, in memory, and the direct (no HTTP) API
//! the delivery engine uses to write and read them.

use std::collections::BTreeMap;
use std::ops::Bound;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use bytes::Bytes;
use chrono::{DateTime, Utc};

use super::checksum;

/// Why a direct store call failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("the bucket `{0}` does not exist")]
    NoSuchBucket(String),
    #[error("the object `{key}` does not exist in bucket `{bucket}`")]
    NoSuchKey { bucket: String, key: String },
    #[error("the bucket `{0}` still holds objects")]
    BucketNotEmpty(String),
}

/// A bucket's fixed attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BucketInfo {
    pub name: String,
    /// Plain region id, e.g. `cn-hangzhou`.
    pub region: String,
    pub creation_date: DateTime<Utc>,
    /// `Standard`, `IA`, `Archive`, ...
    pub storage_class: String,
    /// `private`, `public-read` or `public-read-write`.
    pub acl: String,
}

impl BucketInfo {
    /// The OSS region id used in `Location` elements, e.g. `oss-cn-hangzhou`.
    pub fn location(&self) -> String {
        format!("oss-{}", self.region)
    }

    pub fn extranet_endpoint(&self) -> String {
        format!("oss-{}.aliyuncs.com", self.region)
    }

    pub fn intranet_endpoint(&self) -> String {
        format!("oss-{}-internal.aliyuncs.com", self.region)
    }
}

/// One stored object: its bytes and the metadata OSS reports for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredObject {
    pub key: String,
    pub data: Bytes,
    pub content_type: String,
    /// Upper-case hex MD5, without quotes.
    pub etag: String,
    pub crc64: u64,
    pub last_modified: DateTime<Utc>,
    /// `x-oss-meta-*` headers, names lower-cased without the prefix.
    pub metadata: BTreeMap<String, String>,
}

impl StoredObject {
    /// Builds an object and computes its digests.
    pub fn new(
        key: impl Into<String>,
        data: Bytes,
        content_type: impl Into<String>,
        last_modified: DateTime<Utc>,
    ) -> Self {
        Self {
            key: key.into(),
            etag: checksum::etag(&data),
            crc64: checksum::crc64(&data),
            data,
            content_type: content_type.into(),
            last_modified,
            metadata: BTreeMap::new(),
        }
    }

    pub fn size(&self) -> usize {
        self.data.len()
    }
}

#[derive(Debug)]
struct Bucket {
    info: BucketInfo,
    objects: BTreeMap<String, Arc<StoredObject>>,
}

/// The service's data, in memory.
#[derive(Debug, Default)]
pub struct Store {
    buckets: RwLock<BTreeMap<String, Bucket>>,
    /// Bumped whenever buckets or objects may change (see [`Store::changes`]).
    changes: AtomicU64,
}

/// One bucket's objects at one moment (cheap: the objects are shared, not copied).
#[derive(Debug, Clone)]
pub struct BucketContents {
    pub info: BucketInfo,
    pub objects: Vec<Arc<StoredObject>>,
}

impl Store {
    /// How many times the store was opened for writing: persistence saves when it moves.
    pub fn changes(&self) -> u64 {
        self.changes.load(Ordering::Acquire)
    }

    /// Every bucket with its objects, sorted by name and key.
    pub fn contents(&self) -> Vec<BucketContents> {
        self.read()
            .values()
            .map(|bucket| BucketContents {
                info: bucket.info.clone(),
                objects: bucket.objects.values().cloned().collect(),
            })
            .collect()
    }

    /// Replaces a bucket's objects (restoring a saved state); false if there is no such bucket.
    pub fn replace_objects(&self, bucket: &str, objects: Vec<StoredObject>) -> bool {
        let mut buckets = self.write();
        let Some(target) = buckets.get_mut(bucket) else {
            return false;
        };
        target.objects = objects
            .into_iter()
            .map(|object| (object.key.clone(), Arc::new(object)))
            .collect();
        true
    }

    /// Adds a bucket (replacing one of the same name with an empty one).
    pub fn create_bucket(&self, info: BucketInfo) {
        let mut buckets = self.write();
        buckets.insert(
            info.name.clone(),
            Bucket {
                info,
                objects: BTreeMap::new(),
            },
        );
    }

    /// Removes an empty bucket, as OSS DeleteBucket does: one that still holds objects stays.
    pub fn delete_bucket(&self, name: &str) -> Result<(), StoreError> {
        let mut buckets = self.write();
        match buckets.get(name) {
            None => Err(StoreError::NoSuchBucket(name.to_owned())),
            Some(bucket) if !bucket.objects.is_empty() => {
                Err(StoreError::BucketNotEmpty(name.to_owned()))
            }
            Some(_) => {
                buckets.remove(name);
                Ok(())
            }
        }
    }

    /// Removes a bucket with whatever it holds (restoring a state in which it was deleted);
    /// false if there is no such bucket.
    pub fn forget_bucket(&self, name: &str) -> bool {
        self.write().remove(name).is_some()
    }

    /// Every bucket, sorted by name.
    pub fn buckets(&self) -> Vec<BucketInfo> {
        self.read().values().map(|b| b.info.clone()).collect()
    }

    pub fn bucket(&self, name: &str) -> Option<BucketInfo> {
        self.read().get(name).map(|b| b.info.clone())
    }

    /// The plain region id (`cn-hangzhou`) of a bucket, for region checks before delivery.
    pub fn bucket_region(&self, name: &str) -> Option<String> {
        self.read().get(name).map(|b| b.info.region.clone())
    }

    /// Stores `object` under its key, replacing any earlier one.
    pub fn put(&self, bucket: &str, object: StoredObject) -> Result<Arc<StoredObject>, StoreError> {
        let mut buckets = self.write();
        let target = buckets
            .get_mut(bucket)
            .ok_or_else(|| StoreError::NoSuchBucket(bucket.to_owned()))?;
        let object = Arc::new(object);
        target.objects.insert(object.key.clone(), object.clone());
        Ok(object)
    }

    /// Convenience for writers: stores `data` at `key` with the given content type.
    pub fn put_object(
        &self,
        bucket: &str,
        key: &str,
        data: impl Into<Bytes>,
        content_type: &str,
        now: DateTime<Utc>,
    ) -> Result<Arc<StoredObject>, StoreError> {
        self.put(
            bucket,
            StoredObject::new(key, data.into(), content_type, now),
        )
    }

    pub fn get_object(&self, bucket: &str, key: &str) -> Result<Arc<StoredObject>, StoreError> {
        let buckets = self.read();
        let target = buckets
            .get(bucket)
            .ok_or_else(|| StoreError::NoSuchBucket(bucket.to_owned()))?;
        target
            .objects
            .get(key)
            .cloned()
            .ok_or_else(|| StoreError::NoSuchKey {
                bucket: bucket.to_owned(),
                key: key.to_owned(),
            })
    }

    /// Removes an object; removing a missing one succeeds, as OSS DeleteObject does.
    pub fn delete_object(&self, bucket: &str, key: &str) -> Result<(), StoreError> {
        let mut buckets = self.write();
        let target = buckets
            .get_mut(bucket)
            .ok_or_else(|| StoreError::NoSuchBucket(bucket.to_owned()))?;
        target.objects.remove(key);
        Ok(())
    }

    /// Every object whose key starts with `prefix`, sorted by key.
    pub fn list_objects(
        &self,
        bucket: &str,
        prefix: &str,
    ) -> Result<Vec<Arc<StoredObject>>, StoreError> {
        self.list_objects_after(bucket, prefix, None, usize::MAX)
    }

    /// Up to `limit` objects whose key starts with `prefix` and sorts after `after`.
    pub fn list_objects_after(
        &self,
        bucket: &str,
        prefix: &str,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Arc<StoredObject>>, StoreError> {
        let buckets = self.read();
        let target = buckets
            .get(bucket)
            .ok_or_else(|| StoreError::NoSuchBucket(bucket.to_owned()))?;
        let start = match after {
            Some(after) if after >= prefix => Bound::Excluded(after.to_owned()),
            _ => Bound::Included(prefix.to_owned()),
        };
        Ok(target
            .objects
            .range::<String, _>((start, Bound::Unbounded))
            .take_while(|(key, _)| key.starts_with(prefix))
            .take(limit)
            .map(|(_, object)| object.clone())
            .collect())
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, BTreeMap<String, Bucket>> {
        self.buckets
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, BTreeMap<String, Bucket>> {
        self.changes.fetch_add(1, Ordering::AcqRel);
        self.buckets
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> Store {
        let store = Store::default();
        store.create_bucket(BucketInfo {
            name: "b".to_owned(),
            region: "cn-hangzhou".to_owned(),
            creation_date: Utc::now(),
            storage_class: "Standard".to_owned(),
            acl: "private".to_owned(),
        });
        store
    }

    #[test]
    fn objects_written_directly_are_read_back_with_their_digests() {
        let store = store();
        store
            .put_object(
                "b",
                "dir/x.txt",
                &b"hello world"[..],
                "text/plain",
                Utc::now(),
            )
            .expect("bucket exists");
        let object = store.get_object("b", "dir/x.txt").expect("stored");
        assert_eq!(object.data.as_ref(), b"hello world");
        assert_eq!(object.crc64, 5_981_764_153_023_615_706);
        assert_eq!(object.etag, "5EB63BBBE01EEED093CB22BB8F5ACDC3");
    }

    #[test]
    fn listing_honours_prefix_and_after() {
        let store = store();
        for key in ["a/1", "a/2", "a/3", "b/1"] {
            store
                .put_object("b", key, Bytes::new(), "", Utc::now())
                .expect("bucket exists");
        }
        let keys = |v: Vec<Arc<StoredObject>>| v.iter().map(|o| o.key.clone()).collect::<Vec<_>>();
        assert_eq!(
            keys(store.list_objects("b", "a/").expect("listed")),
            ["a/1", "a/2", "a/3"]
        );
        assert_eq!(
            keys(
                store
                    .list_objects_after("b", "a/", Some("a/1"), 1)
                    .expect("listed")
            ),
            ["a/2"]
        );
        assert_eq!(
            store.list_objects("nope", ""),
            Err(StoreError::NoSuchBucket("nope".to_owned()))
        );
    }

    #[test]
    fn only_an_empty_bucket_is_deleted() {
        let store = store();
        store
            .put_object("b", "x", Bytes::new(), "", Utc::now())
            .expect("bucket exists");
        assert_eq!(
            store.delete_bucket("b"),
            Err(StoreError::BucketNotEmpty("b".to_owned()))
        );
        assert!(store.bucket("b").is_some());
        store.delete_object("b", "x").expect("bucket exists");
        assert_eq!(store.delete_bucket("b"), Ok(()));
        assert_eq!(store.bucket("b"), None);
        assert_eq!(
            store.delete_bucket("b"),
            Err(StoreError::NoSuchBucket("b".to_owned()))
        );
    }

    #[test]
    fn region_lookup_answers_for_known_buckets_only() {
        let store = store();
        assert_eq!(store.bucket_region("b").as_deref(), Some("cn-hangzhou"));
        assert_eq!(store.bucket_region("c"), None);
    }
}
