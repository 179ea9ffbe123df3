//! The buckets and objects a fresh sandbox starts with.
//!
//! Two buckets in the instance's region (the delivery target and an archive with sample
//! objects), one in another region (to exercise region checks), and enough log buckets to make
//! ListBuckets page.

use bytes::Bytes;
use chrono::{DateTime, Duration, TimeZone, Utc};

use super::store::{BucketInfo, Store, StoredObject};
use crate::SandboxConfig;

/// The same-region bucket deliveries write to.
pub const DELIVERY_BUCKET: &str = "sandbox-delivery";
/// A same-region bucket holding sample objects.
pub const ARCHIVE_BUCKET: &str = "sandbox-archive";
/// How many `sandbox-logs-NN` buckets exist, so ListBuckets has several pages.
pub const LOG_BUCKETS: u32 = 30;

/// The other-region bucket's name and region: Beijing, unless the sandbox itself runs there.
pub fn other_region_bucket(region: &str) -> (&'static str, &'static str) {
    if region == "cn-beijing" {
        ("sandbox-shanghai", "cn-shanghai")
    } else {
        ("sandbox-beijing", "cn-beijing")
    }
}

/// Objects in the archive bucket: plain text, keys with `/`, space and `+`, unicode, and
/// Parquet-looking export paths.
pub const ARCHIVE_OBJECTS: &[(&str, &str)] = &[
    ("readme.txt", "text/plain"),
    ("dir/a b+c.txt", "text/plain"),
    ("unicode/数据/文件.txt", "text/plain"),
    (
        "exports/orders/2025/01/15/part-00000.parquet",
        "application/octet-stream",
    ),
    (
        "exports/orders/2025/01/16/part-00000.parquet",
        "application/octet-stream",
    ),
];

fn seed_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 15, 8, 0, 0)
        .single()
        .unwrap_or_default()
}

fn bucket(name: &str, region: &str, days_after_seed: i64) -> BucketInfo {
    BucketInfo {
        name: name.to_owned(),
        region: region.to_owned(),
        creation_date: seed_time() - Duration::days(365 - days_after_seed),
        storage_class: "Standard".to_owned(),
        acl: "private".to_owned(),
    }
}

/// The body of a seeded object: text for text keys, a minimal Parquet-shaped file (magic at
/// both ends) for `.parquet` keys.
fn sample_body(key: &str) -> Bytes {
    if key.ends_with(".parquet") {
        let mut body = b"PAR1".to_vec();
        body.extend_from_slice(format!("sandbox sample rows for {key}").as_bytes());
        body.extend_from_slice(&[0, 0, 0, 0]);
        body.extend_from_slice(b"PAR1");
        Bytes::from(body)
    } else {
        Bytes::from(format!(
            "Sample object {key} from the Tablestore Delivery Studio sandbox.\n"
        ))
    }
}

pub fn seeded(config: &SandboxConfig) -> Store {
    let store = Store::default();
    let region = config.region.as_str();
    store.create_bucket(bucket(DELIVERY_BUCKET, region, 0));
    store.create_bucket(bucket(ARCHIVE_BUCKET, region, 1));
    let (other, other_region) = other_region_bucket(region);
    store.create_bucket(bucket(other, other_region, 2));
    for n in 0..LOG_BUCKETS {
        store.create_bucket(bucket(
            &format!("sandbox-logs-{n:02}"),
            region,
            3 + i64::from(n),
        ));
    }
    for (key, content_type) in ARCHIVE_OBJECTS {
        let object = StoredObject::new(*key, sample_body(key), *content_type, seed_time());
        // The bucket was created just above, so the put cannot fail.
        let _ = store.put(ARCHIVE_BUCKET, object);
    }
    let _ = store.put(
        other,
        StoredObject::new(
            "hello.txt",
            sample_body("hello.txt"),
            "text/plain",
            seed_time(),
        ),
    );
    store
}
