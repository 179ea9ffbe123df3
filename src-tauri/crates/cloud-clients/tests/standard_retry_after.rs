//! The standard `Retry-After` header (RFC 9110, whole seconds) over loopback.
//!
//! The sandbox sends only Alibaba's `x-acs-retry-after` (from its OpenAPI gateway), so a small
//! local server stands in for a service or proxy that throttles with the standard header: its
//! first answer is OSS's `SlowDown` (HTTP 503) with `Retry-After: 1`, every later one a bucket
//! list. Signatures are not checked here; the sandbox tests do that.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use cloud_clients::oss::{OssClient, OssConfig};
use cloud_clients::{HttpSettings, RetryPolicy, SystemClock};
use signing::{AccessKeyId, Credentials, Secret};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const THROTTLED: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>\
<Message>Please reduce your request rate.</Message><RequestId>R1</RequestId></Error>";

const BUCKETS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListAllMyBucketsResult>\
<Buckets><Bucket><Name>only</Name><Location>oss-cn-hangzhou</Location></Bucket></Buckets>\
</ListAllMyBucketsResult>";

/// Serves requests until the test ends, counting them; the first is throttled.
async fn serve(listener: TcpListener, requests: Arc<AtomicUsize>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            return;
        };
        tokio::spawn(answer_connection(stream, requests.clone()));
    }
}

async fn answer_connection(mut stream: TcpStream, requests: Arc<AtomicUsize>) {
    let mut pending = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        // GET requests have no body: a request ends at its blank line.
        while !pending.windows(4).any(|w| w == b"\r\n\r\n") {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(n) => pending.extend_from_slice(&buffer[..n]),
            }
        }
        let end = pending
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("seen above")
            + 4;
        pending.drain(..end);
        let first = requests.fetch_add(1, Ordering::SeqCst) == 0;
        let (status, extra, body) = if first {
            ("503 Service Unavailable", "Retry-After: 1\r\n", THROTTLED)
        } else {
            ("200 OK", "", BUCKETS)
        };
        let answer = format!(
            "HTTP/1.1 {status}\r\nContent-Type: application/xml\r\n{extra}\
             x-oss-request-id: R\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        if stream.write_all(answer.as_bytes()).await.is_err() {
            return;
        }
    }
}

#[tokio::test]
async fn a_503_with_retry_after_in_seconds_is_retried_once_after_that_wait() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("binds");
    let endpoint = format!("http://{}", listener.local_addr().expect("address"));
    let requests = Arc::new(AtomicUsize::new(0));
    tokio::spawn(serve(listener, requests.clone()));
    let client = OssClient::new(
        OssConfig {
            endpoint,
            region: None,
            credentials: Credentials::new(
                AccessKeyId::parse("LTAI5tTestKeyForRetry").expect("key id"),
                Secret::new("secret".to_owned()),
            ),
        },
        &HttpSettings::for_app("cloud-clients-tests", "0"),
        Arc::new(SystemClock),
        // Our own back-off would retry within 10 ms: only the hint can make it a second.
        RetryPolicy {
            max_attempts: 3,
            throttled_base: Duration::from_millis(2),
            base: Duration::from_millis(2),
            max_delay: Duration::from_millis(10),
            ..RetryPolicy::default()
        },
    )
    .expect("client");
    let started = Instant::now();
    let buckets = client.list_buckets().await.expect("retried to success");
    let waited = started.elapsed();
    assert_eq!(buckets.len(), 1);
    assert_eq!(buckets[0].name, "only");
    assert_eq!(
        requests.load(Ordering::SeqCst),
        2,
        "throttled once, then listed"
    );
    assert!(waited >= Duration::from_secs(1), "retried after {waited:?}");
}
