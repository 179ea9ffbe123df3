//! The account-API endpoint verifies every request as the cloud's gateway does: V3 and RPC V2
//! signatures, the clock, single-use nonces, key state, STS tokens and RAM policy.
//! Requests are signed with the `signing` crate and sent over loopback HTTP.

mod openapi_support;

use chrono::{Duration, Utc};
use openapi_support::{credentials, demo, fresh_nonce, send, small_sandbox, with_token, Call};
use sandbox::accounts::{DEMO_ACCESS_KEY_ID, LIMITED_ACCESS_KEY_ID, LIMITED_ACCESS_KEY_SECRET};
use sandbox::faults::FaultSettings;

fn caller_identity() -> Call {
    Call::rpc("GetCallerIdentity", "2015-04-01")
}

#[tokio::test]
async fn both_signature_versions_identify_the_analyst() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    for reply in [
        caller_identity().send_v3(&base, &demo()).await,
        caller_identity().send_rpc(&base, &demo()).await,
    ] {
        assert_eq!(reply.status, 200);
        let body = reply.json();
        assert_eq!(body["AccountId"], "1234567890123456");
        assert_eq!(body["Arn"], "acs:ram::1234567890123456:user/analyst");
        assert_eq!(body["RequestId"].as_str().map(str::len), Some(36));
        assert_eq!(
            reply.headers["content-type"],
            "application/json;charset=utf-8"
        );
    }
}

#[tokio::test]
async fn a_wrong_secret_is_signature_does_not_match_in_both_versions() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    let wrong = credentials(DEMO_ACCESS_KEY_ID, "NotTheSecret");
    let v3 = caller_identity().send_v3(&base, &wrong).await;
    assert_eq!(
        (v3.status, v3.code()),
        (400, "SignatureDoesNotMatch".to_owned())
    );
    let v2 = caller_identity().send_rpc(&base, &wrong).await;
    assert_eq!(
        (v2.status, v2.code()),
        (400, "SignatureDoesNotMatch".to_owned())
    );
    // The RPC message ends with the server's string to sign, which SDKs compare with theirs.
    let message = v2.json()["Message"].as_str().unwrap_or_default().to_owned();
    assert!(
        message.contains("server string to sign is:POST&%2F&AccessKeyId%3D"),
        "{message}"
    );
    let error = v3.json();
    assert_eq!(error["HostId"], base.trim_start_matches("http://"));
    assert!(error["Recommend"]
        .as_str()
        .is_some_and(|r| r.contains("q=SignatureDoesNotMatch&product=Sts")));
}

#[tokio::test]
async fn an_unknown_key_is_not_found_and_a_revoked_key_is_inactive() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    let unknown = credentials("LTAI5tNoSuchKey000000000", "x");
    let reply = caller_identity().send_v3(&base, &unknown).await;
    assert_eq!(
        (reply.status, reply.code()),
        (404, "InvalidAccessKeyId.NotFound".to_owned())
    );

    assert!(sandbox.state().accounts.revoke(DEMO_ACCESS_KEY_ID));
    let reply = caller_identity().send_rpc(&base, &demo()).await;
    assert_eq!(
        (reply.status, reply.code()),
        (400, "InvalidAccessKeyId.Inactive".to_owned())
    );
}

#[tokio::test]
async fn a_stale_date_or_a_skewed_service_clock_is_an_expired_timestamp() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    let late = Utc::now() - Duration::minutes(16);
    let v3 = send(caller_identity().signed_v3(&base, &demo(), late, &fresh_nonce())).await;
    assert_eq!(
        (v3.status, v3.code()),
        (400, "InvalidTimeStamp.Expired".to_owned())
    );
    let v2 = send(caller_identity().signed_rpc(&base, &demo(), late, &fresh_nonce())).await;
    assert_eq!(
        (v2.status, v2.code()),
        (400, "InvalidTimeStamp.Expired".to_owned())
    );

    let fourteen_minutes_ago = Utc::now() - Duration::minutes(14);
    let ok =
        send(caller_identity().signed_v3(&base, &demo(), fourteen_minutes_ago, &fresh_nonce()))
            .await;
    assert_eq!(ok.status, 200);

    sandbox.state().apply_faults(FaultSettings {
        clock_skew_seconds: 3600,
        ..FaultSettings::default()
    });
    let skewed = caller_identity().send_v3(&base, &demo()).await;
    assert_eq!(skewed.code(), "InvalidTimeStamp.Expired");
}

#[tokio::test]
async fn a_nonce_is_accepted_once_in_either_version() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    let now = Utc::now();
    let nonce = fresh_nonce();
    let first = send(caller_identity().signed_v3(&base, &demo(), now, &nonce)).await;
    assert_eq!(first.status, 200);
    let replay = send(caller_identity().signed_v3(&base, &demo(), now, &nonce)).await;
    assert_eq!(
        (replay.status, replay.code()),
        (400, "SignatureNonceUsed".to_owned())
    );

    let nonce = fresh_nonce();
    let first = send(caller_identity().signed_rpc(&base, &demo(), now, &nonce)).await;
    assert_eq!(first.status, 200);
    let replay = send(caller_identity().signed_rpc(&base, &demo(), now, &nonce)).await;
    assert_eq!(
        (replay.status, replay.code()),
        (400, "SignatureNonceUsed".to_owned())
    );
}

#[tokio::test]
async fn a_replay_with_a_bad_signature_does_not_burn_the_nonce() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    let now = Utc::now();
    let nonce = fresh_nonce();
    let forged = credentials(DEMO_ACCESS_KEY_ID, "NotTheSecret");
    let refused = send(caller_identity().signed_v3(&base, &forged, now, &nonce)).await;
    assert_eq!(refused.code(), "SignatureDoesNotMatch");
    let genuine = send(caller_identity().signed_v3(&base, &demo(), now, &nonce)).await;
    assert_eq!(genuine.status, 200);
}

#[tokio::test]
async fn an_unsigned_acs_header_or_a_changed_parameter_is_refused() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    let mut request = caller_identity().signed_v3(&base, &demo(), Utc::now(), &fresh_nonce());
    request
        .headers_mut()
        .insert("x-acs-extra", "smuggled".parse().expect("value"));
    let reply = send(request).await;
    assert_eq!(
        (reply.status, reply.code()),
        (400, "IncompleteSignature".to_owned())
    );

    let call = Call::rpc("AssumeRole", "2015-04-01")
        .param("RoleArn", "acs:ram::1234567890123456:role/reader")
        .param("RoleSessionName", "s1");
    let mut request = call.signed_rpc(&base, &demo(), Utc::now(), &fresh_nonce());
    let tampered = request
        .url()
        .as_str()
        .replace("RoleSessionName=s1", "RoleSessionName=s2");
    *request.url_mut() = tampered.parse().expect("url");
    let reply = send(request).await;
    assert_eq!(reply.code(), "SignatureDoesNotMatch");
}

#[tokio::test]
async fn sts_credentials_need_their_token_and_stop_working_when_expired() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    let issued = Call::rpc("AssumeRole", "2015-04-01")
        .param("RoleArn", "acs:ram::1234567890123456:role/reader")
        .param("RoleSessionName", "tester")
        .param("DurationSeconds", "900")
        .send_v3(&base, &demo())
        .await
        .json();
    let creds = &issued["Credentials"];
    let id = creds["AccessKeyId"].as_str().expect("id");
    let secret = creds["AccessKeySecret"].as_str().expect("secret");
    let token = creds["SecurityToken"].as_str().expect("token");

    let session = with_token(credentials(id, secret), token);
    let reply = caller_identity().send_v3(&base, &session).await;
    assert_eq!(
        reply.json()["Arn"],
        "acs:ram::1234567890123456:assumed-role/reader/tester"
    );
    let reply = caller_identity().send_rpc(&base, &session).await;
    assert_eq!(reply.json()["IdentityType"], "AssumedRoleUser");

    let without_token = caller_identity()
        .send_v3(&base, &credentials(id, secret))
        .await;
    assert_eq!(without_token.code(), "MissingSecurityToken");
    let wrong_token = caller_identity()
        .send_v3(&base, &with_token(credentials(id, secret), "CAISforged"))
        .await;
    assert_eq!(wrong_token.code(), "InvalidSecurityToken.Malformed");

    sandbox.state().apply_faults(FaultSettings {
        expire_tokens: true,
        ..FaultSettings::default()
    });
    for reply in [
        caller_identity().send_v3(&base, &session).await,
        caller_identity().send_rpc(&base, &session).await,
    ] {
        assert_eq!(
            (reply.status, reply.code()),
            (400, "InvalidSecurityToken.Expired".to_owned())
        );
    }
}

#[tokio::test]
async fn the_limited_key_may_read_roles_but_not_create_the_delivery_role() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    let limited = credentials(LIMITED_ACCESS_KEY_ID, LIMITED_ACCESS_KEY_SECRET);
    let create = Call::rpc("CreateServiceLinkedRole", "2020-03-31")
        .param("ServiceName", "datadelivery.ots.aliyuncs.com");
    let denied = create.send_v3(&base, &limited).await;
    assert_eq!(
        (denied.status, denied.code()),
        (403, "NoPermission".to_owned())
    );

    let get =
        Call::rpc("GetRole", "2020-03-31").param("RoleName", "AliyunServiceRoleForOTSDataDelivery");
    let missing = get.send_v3(&base, &limited).await;
    assert_eq!(
        (missing.status, missing.code()),
        (404, "EntityNotExist.Role".to_owned())
    );

    let created = create.send_rpc(&base, &demo()).await;
    assert_eq!(created.status, 200);
    let found = Call::rpc("GetRole", "2015-05-01")
        .param("RoleName", "AliyunServiceRoleForOTSDataDelivery")
        .send_rpc(&base, &limited)
        .await;
    assert_eq!(
        found.json()["Role"]["Arn"],
        "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery"
    );
    let again = create.send_v3(&base, &demo()).await;
    assert_eq!(
        (again.status, again.code()),
        (409, "EntityAlreadyExists.Role".to_owned())
    );
}

#[tokio::test]
async fn roa_calls_list_and_describe_the_instances() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    let listed = Call::roa_get("/v2/openapi/listinstances", "ListInstances")
        .param("MaxResults", "2")
        .param("Status", "normal")
        .send_v3(&base, &demo())
        .await
        .json();
    let names: Vec<&str> = listed["Instances"]
        .as_array()
        .expect("instances")
        .iter()
        .filter_map(|i| i["InstanceName"].as_str())
        .collect();
    assert_eq!(names, ["sandbox-archive", "sandbox-demo"]);
    assert_eq!(listed["NextToken"], "");

    let described = Call::roa_get("/v2/openapi/getinstance", "GetInstance")
        .param("InstanceName", "sandbox-demo")
        .send_v3(&base, &demo())
        .await
        .json();
    assert_eq!(described["RegionId"], "cn-hangzhou");
    assert_eq!(described["TableQuota"], 64);
}

#[tokio::test]
async fn unknown_actions_are_not_found_after_authentication() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    let reply = Call::rpc("DeleteRole", "2015-05-01")
        .send_v3(&base, &demo())
        .await;
    assert_eq!(
        (reply.status, reply.code()),
        (404, "InvalidApi.NotFound".to_owned())
    );
    let forged = credentials(DEMO_ACCESS_KEY_ID, "NotTheSecret");
    let reply = Call::rpc("DeleteRole", "2015-05-01")
        .send_v3(&base, &forged)
        .await;
    assert_eq!(reply.code(), "SignatureDoesNotMatch");
}

#[tokio::test]
async fn parameters_in_a_form_body_are_signed_and_read_in_both_versions() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    let host = base.trim_start_matches("http://").to_owned();
    let form =
        "RoleArn=acs%3Aram%3A%3A1234567890123456%3Arole%2Freader&RoleSessionName=form-session";

    // V3: the body's SHA-256 is signed through x-acs-content-sha256.
    let canonical = signing::CanonicalRequest::new("POST", "/")
        .with_header("host", host.as_str())
        .with_header("x-acs-action", "AssumeRole")
        .with_header("x-acs-version", "2015-04-01")
        .with_header("content-type", "application/x-www-form-urlencoded");
    let added = signing::acs::sign_v3(
        &canonical,
        form.as_bytes(),
        &demo(),
        Utc::now(),
        &fresh_nonce(),
    );
    let mut request = reqwest::Client::new()
        .post(format!("{base}/"))
        .header("x-acs-action", "AssumeRole")
        .header("x-acs-version", "2015-04-01")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form);
    for (name, value) in added.iter() {
        request = request.header(name, value);
    }
    let reply = send(request.build().expect("request")).await;
    assert_eq!(
        reply.json()["AssumedRoleUser"]["Arn"],
        "acs:ram::1234567890123456:assumed-role/reader/form-session"
    );

    // RPC V2: the form parameters join the query in the string to sign.
    let body_params = [
        ("RoleArn", "acs:ram::1234567890123456:role/reader"),
        ("RoleSessionName", "form-v2"),
    ];
    let mut all = vec![
        ("Action", "AssumeRole"),
        ("Version", "2015-04-01"),
        ("Format", "JSON"),
    ];
    all.extend(body_params);
    let signed = signing::acs::sign_rpc("POST", &all, &demo(), Utc::now(), &fresh_nonce());
    let query: Vec<String> = signed
        .iter()
        .filter(|(n, _)| !body_params.iter().any(|(b, _)| b == n))
        .map(|(n, v)| {
            format!(
                "{n}={}",
                percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC)
            )
        })
        .collect();
    let request = reqwest::Client::new()
        .post(format!("{base}/?{}", query.join("&")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("RoleArn=acs%3Aram%3A%3A1234567890123456%3Arole%2Freader&RoleSessionName=form-v2")
        .build()
        .expect("request");
    let reply = send(request).await;
    assert_eq!(
        reply.json()["AssumedRoleUser"]["Arn"],
        "acs:ram::1234567890123456:assumed-role/reader/form-v2"
    );
}
