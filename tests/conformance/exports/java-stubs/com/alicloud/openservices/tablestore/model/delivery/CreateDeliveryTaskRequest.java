// Compile-only stand-in (signatures of the Java SDK's model.delivery classes).
package com.alicloud.openservices.tablestore.model.delivery;

public class CreateDeliveryTaskRequest {
    public CreateDeliveryTaskRequest() {}

    public CreateDeliveryTaskRequest(String tableName, String taskName, OSSTaskConfig taskConfig) {}

    public void setTableName(String tableName) {}

    public void setTaskName(String taskName) {}

    public void setTaskConfig(OSSTaskConfig taskConfig) {}

    public void setTaskType(DeliveryTaskType taskType) {}
}
