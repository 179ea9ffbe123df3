// Compile-only stand-in for the Java SDK's SyncClient: the constructor and the two methods the
// exported code calls, with the signatures of aliyun-tablestore-java-sdk. No behaviour.
package com.alicloud.openservices.tablestore;

import com.alicloud.openservices.tablestore.model.delivery.CreateDeliveryTaskRequest;
import com.alicloud.openservices.tablestore.model.delivery.CreateDeliveryTaskResponse;

public class SyncClient {
    public SyncClient(String endpoint, String accessKeyId, String accessKeySecret, String instanceName) {}

    public CreateDeliveryTaskResponse createDeliveryTask(CreateDeliveryTaskRequest request) {
        return new CreateDeliveryTaskResponse();
    }

    public void shutdown() {}
}
