//! Building, signing and sending one OSS request, and the operations on top of it.

use bytes::Bytes;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use signing::oss::{sign_v1, sign_v4, OssResource};
use signing::CanonicalRequest;

use super::xml::{
    BucketInfoDocument, ErrorDocument, ListAllMyBucketsResult, ListBucketResult, LocationConstraint,
};
use super::{region_of_location, BucketSummary, ObjectPage, ObjectSummary, OssClient};
use crate::http::transport_error;
use crate::retry::{Failure, Idempotency};
use crate::retry_hint::retry_hint;
use crate::{ClientError, ErrorKind, Service};

/// Percent-encodes everything but unreserved characters, `/` included, as oss2 does.
const KEY_ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Bytes to read from an object: `first..=last`, or to the end when `last` is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObjectRange {
    pub first: u64,
    pub last: Option<u64>,
}

/// The CRC OSS reports in `x-oss-hash-crc64ecma` (CRC-64/XZ).
const CRC64: crc::Crc<u64> = crc::Crc::<u64>::new(&crc::CRC_64_XZ);

struct Answer {
    body: Bytes,
    headers: reqwest::header::HeaderMap,
    request_id: Option<String>,
}

impl OssClient {
    /// Every bucket of the account, across all pages and regions.
    pub async fn list_buckets(&self) -> Result<Vec<BucketSummary>, ClientError> {
        let mut buckets = Vec::new();
        let mut marker = String::new();
        loop {
            let mut query = vec![("max-keys", "1000")];
            if !marker.is_empty() {
                query.push(("marker", marker.as_str()));
            }
            let answer = self.send("GET", None, "", &query, None).await?;
            let (page, next_marker) = bucket_page(parse_xml(&answer)?);
            buckets.extend(page);
            match next_marker {
                Some(next) => marker = next,
                None => return Ok(buckets),
            }
        }
    }

    pub async fn bucket_info(&self, bucket: &str) -> Result<BucketSummary, ClientError> {
        let answer = self
            .send("GET", Some(bucket), "", &[("bucketInfo", "")], None)
            .await?;
        let document: BucketInfoDocument = parse_xml(&answer)?;
        Ok(bucket_summary(document.bucket))
    }

    /// The bucket's plain region id, e.g. `cn-hangzhou`.
    pub async fn bucket_region(&self, bucket: &str) -> Result<String, ClientError> {
        let answer = self
            .send("GET", Some(bucket), "", &[("location", "")], None)
            .await?;
        let document: LocationConstraint = parse_xml(&answer)?;
        Ok(region_of_location(document.location.trim()).to_owned())
    }

    /// One page of the objects under `prefix`; with a delimiter, "folders" come separately.
    pub async fn list_objects(
        &self,
        bucket: &str,
        prefix: &str,
        delimiter: Option<&str>,
        continuation_token: Option<&str>,
        max_keys: u32,
    ) -> Result<ObjectPage, ClientError> {
        let max_keys = max_keys.to_string();
        let mut query = vec![
            ("list-type", "2"),
            ("prefix", prefix),
            ("max-keys", max_keys.as_str()),
            ("encoding-type", "url"),
        ];
        if let Some(delimiter) = delimiter {
            query.push(("delimiter", delimiter));
        }
        if let Some(token) = continuation_token {
            query.push(("continuation-token", token));
        }
        let answer = self.send("GET", Some(bucket), "", &query, None).await?;
        let page: ListBucketResult = parse_xml(&answer)?;
        Ok(object_page(page))
    }

    /// Reads an object (or a range of it). A whole object is checked against its CRC64.
    pub async fn get_object(
        &self,
        bucket: &str,
        key: &str,
        range: Option<ObjectRange>,
    ) -> Result<Bytes, ClientError> {
        let range_header = range.map(|r| match r.last {
            Some(last) => format!("bytes={}-{last}", r.first),
            None => format!("bytes={}-", r.first),
        });
        let answer = self
            .send("GET", Some(bucket), key, &[], range_header.as_deref())
            .await?;
        if range.is_none() {
            let sent = answer
                .headers
                .get("x-oss-hash-crc64ecma")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<u64>().ok());
            if let Some(sent) = sent {
                let actual = CRC64.checksum(&answer.body);
                if sent != actual {
                    return Err(ClientError::ResponseCorrupt {
                        service: Service::Oss,
                        detail: format!("object {key} failed its CRC64 check"),
                        request_id: answer.request_id,
                    });
                }
            }
        }
        Ok(answer.body)
    }

    /// Sends one request, retrying per policy (every operation here is a read).
    async fn send(
        &self,
        method: &str,
        bucket: Option<&str>,
        key: &str,
        query: &[(&str, &str)],
        range: Option<&str>,
    ) -> Result<Answer, ClientError> {
        self.retry
            .run(Idempotency::Idempotent, || {
                self.send_once(method, bucket, key, query, range)
            })
            .await
    }

    async fn send_once(
        &self,
        method: &str,
        bucket: Option<&str>,
        key: &str,
        query: &[(&str, &str)],
        range: Option<&str>,
    ) -> Result<Answer, Failure> {
        let (base, path) = self.url_parts(bucket, key);
        let mut canonical = CanonicalRequest::new(method, path.as_str());
        for (name, value) in query {
            canonical = canonical.with_query(*name, *value);
        }
        if let Some(range) = range {
            canonical = canonical.with_header("range", range);
        }
        let resource = match bucket {
            Some(bucket) => OssResource::object(bucket, key),
            None => OssResource::service(),
        };
        let now = self.clock.now();
        let signed = match &self.config.region {
            Some(region) => sign_v4(
                &canonical,
                &resource,
                &self.config.credentials,
                region,
                now,
                &[],
            ),
            None => sign_v1(&canonical, &resource, &self.config.credentials, now),
        };
        let mut headers = signed
            .to_header_map()
            .map_err(|e| ClientError::InvalidRequest(e.to_string()))?;
        if let Some(range) = range {
            headers.insert(
                reqwest::header::RANGE,
                reqwest::header::HeaderValue::from_str(range)
                    .map_err(|e| ClientError::InvalidRequest(e.to_string()))?,
            );
        }
        let mut url = format!("{base}{path}");
        let encoded_query: Vec<String> = query
            .iter()
            .map(|(name, value)| {
                if value.is_empty() {
                    (*name).to_owned()
                } else {
                    format!("{name}={}", utf8_percent_encode(value, KEY_ENCODE))
                }
            })
            .collect();
        if !encoded_query.is_empty() {
            url.push('?');
            url.push_str(&encoded_query.join("&"));
        }
        let endpoint = &self.config.endpoint;
        let method = reqwest::Method::from_bytes(method.as_bytes())
            .map_err(|e| ClientError::InvalidRequest(e.to_string()))?;
        let response = self
            .http
            .request(method, &url)
            .headers(headers)
            .send()
            .await
            .map_err(|e| transport_error(Service::Oss, endpoint, &e, false))?;
        crate::http::refuse_redirect(Service::Oss, endpoint, &response)?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response
            .bytes()
            .await
            .map_err(|e| transport_error(Service::Oss, endpoint, &e, true))?;
        let request_id = headers
            .get("x-oss-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        if status < 300 {
            return Ok(Answer {
                body,
                headers,
                request_id,
            });
        }
        let error: ErrorDocument = parse_body(&body).map_err(|e| ClientError::ResponseCorrupt {
            service: Service::Oss,
            detail: format!("HTTP {status} with an unreadable error body: {e}"),
            request_id: request_id.clone(),
        })?;
        let retry_after = retry_hint(&headers, self.clock.now());
        let error = ClientError::Service {
            service: Service::Oss,
            kind: match super::classify(&error.code) {
                ErrorKind::Other if status >= 500 => ErrorKind::ServerError,
                kind => kind,
            },
            status,
            code: error.code,
            message: error.message,
            request_id,
        };
        Err(Failure { error, retry_after })
    }

    /// Path-style for IP and `localhost` endpoints (as oss2 decides), else virtual-hosted.
    fn url_parts(&self, bucket: Option<&str>, key: &str) -> (String, String) {
        let endpoint = self.config.endpoint.trim_end_matches('/');
        let encoded_key = utf8_percent_encode(key, KEY_ENCODE).to_string();
        let Some(bucket) = bucket else {
            return (endpoint.to_owned(), "/".to_owned());
        };
        let (scheme, host) = endpoint.split_once("://").unwrap_or(("https", endpoint));
        let host_name = host.rsplit_once(':').map_or(host, |(h, _)| h);
        let path_style = host_name == "localhost"
            || host_name.parse::<std::net::Ipv4Addr>().is_ok()
            || host_name.starts_with('[');
        if path_style {
            (endpoint.to_owned(), format!("/{bucket}/{encoded_key}"))
        } else {
            (
                format!("{scheme}://{bucket}.{host}"),
                format!("/{encoded_key}"),
            )
        }
    }
}

fn parse_xml<T: serde::de::DeserializeOwned>(answer: &Answer) -> Result<T, ClientError> {
    parse_body(&answer.body).map_err(|e| ClientError::ResponseCorrupt {
        service: Service::Oss,
        detail: format!("the XML answer did not parse: {e}"),
        request_id: answer.request_id.clone(),
    })
}

/// How every OSS answer body is read (invalid UTF-8 replaced, as the documents are UTF-8 XML).
pub(super) fn parse_body<T: serde::de::DeserializeOwned>(
    body: &[u8],
) -> Result<T, quick_xml::DeError> {
    quick_xml::de::from_str(&String::from_utf8_lossy(body))
}

/// One ListBuckets page: its buckets, and the marker of the next page if there is one.
pub(super) fn bucket_page(page: ListAllMyBucketsResult) -> (Vec<BucketSummary>, Option<String>) {
    let next_marker = page
        .next_marker
        .filter(|m| page.is_truncated && !m.is_empty());
    let buckets = page
        .buckets
        .bucket
        .into_iter()
        .map(bucket_summary)
        .collect();
    (buckets, next_marker)
}

pub(super) fn bucket_summary(entry: super::xml::BucketEntry) -> BucketSummary {
    let region = entry
        .region
        .clone()
        .unwrap_or_else(|| region_of_location(&entry.location).to_owned());
    BucketSummary {
        name: entry.name,
        region,
        location: entry.location,
        creation_date: entry.creation_date,
        extranet_endpoint: entry.extranet_endpoint,
        storage_class: entry.storage_class,
    }
}

/// A ListObjectsV2 page as the app sees it: keys and prefixes URL-decoded when OSS encoded them.
pub(super) fn object_page(page: ListBucketResult) -> ObjectPage {
    let url_encoded = page.encoding_type.as_deref() == Some("url");
    let decode = |text: String| {
        if url_encoded {
            percent_encoding::percent_decode_str(&text)
                .decode_utf8_lossy()
                .into_owned()
        } else {
            text
        }
    };
    ObjectPage {
        objects: page
            .contents
            .into_iter()
            .map(|o| ObjectSummary {
                key: decode(o.key),
                size: o.size,
                last_modified: o.last_modified,
                etag: o.etag,
            })
            .collect(),
        common_prefixes: page
            .common_prefixes
            .into_iter()
            .map(|p| decode(p.prefix))
            .collect(),
        next_continuation_token: page
            .next_continuation_token
            .filter(|t| page.is_truncated && !t.is_empty())
            .map(decode),
    }
}
