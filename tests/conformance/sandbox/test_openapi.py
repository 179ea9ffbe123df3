"""The account APIs of the sandbox (STS, ResourceManager/RAM roles, Tablestore control plane)
driven by the official, unmodified Alibaba Cloud Python SDKs:

- alibabacloud-sts20150401, alibabacloud-resourcemanager20200331 and
  alibabacloud-tablestore20201209 on alibabacloud-tea-openapi (V3 ACS3-HMAC-SHA256 by default,
  RPC HMAC-SHA1 with signature_algorithm='v2'),
- aliyun-python-sdk-core + aliyun-python-sdk-sts (the older RPC V2 client).

Spec: shared/spec/account.md sections 1-3.
"""
import json

import pytest
from aliyunsdkcore.acs_exception.exceptions import ServerException as CoreServerException
from aliyunsdkcore.auth.credentials import StsTokenCredential
from aliyunsdkcore.client import AcsClient
from aliyunsdksts.request.v20150401.AssumeRoleRequest import AssumeRoleRequest
from aliyunsdksts.request.v20150401.GetCallerIdentityRequest import GetCallerIdentityRequest
from alibabacloud_resourcemanager20200331 import models as rm_models
from alibabacloud_resourcemanager20200331.client import Client as ResourceManagerClient
from alibabacloud_sts20150401 import models as sts_models
from alibabacloud_sts20150401.client import Client as StsClient
from alibabacloud_tablestore20201209 import models as ots_models
from alibabacloud_tablestore20201209.client import Client as TablestoreControlClient
from alibabacloud_tea_openapi import utils_models as open_api_models
from alibabacloud_tea_openapi.client import Client as OpenApiClient
from alibabacloud_tea_openapi.exceptions import ClientException, ThrottlingException
from darabonba.exceptions import UnretryableException
from darabonba.runtime import RuntimeOptions

ACCOUNT_ID = "1234567890123456"
ANALYST_ARN = "acs:ram::1234567890123456:user/analyst"
DELIVERY_SERVICE = "datadelivery.ots.aliyuncs.com"
DELIVERY_ROLE = "AliyunServiceRoleForOTSDataDelivery"
DELIVERY_ROLE_ARN = "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery"


def host_port(sandbox):
    return sandbox.openapi.removeprefix("http://")


def config(sandbox, key_id=None, secret=None, token=None, **extra):
    return open_api_models.Config(
        endpoint=host_port(sandbox),
        protocol="http",
        access_key_id=key_id or sandbox.accessKeyId,
        access_key_secret=secret or sandbox.accessKeySecret,
        security_token=token,
        region_id=sandbox.region,
        **extra,
    )


def assume_role(sandbox, session="conformance", seconds=900):
    client = StsClient(config(sandbox))
    return client.assume_role(
        sts_models.AssumeRoleRequest(
            role_arn=f"acs:ram::{ACCOUNT_ID}:role/delivery-tester",
            role_session_name=session,
            duration_seconds=seconds,
        )
    ).body


def test_get_caller_identity_with_v3_signature_names_the_analyst(sandbox):
    body = StsClient(config(sandbox)).get_caller_identity().body
    assert body.account_id == ACCOUNT_ID
    assert body.arn == ANALYST_ARN
    assert body.identity_type == "RAMUser"
    assert len(body.request_id) == 36


def test_get_caller_identity_with_tea_rpc_v2_signature(sandbox):
    client = StsClient(config(sandbox, signature_algorithm="v2"))
    body = client.get_caller_identity().body
    assert (body.account_id, body.arn) == (ACCOUNT_ID, ANALYST_ARN)


def test_get_caller_identity_with_the_legacy_core_sdk(sandbox):
    client = AcsClient(sandbox.accessKeyId, sandbox.accessKeySecret, sandbox.region)
    request = GetCallerIdentityRequest()
    request.set_endpoint(host_port(sandbox))
    request.set_protocol_type("http")
    body = json.loads(client.do_action_with_exception(request))
    assert body["AccountId"] == ACCOUNT_ID
    assert body["Arn"] == ANALYST_ARN


def core_request(sandbox, request):
    request.set_endpoint(host_port(sandbox))
    request.set_protocol_type("http")
    return request


def test_assume_role_and_use_the_token_with_the_legacy_core_sdk(sandbox):
    client = AcsClient(sandbox.accessKeyId, sandbox.accessKeySecret, sandbox.region)
    request = core_request(sandbox, AssumeRoleRequest())
    request.set_RoleArn(f"acs:ram::{ACCOUNT_ID}:role/core-reader")
    request.set_RoleSessionName("core-session")
    request.set_DurationSeconds(3600)
    creds = json.loads(client.do_action_with_exception(request))["Credentials"]
    session = AcsClient(
        credential=StsTokenCredential(
            creds["AccessKeyId"], creds["AccessKeySecret"], creds["SecurityToken"]
        ),
        region_id=sandbox.region,
    )
    body = json.loads(
        session.do_action_with_exception(core_request(sandbox, GetCallerIdentityRequest()))
    )
    assert body["Arn"] == f"acs:ram::{ACCOUNT_ID}:assumed-role/core-reader/core-session"
    assert body["IdentityType"] == "AssumedRoleUser"


def test_limited_key_is_the_viewer(sandbox):
    client = StsClient(config(sandbox, sandbox.limitedAccessKeyId, sandbox.limitedAccessKeySecret))
    assert client.get_caller_identity().body.arn == f"acs:ram::{ACCOUNT_ID}:user/viewer"


def test_wrong_secret_is_signature_does_not_match(sandbox):
    client = StsClient(config(sandbox, secret="NotTheSecret0000000000000000000"))
    with pytest.raises(ClientException) as raised:
        client.get_caller_identity()
    assert raised.value.code == "SignatureDoesNotMatch"
    assert raised.value.status_code == 400


def test_wrong_secret_with_v2_is_signature_does_not_match(sandbox):
    client = StsClient(
        config(sandbox, secret="NotTheSecret0000000000000000000", signature_algorithm="v2")
    )
    with pytest.raises(ClientException) as raised:
        client.get_caller_identity()
    assert raised.value.code == "SignatureDoesNotMatch"


def test_core_sdk_recognises_a_wrong_secret_from_the_server_string_to_sign(sandbox):
    # The core SDK compares the string to sign in the server's message with its own and, when
    # they agree, reports the secret as the culprit: the cloud's behaviour, reproduced.
    client = AcsClient(sandbox.accessKeyId, "NotTheSecret0000000000000000000", sandbox.region)
    request = GetCallerIdentityRequest()
    request.set_endpoint(host_port(sandbox))
    request.set_protocol_type("http")
    with pytest.raises(CoreServerException) as raised:
        client.do_action_with_exception(request)
    assert raised.value.get_error_code() == "InvalidAccessKeySecret"
    assert raised.value.get_http_status() == 400


def test_unknown_access_key_is_not_found(sandbox):
    client = StsClient(config(sandbox, key_id="LTAI5tNoSuchKey000000000"))
    with pytest.raises(ClientException) as raised:
        client.get_caller_identity()
    assert (raised.value.status_code, raised.value.code) == (404, "InvalidAccessKeyId.NotFound")


def test_assume_role_issues_credentials_that_act_as_the_role_session(sandbox):
    issued = assume_role(sandbox, session="app-session")
    creds = issued.credentials
    assert creds.access_key_id.startswith("STS.")
    assert creds.expiration.endswith("Z")
    assert issued.assumed_role_user.arn == (
        f"acs:ram::{ACCOUNT_ID}:assumed-role/delivery-tester/app-session"
    )
    for algorithm in (None, "v2"):
        session = StsClient(
            config(
                sandbox,
                creds.access_key_id,
                creds.access_key_secret,
                creds.security_token,
                signature_algorithm=algorithm,
            )
        )
        body = session.get_caller_identity().body
        assert body.identity_type == "AssumedRoleUser"
        assert body.arn == issued.assumed_role_user.arn


def test_assume_role_refuses_a_duration_below_fifteen_minutes(sandbox):
    with pytest.raises(ClientException) as raised:
        assume_role(sandbox, seconds=899)
    assert raised.value.code == "InvalidParameter.DurationSeconds"


def test_expired_token_is_refused(sandbox, faults):
    creds = assume_role(sandbox, session="expiring").credentials
    faults(expireTokens=True)
    client = StsClient(
        config(sandbox, creds.access_key_id, creds.access_key_secret, creds.security_token)
    )
    with pytest.raises(ClientException) as raised:
        client.get_caller_identity()
    assert raised.value.code == "InvalidSecurityToken.Expired"


def test_delivery_role_is_missing_then_created_then_found(sandbox):
    client = ResourceManagerClient(config(sandbox))
    with pytest.raises(ClientException) as raised:
        client.get_role(rm_models.GetRoleRequest(role_name=DELIVERY_ROLE))
    assert (raised.value.status_code, raised.value.code) == (404, "EntityNotExist.Role")

    limited = ResourceManagerClient(
        config(sandbox, sandbox.limitedAccessKeyId, sandbox.limitedAccessKeySecret)
    )
    with pytest.raises(ClientException) as denied:
        limited.create_service_linked_role(
            rm_models.CreateServiceLinkedRoleRequest(service_name=DELIVERY_SERVICE)
        )
    assert (denied.value.status_code, denied.value.code) == (403, "NoPermission")

    created = client.create_service_linked_role(
        rm_models.CreateServiceLinkedRoleRequest(service_name=DELIVERY_SERVICE)
    ).body.role
    assert created.role_name == DELIVERY_ROLE
    assert created.arn == DELIVERY_ROLE_ARN

    found = client.get_role(rm_models.GetRoleRequest(role_name=DELIVERY_ROLE)).body.role
    assert (found.role_id, found.arn, found.is_service_linked_role) == (
        created.role_id,
        DELIVERY_ROLE_ARN,
        True,
    )

    # RAM's own GetRole (2015-05-01, no generated SDK pinned) through the Tea generic client.
    ram_get_role = open_api_models.Params(
        action="GetRole",
        version="2015-05-01",
        protocol="HTTP",
        pathname="/",
        method="POST",
        auth_type="AK",
        style="RPC",
        req_body_type="formData",
        body_type="json",
    )
    ram = OpenApiClient(config(sandbox)).call_api(
        ram_get_role,
        open_api_models.OpenApiRequest(query={"RoleName": DELIVERY_ROLE}),
        RuntimeOptions(),
    )
    assert ram["body"]["Role"]["Arn"] == DELIVERY_ROLE_ARN

    with pytest.raises(ClientException) as again:
        client.create_service_linked_role(
            rm_models.CreateServiceLinkedRoleRequest(service_name=DELIVERY_SERVICE)
        )
    assert again.value.code == "EntityAlreadyExists.Role"


def test_list_instances_pages_through_the_region(sandbox):
    client = TablestoreControlClient(config(sandbox))
    first = client.list_instances(ots_models.ListInstancesRequest(max_results=2)).body
    assert first.total_count == 3
    assert len(first.instances) == 2
    assert first.next_token
    second = client.list_instances(
        ots_models.ListInstancesRequest(max_results=2, next_token=first.next_token)
    ).body
    assert second.next_token == ""
    names = [i.instance_name for i in first.instances + second.instances]
    assert names == sorted(names)
    assert sandbox.instance in names
    assert {i.region_id for i in first.instances + second.instances} == {sandbox.region}


def test_list_instances_filters_by_status_and_name(sandbox):
    client = TablestoreControlClient(config(sandbox))
    normal = client.list_instances(ots_models.ListInstancesRequest(status="normal")).body
    assert all(i.instance_status == "normal" for i in normal.instances)
    assert normal.total_count == 2
    named = client.list_instances(
        ots_models.ListInstancesRequest(instance_name=sandbox.instance)
    ).body
    assert [i.instance_name for i in named.instances] == [sandbox.instance]


def test_get_instance_describes_the_sandbox_instance(sandbox):
    client = TablestoreControlClient(config(sandbox))
    body = client.get_instance(ots_models.GetInstanceRequest(instance_name=sandbox.instance)).body
    assert (body.instance_name, body.region_id, body.instance_status) == (
        sandbox.instance,
        sandbox.region,
        "normal",
    )
    assert body.user_id == ACCOUNT_ID
    with pytest.raises(ClientException) as raised:
        client.get_instance(ots_models.GetInstanceRequest(instance_name="no-such-instance"))
    assert raised.value.status_code == 404


def test_busy_is_a_throttling_error_with_a_retry_hint(sandbox, faults):
    faults(busyRate=1.0, operations=["GetCallerIdentity"])
    with pytest.raises(ThrottlingException) as raised:
        StsClient(config(sandbox)).get_caller_identity()
    assert (raised.value.status_code, raised.value.code) == (400, "Throttling")
    assert raised.value.retry_after == 1000


def test_skewed_clock_rejects_the_timestamp(sandbox, faults):
    faults(clockSkewSeconds=3600)
    for algorithm in (None, "v2"):
        with pytest.raises(ClientException) as raised:
            StsClient(config(sandbox, signature_algorithm=algorithm)).get_caller_identity()
        assert raised.value.code == "InvalidTimeStamp.Expired"


def test_corrupt_body_does_not_parse(sandbox, faults):
    faults(corruptRate=1.0, operations=["ListInstances"])
    with pytest.raises(UnretryableException) as raised:
        TablestoreControlClient(config(sandbox)).list_instances(ots_models.ListInstancesRequest())
    assert "Failed to parse the value as json format" in str(raised.value)


def test_dropped_connection_surfaces_as_a_transport_error(sandbox, faults):
    faults(dropRate=1.0, operations=["GetCallerIdentity"])
    with pytest.raises(UnretryableException) as raised:
        StsClient(config(sandbox)).get_caller_identity()
    assert not isinstance(raised.value, ClientException)
    assert "Connection" in str(raised.value) or "connection" in str(raised.value)
