//! DeleteBucket over HTTP, as OSS answers it: `DELETE /` on the bucket, 204 once the bucket is
//! gone, `BucketNotEmpty` (409) while it holds objects, `NoSuchBucket` (404) when it never
//! existed or is already gone; a DELETE naming a bucket configuration deletes nothing.

mod oss_support;

use oss_support::{element, small_sandbox, status_and_code, OssRequest};
use sandbox::Sandbox;

/// An empty seed bucket in the instance's region.
const EMPTY_BUCKET: &str = "sandbox-logs-07";
/// A seed bucket holding sample objects.
const FULL_BUCKET: &str = "sandbox-archive";

async fn listed_names(sandbox: &Sandbox) -> Vec<String> {
    let answer = OssRequest::list_buckets()
        .query("max-keys", "1000")
        .send(&sandbox.endpoints().oss)
        .await
        .expect("answers");
    let xml = answer.text().await.expect("body");
    xml.split("<Name>")
        .skip(1)
        .filter_map(|part| part.split_once("</Name>").map(|(name, _)| name.to_owned()))
        .collect()
}

#[tokio::test]
async fn an_empty_bucket_is_deleted_with_204_and_is_gone_from_every_call_afterwards() {
    let sandbox = small_sandbox().await;
    let base = &sandbox.endpoints().oss;
    assert!(listed_names(&sandbox)
        .await
        .contains(&EMPTY_BUCKET.to_owned()));

    let deleted = OssRequest::new("DELETE", Some(EMPTY_BUCKET), "")
        .send(base)
        .await
        .expect("answers");
    assert_eq!(deleted.status(), 204);
    assert_eq!(deleted.headers()["x-oss-request-id"].len(), 24);
    assert_eq!(deleted.bytes().await.expect("body").len(), 0);

    assert!(!listed_names(&sandbox)
        .await
        .contains(&EMPTY_BUCKET.to_owned()));
    assert!(listed_names(&sandbox)
        .await
        .contains(&"sandbox-logs-06".to_owned()));
    let info = OssRequest::new("GET", Some(EMPTY_BUCKET), "")
        .query("bucketInfo", "")
        .send(base)
        .await
        .expect("answers");
    let (status, code, xml) = status_and_code(info).await;
    assert_eq!((status, code.as_str()), (404, "NoSuchBucket"));
    assert_eq!(element(&xml, "BucketName").as_deref(), Some(EMPTY_BUCKET));
    let put = OssRequest::new("PUT", Some(EMPTY_BUCKET), "a.txt")
        .body(b"late")
        .send(base)
        .await
        .expect("answers");
    assert_eq!(status_and_code(put).await.1, "NoSuchBucket");

    let again = OssRequest::new("DELETE", Some(EMPTY_BUCKET), "")
        .send(base)
        .await
        .expect("answers");
    let (status, code, _) = status_and_code(again).await;
    assert_eq!((status, code.as_str()), (404, "NoSuchBucket"));
}

#[tokio::test]
async fn a_bucket_holding_objects_is_refused_with_bucket_not_empty_until_emptied() {
    let sandbox = small_sandbox().await;
    let base = &sandbox.endpoints().oss;
    let refused = OssRequest::new("DELETE", Some(FULL_BUCKET), "")
        .send(base)
        .await
        .expect("answers");
    let (status, code, xml) = status_and_code(refused).await;
    assert_eq!((status, code.as_str()), (409, "BucketNotEmpty"));
    assert_eq!(
        element(&xml, "Message").as_deref(),
        Some("The bucket you tried to delete is not empty.")
    );
    assert_eq!(element(&xml, "BucketName").as_deref(), Some(FULL_BUCKET));
    let store = &sandbox.state().oss;
    assert!(store.bucket(FULL_BUCKET).is_some());

    let keys: Vec<String> = store
        .list_objects(FULL_BUCKET, "")
        .expect("bucket exists")
        .iter()
        .map(|object| object.key.clone())
        .collect();
    assert_eq!(keys.len(), 5);
    for key in &keys {
        let removed = OssRequest::new("DELETE", Some(FULL_BUCKET), key)
            .send(base)
            .await
            .expect("answers");
        assert_eq!(removed.status(), 204);
    }
    let deleted = OssRequest::new("DELETE", Some(FULL_BUCKET), "")
        .send(base)
        .await
        .expect("answers");
    assert_eq!(deleted.status(), 204);
    assert_eq!(store.bucket(FULL_BUCKET), None);
}

#[tokio::test]
async fn a_bucket_that_never_existed_is_no_such_bucket() {
    let sandbox = small_sandbox().await;
    let answer = OssRequest::new("DELETE", Some("sandbox-never-made"), "")
        .send(&sandbox.endpoints().oss)
        .await
        .expect("answers");
    let (status, code, _) = status_and_code(answer).await;
    assert_eq!((status, code.as_str()), (404, "NoSuchBucket"));
}

#[tokio::test]
async fn a_delete_signed_with_v4_for_the_buckets_region_deletes_it() {
    let sandbox = small_sandbox().await;
    let region = sandbox.state().region.clone();
    let answer = OssRequest::new("DELETE", Some(EMPTY_BUCKET), "")
        .v4(&region)
        .send(&sandbox.endpoints().oss)
        .await
        .expect("answers");
    assert_eq!(answer.status(), 204);
    assert_eq!(sandbox.state().oss.bucket(EMPTY_BUCKET), None);
}

#[tokio::test]
async fn a_delete_with_a_wrong_secret_is_refused_and_deletes_nothing() {
    let sandbox = small_sandbox().await;
    let answer = OssRequest::new("DELETE", Some(EMPTY_BUCKET), "")
        .signed_by(oss_support::credentials(
            sandbox::accounts::DEMO_ACCESS_KEY_ID,
            "NotTheSecret000000000000000001",
        ))
        .send(&sandbox.endpoints().oss)
        .await
        .expect("answers");
    let (status, code, _) = status_and_code(answer).await;
    assert_eq!((status, code.as_str()), (403, "SignatureDoesNotMatch"));
    assert!(sandbox.state().oss.bucket(EMPTY_BUCKET).is_some());
}

#[tokio::test]
async fn a_delete_naming_a_bucket_configuration_does_not_delete_the_bucket() {
    let sandbox = small_sandbox().await;
    let answer = OssRequest::new("DELETE", Some(EMPTY_BUCKET), "")
        .query("cors", "")
        .send(&sandbox.endpoints().oss)
        .await
        .expect("answers");
    let (status, code, _) = status_and_code(answer).await;
    assert_eq!((status, code.as_str()), (501, "NotImplemented"));
    assert!(sandbox.state().oss.bucket(EMPTY_BUCKET).is_some());
}
