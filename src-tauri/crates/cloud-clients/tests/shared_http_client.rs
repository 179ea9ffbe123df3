//! Clients built from the same settings share one connection pool: the app builds a client
//! per command, and each used to open its own TCP (and, in the cloud, TLS) connection.
//! A loopback server counts the connections it accepts and answers every request with a
//! bucket list on a kept-alive connection.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use cloud_clients::oss::{OssClient, OssConfig};
use cloud_clients::{HttpSettings, RetryPolicy, SystemClock};
use signing::{AccessKeyId, Credentials, Secret};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const BUCKETS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListAllMyBucketsResult>\
<Buckets><Bucket><Name>only</Name><Location>oss-cn-hangzhou</Location></Bucket></Buckets>\
</ListAllMyBucketsResult>";

async fn serve(listener: TcpListener, connections: Arc<AtomicUsize>) {
    while let Ok((stream, _)) = listener.accept().await {
        connections.fetch_add(1, Ordering::SeqCst);
        tokio::spawn(answer_connection(stream));
    }
}

async fn answer_connection(mut stream: TcpStream) {
    let mut pending = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        // GET requests have no body: a request ends at its blank line.
        let end = loop {
            if let Some(at) = pending.windows(4).position(|w| w == b"\r\n\r\n") {
                break at + 4;
            }
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(n) => pending.extend_from_slice(&buffer[..n]),
            }
        };
        pending.drain(..end);
        let answer = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nx-oss-request-id: R\r\n\
             Content-Length: {}\r\n\r\n{BUCKETS}",
            BUCKETS.len()
        );
        if stream.write_all(answer.as_bytes()).await.is_err() {
            return;
        }
    }
}

fn client(endpoint: &str, settings: &HttpSettings) -> OssClient {
    OssClient::new(
        OssConfig {
            endpoint: endpoint.to_owned(),
            region: None,
            credentials: Credentials::new(
                AccessKeyId::parse("LTAI5tTestKeyForPools").expect("key id"),
                Secret::new("secret".to_owned()),
            ),
        },
        settings,
        Arc::new(SystemClock),
        RetryPolicy::default(),
    )
    .expect("client")
}

#[tokio::test]
async fn clients_built_from_the_same_settings_reuse_one_connection() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("binds");
    let endpoint = format!("http://{}", listener.local_addr().expect("address"));
    let connections = Arc::new(AtomicUsize::new(0));
    tokio::spawn(serve(listener, connections.clone()));
    let settings = HttpSettings::for_app("cloud-clients-tests", "0");

    // Two "commands", each with its own client, as the app makes them.
    for _ in 0..2 {
        let buckets = client(&endpoint, &settings)
            .list_buckets()
            .await
            .expect("lists");
        assert_eq!(buckets[0].name, "only");
    }
    assert_eq!(connections.load(Ordering::SeqCst), 1);

    // A clone shares the pool too (the app's services hold the settings and lend them out).
    let clone = settings.clone();
    client(&endpoint, &clone)
        .list_buckets()
        .await
        .expect("lists");
    assert_eq!(connections.load(Ordering::SeqCst), 1);

    // Changed settings get a client of their own, with those settings.
    let shorter = HttpSettings {
        read_timeout: Duration::from_secs(3),
        ..settings.clone()
    };
    client(&endpoint, &shorter)
        .list_buckets()
        .await
        .expect("lists");
    assert_eq!(connections.load(Ordering::SeqCst), 2);
}
