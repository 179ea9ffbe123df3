//! Checks one record signed by an official Python SDK against this crate.
//!
//! Records come from `tests/conformance/signing/sdk_signers.py` (via `gen_fixtures.py` for the
//! committed known answers and `gen_random.py` for the per-run random set). For each record:
//! 1. our signer, given the same inputs, must add exactly the headers / parameters the SDK
//!    added (byte for byte);
//! 2. our verifier must accept the SDK-signed request;
//! 3. our verifier must reject it after a one-character change to each signed part, with a
//!    wrong secret, and with a clock 16 minutes away.
//!
//! Shared by `tests/known_answers.rs` and `examples/conformance_check.rs`.

use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;
use signing::oss::OssResource;
use signing::tablestore::{TablestoreSigningKey, TablestoreVersion};
use signing::{
    acs, oss, tablestore, AccessKeyId, CanonicalRequest, Credentials, Freshness, HeaderList,
    Secret, SecurityToken, SignError,
};

type Pairs = Vec<(String, String)>;

fn field<'v>(record: &'v Value, key: &str) -> Result<&'v str, String> {
    record[key]
        .as_str()
        .ok_or_else(|| format!("record has no string `{key}`"))
}

fn optional(record: &Value, key: &str) -> Option<String> {
    record[key].as_str().map(str::to_owned)
}

fn pairs(record: &Value, key: &str) -> Result<Pairs, String> {
    let Some(items) = record[key].as_array() else {
        return Ok(Vec::new());
    };
    items
        .iter()
        .map(|pair| match (pair[0].as_str(), pair[1].as_str()) {
            (Some(n), Some(v)) => Ok((n.to_owned(), v.to_owned())),
            _ => Err(format!("`{key}` holds a pair that is not two strings")),
        })
        .collect()
}

fn credentials(record: &Value) -> Result<Credentials, String> {
    let id = AccessKeyId::parse(field(record, "ak")?).map_err(|e| e.to_string())?;
    let creds = Credentials::new(id, Secret::from(field(record, "secret")?));
    Ok(match optional(record, "token") {
        Some(token) => creds.with_security_token(SecurityToken::new(token)),
        None => creds,
    })
}

fn wrong_secret(creds: &Credentials) -> Credentials {
    Credentials::new(
        creds.access_key_id.clone(),
        Secret::new(format!("{}x", creds.access_key_secret.expose_secret())),
    )
}

fn parse_now(record: &Value) -> Result<DateTime<Utc>, String> {
    let text = field(record, "now")?;
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("bad `now` {text}: {e}"))
}

fn fresh(now: DateTime<Utc>) -> Freshness {
    Freshness::new(now, Freshness::FIFTEEN_MINUTES)
}

/// A verifier clock 16 minutes after `signed_at`: one minute past the limit.
fn late(signed_at: DateTime<Utc>) -> Freshness {
    Freshness::new(
        signed_at + Duration::from_mins(16),
        Freshness::FIFTEEN_MINUTES,
    )
}

fn sorted(mut items: Pairs) -> Pairs {
    items.sort();
    items
}

fn same(what: &str, ours: Pairs, sdk: Pairs) -> Result<(), String> {
    let (ours, sdk) = (sorted(ours), sorted(sdk));
    if ours == sdk {
        Ok(())
    } else {
        Err(format!("{what} differ\n  ours: {ours:?}\n  sdk:  {sdk:?}"))
    }
}

fn lower_names(items: Pairs) -> Pairs {
    items
        .into_iter()
        .map(|(n, v)| (n.to_ascii_lowercase(), v))
        .collect()
}

/// A received request as owned parts, so single parts can be changed and verified again.
#[derive(Clone, Debug, Default)]
struct Wire {
    method: String,
    path: String,
    query: Pairs,
    headers: Pairs,
    body: Vec<u8>,
    form: Pairs,
    bucket: Option<String>,
    key: String,
}

impl Wire {
    fn request(&self) -> CanonicalRequest<'_> {
        let mut request = CanonicalRequest::new(self.method.as_str(), self.path.as_str());
        for (n, v) in &self.query {
            request = request.with_query(n.as_str(), v.as_str());
        }
        for (n, v) in &self.headers {
            request = request.with_header(n.as_str(), v.as_str());
        }
        request
    }

    fn resource(&self) -> OssResource<'_> {
        match &self.bucket {
            None => OssResource::service(),
            Some(bucket) => OssResource::object(bucket, &self.key),
        }
    }

    fn form(&self) -> Vec<(&str, &str)> {
        self.form
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect()
    }
}

/// One signed part of a request, to be changed by one character.
#[derive(Clone, Copy, Debug)]
enum Part {
    Method,
    Path,
    QueryName(usize),
    QueryValue(usize),
    HeaderValue(usize),
    Body,
    Bucket,
    Key,
    FormValue(usize),
}

/// Changes the first non-blank character (or appends one), so trimming cannot undo it.
fn nudge(text: &mut String) {
    match text.char_indices().find(|(_, c)| !c.is_whitespace()) {
        Some((i, c)) => {
            let replacement = if c == 'a' { "b" } else { "a" };
            text.replace_range(i..i + c.len_utf8(), replacement);
        }
        None => text.push('a'),
    }
}

fn tampered(wire: &Wire, part: Part) -> Wire {
    let mut changed = wire.clone();
    match part {
        Part::Method => nudge(&mut changed.method),
        Part::Path => nudge(&mut changed.path),
        Part::QueryName(i) => nudge(&mut changed.query[i].0),
        Part::QueryValue(i) => nudge(&mut changed.query[i].1),
        Part::HeaderValue(i) => nudge(&mut changed.headers[i].1),
        Part::Body => match changed.body.first_mut() {
            Some(byte) => *byte ^= 1,
            None => changed.body.push(0),
        },
        Part::Bucket => {
            if let Some(bucket) = changed.bucket.as_mut() {
                nudge(bucket);
            }
        }
        Part::Key => nudge(&mut changed.key),
        Part::FormValue(i) => nudge(&mut changed.form[i].1),
    }
    changed
}

/// Accepts `wire` as signed at `signed_at` when the verifier's clock reads `now`, then rejects
/// every listed change, a wrong secret and a clock 16 minutes after `signed_at`.
fn check_verification(
    wire: &Wire,
    parts: &[Part],
    creds: &Credentials,
    (now, signed_at): (DateTime<Utc>, DateTime<Utc>),
    verify: impl Fn(&Wire, &Credentials, &Freshness) -> Result<(), SignError>,
) -> Result<(), String> {
    verify(wire, creds, &fresh(now))
        .map_err(|e| format!("verifier rejected the SDK request: {e}"))?;
    for part in parts {
        let changed = tampered(wire, *part);
        if verify(&changed, creds, &fresh(now)).is_ok() {
            return Err(format!(
                "verifier accepted a change to {part:?}: {changed:?}"
            ));
        }
    }
    match verify(wire, &wrong_secret(creds), &fresh(now)) {
        Err(SignError::SignatureMismatch(_)) => {}
        other => return Err(format!("wrong secret gave {other:?}")),
    }
    match verify(wire, creds, &late(signed_at)) {
        Err(SignError::StaleDate { .. }) => Ok(()),
        other => Err(format!("a clock 16 minutes late gave {other:?}")),
    }
}

fn header_parts(wire: &Wire, signed: impl Fn(&str) -> bool) -> Vec<Part> {
    wire.headers
        .iter()
        .enumerate()
        .filter(|(_, (n, _))| signed(&n.to_ascii_lowercase()))
        .map(|(i, _)| Part::HeaderValue(i))
        .collect()
}

// ------------------------------------------------------------------------------ Tablestore

fn ots_version(record: &Value) -> Result<(bool, Option<(String, String)>), String> {
    match field(record, "version")? {
        "v2" => Ok((false, None)),
        "v4" => Ok((
            true,
            Some((
                field(record, "region")?.to_owned(),
                field(record, "sign_date")?.to_owned(),
            )),
        )),
        other => Err(format!("unknown Tablestore version {other}")),
    }
}

fn check_ots_request(record: &Value) -> Result<(), String> {
    let creds = credentials(record)?;
    let now = parse_now(record)?;
    let wire = Wire {
        method: field(record, "method")?.to_owned(),
        path: field(record, "path")?.to_owned(),
        query: pairs(record, "query")?,
        headers: pairs(record, "headers")?,
        ..Wire::default()
    };
    let (_, scope) = ots_version(record)?;
    let version = match &scope {
        None => TablestoreVersion::V2,
        Some((region, day)) => TablestoreVersion::V4 {
            region,
            sign_date: NaiveDate::parse_from_str(day, "%Y%m%d").map_err(|e| e.to_string())?,
        },
    };
    let added = tablestore::sign_request(&wire.request(), &creds, version);
    same(
        "added headers",
        to_pairs(added.iter()),
        pairs(record, "expected_added")?,
    )?;

    // Our standard header set must be the SDK's, value for value.
    let standard = tablestore::request_headers(
        &creds,
        field(record, "instance")?,
        now,
        field(record, "content_md5")?,
    );
    for (name, value) in standard.iter() {
        if !wire.headers.iter().any(|(n, v)| n == name && v == value) {
            return Err(format!(
                "request_headers gave {name}: {value}, the SDK did not"
            ));
        }
    }

    let mut signed = wire.clone();
    signed.headers.extend(pairs(record, "expected_added")?);
    let mut parts = vec![Part::Method, Part::Path];
    parts.extend((0..signed.query.len()).map(Part::QueryValue));
    parts.extend(header_parts(&signed, |n| {
        n.starts_with("x-ots-") && n != "x-ots-signature" && n != "x-ots-signaturev4"
    }));
    let expected_scheme = if scope.is_some() {
        signing::Scheme::TablestoreV4
    } else {
        signing::Scheme::TablestoreV2
    };
    check_verification(&signed, &parts, &creds, (now, now), |w, c, f| {
        let verified = tablestore::verify_request(&w.request(), c, f)?;
        assert_eq!(verified.scheme, expected_scheme);
        assert_eq!(verified.security_token, c.security_token);
        Ok(())
    })
}

fn check_ots_response(record: &Value) -> Result<(), String> {
    let creds = credentials(record)?;
    let now = parse_now(record)?;
    let key_for = |secret: &Secret| -> Result<TablestoreSigningKey, String> {
        Ok(match ots_version(record)?.1 {
            None => TablestoreSigningKey::v2(secret),
            Some((region, day)) => TablestoreSigningKey::v4(secret, &day, &region),
        })
    };
    let key = key_for(&creds.access_key_secret)?;
    let path = field(record, "path")?;
    let response = pairs(record, "response_headers")?;
    let mut headers = HeaderList::new();
    for (n, v) in &response {
        headers.push(n.as_str(), v.as_str());
    }
    let authorization = tablestore::sign_response(path, &headers, &creds.access_key_id, &key);
    let expected = field(record, "expected_authorization")?;
    if authorization != expected {
        return Err(format!(
            "response authorization differs\n  ours: {authorization}\n  sdk:  {expected}"
        ));
    }

    let mut signed = Wire {
        path: path.to_owned(),
        headers: response,
        ..Wire::default()
    };
    signed
        .headers
        .push(("authorization".to_owned(), authorization));
    let mut parts = vec![Part::Path];
    parts.extend(header_parts(&signed, |n| n.starts_with("x-ots-")));
    let server_date = signed
        .headers
        .iter()
        .find(|(n, _)| n == "x-ots-date")
        .map(|(_, v)| DateTime::parse_from_rfc3339(v).map(|t| t.with_timezone(&Utc)))
        .transpose()
        .map_err(|e| e.to_string())?
        .unwrap_or(now);
    check_verification(&signed, &parts, &creds, (now, server_date), |w, c, f| {
        let mut headers = HeaderList::new();
        for (n, v) in &w.headers {
            headers.push(n.as_str(), v.as_str());
        }
        let key = key_for(&c.access_key_secret).expect("version was read above");
        tablestore::verify_response(&w.path, &headers, &c.access_key_id, &key, f)
    })
}

// ------------------------------------------------------------------------------ OSS

fn check_oss(record: &Value, v4: bool) -> Result<(), String> {
    let creds = credentials(record)?;
    let now = parse_now(record)?;
    let wire = Wire {
        method: field(record, "method")?.to_owned(),
        path: "/not-used-by-oss".to_owned(),
        query: pairs(record, "query")?,
        headers: pairs(record, "headers")?,
        bucket: optional(record, "bucket"),
        key: field(record, "key")?.to_owned(),
        ..Wire::default()
    };
    let additional: Vec<String> = record["additional"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let additional: Vec<&str> = additional.iter().map(String::as_str).collect();
    let added = if v4 {
        let region = field(record, "region")?;
        oss::sign_v4(
            &wire.request(),
            &wire.resource(),
            &creds,
            region,
            now,
            &additional,
        )
    } else {
        oss::sign_v1(&wire.request(), &wire.resource(), &creds, now)
    };
    same(
        "added headers",
        to_pairs(added.iter()),
        lower_names(pairs(record, "expected_added")?),
    )?;

    let mut signed = wire.clone();
    signed.headers.extend(pairs(record, "expected_added")?);
    let mut parts = vec![Part::Method];
    if signed.bucket.is_some() {
        // A service-level call signs `/` only; bucket and key exist only below a bucket.
        parts.extend([Part::Bucket, Part::Key]);
    }
    let has_oss_date = signed
        .headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("x-oss-date"));
    if v4 {
        parts.extend((0..signed.query.len()).map(Part::QueryName));
        parts.extend((0..signed.query.len()).map(Part::QueryValue));
        parts.extend(header_parts(&signed, |n| {
            n.starts_with("x-oss-")
                || n == "content-type"
                || n == "content-md5"
                || additional.contains(&n)
        }));
    } else {
        for (i, (name, _)) in signed.query.iter().enumerate() {
            if is_v1_subresource(name) {
                parts.push(Part::QueryName(i));
                parts.push(Part::QueryValue(i));
            }
        }
        parts.extend(header_parts(&signed, |n| {
            n.starts_with("x-oss-")
                || n == "content-type"
                || n == "content-md5"
                || (n == "date" && !has_oss_date)
        }));
    }
    let expected_scheme = if v4 {
        signing::Scheme::OssV4
    } else {
        signing::Scheme::OssV1
    };
    check_verification(&signed, &parts, &creds, (now, now), |w, c, f| {
        let verified = oss::verify(&w.request(), &w.resource(), c, f)?;
        assert_eq!(verified.scheme, expected_scheme);
        assert_eq!(verified.security_token, c.security_token);
        Ok(())
    })
}

/// Whether V1 signs `name`; asked of the crate by signing a probe request both ways.
fn is_v1_subresource(name: &str) -> bool {
    let creds = Credentials::new(
        AccessKeyId::parse("probe").expect("valid id"),
        Secret::from("probe"),
    );
    let now = DateTime::<Utc>::UNIX_EPOCH;
    let plain = CanonicalRequest::new("GET", "/");
    let with = CanonicalRequest::new("GET", "/").with_query(name, "v");
    let resource = OssResource::bucket("b");
    oss::sign_v1(&plain, &resource, &creds, now) != oss::sign_v1(&with, &resource, &creds, now)
}

// ------------------------------------------------------------------------------ `OpenAPI`

fn check_acs3(record: &Value) -> Result<(), String> {
    let creds = credentials(record)?;
    let now = parse_now(record)?;
    let wire = Wire {
        method: field(record, "method")?.to_owned(),
        path: field(record, "path")?.to_owned(),
        query: pairs(record, "query")?,
        headers: pairs(record, "headers")?,
        body: hex::decode(field(record, "body_hex")?).map_err(|e| e.to_string())?,
        ..Wire::default()
    };
    let added = acs::sign_v3(
        &wire.request(),
        &wire.body,
        &creds,
        now,
        field(record, "nonce")?,
    );
    same(
        "added headers",
        to_pairs(added.iter()),
        pairs(record, "expected_added")?,
    )?;

    let mut signed = wire.clone();
    signed.headers.extend(pairs(record, "expected_added")?);
    let mut parts = vec![Part::Method, Part::Path, Part::Body];
    parts.extend((0..signed.query.len()).map(Part::QueryName));
    parts.extend((0..signed.query.len()).map(Part::QueryValue));
    parts.extend(header_parts(&signed, |n| n != "authorization"));
    check_verification(&signed, &parts, &creds, (now, now), |w, c, f| {
        let verified = acs::verify(&w.request(), &w.body, &[], c, f)?;
        assert_eq!(verified.scheme, signing::Scheme::Acs3);
        assert_eq!(verified.security_token, c.security_token);
        Ok(())
    })
}

fn check_rpc(record: &Value) -> Result<(), String> {
    let creds = credentials(record)?;
    let now = parse_now(record)?;
    let method = field(record, "method")?;
    let form = pairs(record, "form_params")?;
    let mut inputs = pairs(record, "params")?;
    inputs.extend(form.iter().cloned());
    let inputs: Vec<(&str, &str)> = inputs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let signed_params = acs::sign_rpc(method, &inputs, &creds, now, field(record, "nonce")?);
    let expected = pairs(record, "expected_params")?;
    same(
        "signed parameters",
        to_pairs(signed_params.iter()),
        expected.clone(),
    )?;

    let query: Pairs = expected.into_iter().filter(|p| !form.contains(p)).collect();
    let signature_at = query.iter().position(|(n, _)| n == "Signature");
    let wire = Wire {
        method: method.to_owned(),
        path: "/".to_owned(),
        query,
        form,
        ..Wire::default()
    };
    let mut parts = vec![Part::Method];
    for i in 0..wire.query.len() {
        if Some(i) != signature_at {
            parts.push(Part::QueryName(i));
            parts.push(Part::QueryValue(i));
        }
    }
    parts.extend((0..wire.form.len()).map(Part::FormValue));
    check_verification(&wire, &parts, &creds, (now, now), |w, c, f| {
        let verified = acs::verify(&w.request(), &[], &w.form(), c, f)?;
        assert_eq!(verified.scheme, signing::Scheme::AcsRpc);
        Ok(())
    })
}

fn to_pairs<'a, 'b>(items: impl Iterator<Item = (&'a str, &'b str)>) -> Pairs {
    items.map(|(n, v)| (n.to_owned(), v.to_owned())).collect()
}

/// Checks one record; the error names what differed.
pub fn check_record(record: &Value) -> Result<(), String> {
    match field(record, "scheme")? {
        "ots_request" => check_ots_request(record),
        "ots_response" => check_ots_response(record),
        "oss_v1" => check_oss(record, false),
        "oss_v4" => check_oss(record, true),
        "acs3" => check_acs3(record),
        "rpc" => check_rpc(record),
        other => Err(format!("unknown scheme {other}")),
    }
}

/// Checks every JSON line of `text`; returns (passed, failures with their record names).
pub fn check_jsonl(text: &str) -> (usize, Vec<String>) {
    let mut passed = 0;
    let mut failures = Vec::new();
    for (number, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let outcome = serde_json::from_str::<Value>(line)
            .map_err(|e| e.to_string())
            .and_then(|record| {
                let name = record["name"].as_str().unwrap_or("?").to_owned();
                // A failed assertion inside a check counts as that record's failure, so one
                // bad record cannot hide the rest of the run.
                std::panic::catch_unwind(|| check_record(&record))
                    .unwrap_or_else(|_| Err("the check panicked".to_owned()))
                    .map_err(|e| format!("{name}: {e}"))
            });
        match outcome {
            Ok(()) => passed += 1,
            Err(e) => failures.push(format!("line {}: {e}", number + 1)),
        }
    }
    (passed, failures)
}
