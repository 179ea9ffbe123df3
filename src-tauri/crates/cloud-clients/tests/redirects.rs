//! A redirect is never followed: reqwest would resend our signed headers (an STS token among
//! them) to the address it names, plain http included. Server A answers every request with a
//! 307 to server B; B must receive nothing, and the caller gets a coded error naming B.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use cloud_clients::tablestore::{TablestoreClient, TablestoreConfig};
use cloud_clients::{ClientError, ErrorKind, HttpSettings, RetryPolicy, SystemClock};
use signing::{AccessKeyId, Credentials, Secret, SecurityToken};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const TOKEN: &str = "TokenThatMustNotTravel0001";

/// Counts requests; answers each with `answer` and closes the connection.
async fn serve(listener: TcpListener, requests: Arc<AtomicUsize>, answer: String) {
    while let Ok((mut stream, _)) = listener.accept().await {
        let mut seen = Vec::new();
        let mut buffer = [0u8; 4096];
        while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => seen.extend_from_slice(&buffer[..n]),
            }
        }
        requests.fetch_add(1, Ordering::SeqCst);
        let _ = stream.write_all(answer.as_bytes()).await;
    }
}

#[tokio::test]
async fn a_redirect_is_reported_not_followed_and_not_retried() {
    let elsewhere = TcpListener::bind("127.0.0.1:0").await.expect("binds");
    let target = format!(
        "http://localhost:{}/ListTable",
        elsewhere.local_addr().expect("addr").port()
    );
    let target_requests = Arc::new(AtomicUsize::new(0));
    tokio::spawn(serve(
        elsewhere,
        target_requests.clone(),
        "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .into(),
    ));
    let endpoint = TcpListener::bind("127.0.0.1:0").await.expect("binds");
    let address = format!("http://{}", endpoint.local_addr().expect("addr"));
    let endpoint_requests = Arc::new(AtomicUsize::new(0));
    tokio::spawn(serve(
        endpoint,
        endpoint_requests.clone(),
        format!("HTTP/1.1 307 Temporary Redirect\r\nLocation: {target}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    ));
    let client = TablestoreClient::new(
        TablestoreConfig {
            endpoint: address.clone(),
            instance: "inst".into(),
            region: None,
            credentials: Credentials::new(
                AccessKeyId::parse("STS.NTestKeyForRedirects").expect("key id"),
                Secret::new("secret".to_owned()),
            )
            .with_security_token(SecurityToken::new(TOKEN.to_owned())),
        },
        &HttpSettings::for_app("cloud-clients-tests", "0"),
        Arc::new(SystemClock),
        RetryPolicy::default(),
    )
    .expect("client");
    let error = client.list_tables().await.expect_err("redirected");
    assert_eq!(error.kind(), ErrorKind::Network, "{error}");
    match &error {
        ClientError::Redirected {
            endpoint,
            status,
            location,
            ..
        } => {
            assert_eq!((endpoint.as_str(), *status), (address.as_str(), 307));
            assert_eq!(location, &target);
        }
        other => panic!("not a redirect error: {other:?}"),
    }
    assert!(!error.to_string().contains(TOKEN));
    assert_eq!(endpoint_requests.load(Ordering::SeqCst), 1, "not retried");
    assert_eq!(target_requests.load(Ordering::SeqCst), 0, "not followed");
}
