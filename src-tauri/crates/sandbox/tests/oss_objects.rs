//! Object and listing calls over HTTP: uploads with Content-MD5, ranges, ListObjectsV2 pages,
//! virtual-hosted addressing, and data written through the store's direct API.

mod oss_support;

use oss_support::{element, small_sandbox, status_and_code, OssRequest};

#[tokio::test]
async fn put_checks_content_md5_and_answers_etag_and_crc64() {
    let sandbox = small_sandbox().await;
    let base = &sandbox.endpoints().oss;
    let mismatch = OssRequest::new("PUT", Some("sandbox-delivery"), "a.txt")
        .header("content-md5", "XUFAKrxLKna5cZ2REBfFkg==")
        .body(b"not hello");
    let (status, code, _) = status_and_code(mismatch.send(base).await.expect("answers")).await;
    assert_eq!((status, code.as_str()), (400, "InvalidDigest"));

    let good = OssRequest::new("PUT", Some("sandbox-delivery"), "dir/a b+c.txt")
        .header("content-md5", "XUFAKrxLKna5cZ2REBfFkg==")
        .header("content-type", "text/plain")
        .body(b"hello")
        .send(base)
        .await
        .expect("answers");
    assert_eq!(good.status(), 200);
    assert_eq!(
        good.headers()["etag"],
        "\"5D41402ABC4B2A76B9719D911017C592\""
    );
    let stored = sandbox
        .state()
        .oss
        .get_object("sandbox-delivery", "dir/a b+c.txt")
        .expect("stored under the decoded key");
    assert_eq!(
        good.headers()["x-oss-hash-crc64ecma"],
        stored.crc64.to_string().as_str()
    );
    assert_eq!(stored.content_type, "text/plain");
}

#[tokio::test]
async fn ranges_answer_206_and_invalid_ones_the_whole_object() {
    let sandbox = small_sandbox().await;
    let base = &sandbox.endpoints().oss;
    sandbox
        .state()
        .oss
        .put_object(
            "sandbox-delivery",
            "r.txt",
            &b"0123456789"[..],
            "text/plain",
            chrono::Utc::now(),
        )
        .expect("bucket exists");
    let get = |range: &str| {
        OssRequest::new("GET", Some("sandbox-delivery"), "r.txt").header("range", range)
    };
    let part = get("bytes=2-5").send(base).await.expect("answers");
    assert_eq!(part.status(), 206);
    assert_eq!(part.headers()["content-range"], "bytes 2-5/10");
    assert_eq!(part.bytes().await.expect("body").as_ref(), b"2345");
    let whole = get("bytes=5-100").send(base).await.expect("answers");
    assert_eq!(whole.status(), 200);
    assert_eq!(whole.bytes().await.expect("body").as_ref(), b"0123456789");
    let refused = get("bytes=10-20")
        .header("x-oss-range-behavior", "standard")
        .send(base)
        .await
        .expect("answers");
    let (status, code, _) = status_and_code(refused).await;
    assert_eq!((status, code.as_str()), (416, "InvalidRange"));
}

#[tokio::test]
async fn list_objects_v2_url_encodes_names_and_pages_with_tokens() {
    let sandbox = small_sandbox().await;
    let base = &sandbox.endpoints().oss;
    let list = |token: &str, max_keys: &str| {
        OssRequest::new("GET", Some("sandbox-archive"), "")
            .query("list-type", "2")
            .query("delimiter", "/")
            .query("prefix", "")
            .query("continuation-token", token)
            .query("max-keys", max_keys)
            .query("encoding-type", "url")
    };
    let first = list("", "2").send(base).await.expect("answers");
    assert_eq!(first.status(), 200);
    let body = first.text().await.expect("body");
    assert_eq!(element(&body, "EncodingType").as_deref(), Some("url"));
    assert_eq!(element(&body, "Delimiter").as_deref(), Some("%2F"));
    assert_eq!(element(&body, "KeyCount").as_deref(), Some("2"));
    assert_eq!(element(&body, "IsTruncated").as_deref(), Some("true"));
    assert!(
        body.contains("<CommonPrefixes><Prefix>dir%2F</Prefix></CommonPrefixes>"),
        "{body}"
    );
    let token = element(&body, "NextContinuationToken").expect("token");
    let second = list(&token, "2").send(base).await.expect("answers");
    let body = second.text().await.expect("body");
    assert_eq!(element(&body, "Key").as_deref(), Some("readme.txt"));
    assert_eq!(element(&body, "IsTruncated").as_deref(), Some("false"));
    let bad = list("", "5000").send(base).await.expect("answers");
    let (status, code, _) = status_and_code(bad).await;
    assert_eq!((status, code.as_str()), (400, "InvalidArgument"));
}

#[tokio::test]
async fn virtual_hosted_requests_take_the_bucket_from_the_host() {
    let sandbox = small_sandbox().await;
    let mut request = OssRequest::new("GET", Some("sandbox-archive"), "unicode/数据/文件.txt");
    request.host = Some("sandbox-archive.oss-cn-hangzhou.aliyuncs.com".to_owned());
    let response = request
        .send(&sandbox.endpoints().oss)
        .await
        .expect("answers");
    assert_eq!(response.status(), 200);
    let text = response.text().await.expect("body");
    assert!(text.contains("unicode/数据/文件.txt"), "{text}");
}

#[tokio::test]
async fn objects_written_through_the_store_api_are_served_over_http_and_vice_versa() {
    let sandbox = small_sandbox().await;
    let base = &sandbox.endpoints().oss;
    let store = &sandbox.state().oss;
    assert_eq!(
        store.bucket_region("sandbox-beijing").as_deref(),
        Some("cn-beijing")
    );
    assert_eq!(
        store.bucket_region("sandbox-delivery").as_deref(),
        Some("cn-hangzhou")
    );
    store
        .put_object(
            "sandbox-delivery",
            "exports/t/part-0.parquet",
            &b"PAR1....PAR1"[..],
            "application/octet-stream",
            chrono::Utc::now(),
        )
        .expect("bucket exists");
    let got = OssRequest::new("GET", Some("sandbox-delivery"), "exports/t/part-0.parquet")
        .send(base)
        .await
        .expect("answers");
    assert_eq!(got.status(), 200);
    assert_eq!(got.bytes().await.expect("body").as_ref(), b"PAR1....PAR1");

    let put = OssRequest::new("PUT", Some("sandbox-delivery"), "exports/t/part-1.parquet")
        .body(b"PAR1xxPAR1")
        .send(base)
        .await
        .expect("answers");
    assert_eq!(put.status(), 200);
    let listed: Vec<String> = store
        .list_objects("sandbox-delivery", "exports/t/")
        .expect("bucket exists")
        .iter()
        .map(|o| o.key.clone())
        .collect();
    assert_eq!(
        listed,
        ["exports/t/part-0.parquet", "exports/t/part-1.parquet"]
    );

    let deleted = OssRequest::new(
        "DELETE",
        Some("sandbox-delivery"),
        "exports/t/part-0.parquet",
    )
    .send(base)
    .await
    .expect("answers");
    assert_eq!(deleted.status(), 204);
    assert!(store
        .get_object("sandbox-delivery", "exports/t/part-0.parquet")
        .is_err());
}

#[tokio::test]
async fn unknown_buckets_and_bad_names_get_the_service_codes() {
    let sandbox = small_sandbox().await;
    let base = &sandbox.endpoints().oss;
    let missing = OssRequest::new("GET", Some("sandbox-nowhere"), "").query("bucketInfo", "");
    let (status, code, xml) = status_and_code(missing.send(base).await.expect("answers")).await;
    assert_eq!((status, code.as_str()), (404, "NoSuchBucket"));
    assert_eq!(
        element(&xml, "BucketName").as_deref(),
        Some("sandbox-nowhere")
    );
    let long_key = "k".repeat(1024);
    let too_long = OssRequest::new("PUT", Some("sandbox-delivery"), &long_key).body(b"x");
    let (status, code, _) = status_and_code(too_long.send(base).await.expect("answers")).await;
    assert_eq!((status, code.as_str()), (400, "InvalidObjectName"));
}
