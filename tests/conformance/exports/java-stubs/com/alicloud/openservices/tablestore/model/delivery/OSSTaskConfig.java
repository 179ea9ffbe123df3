// Compile-only stand-in.
package com.alicloud.openservices.tablestore.model.delivery;

public class OSSTaskConfig {
    public void setOssPrefix(String ossPrefix) {}

    public void setOssBucket(String ossBucket) {}

    public void setOssEndpoint(String ossEndpoint) {}

    public void setOssStsRole(String ossStsRole) {}

    public void setEventTimeColumn(EventColumn eventTimeColumn) {}

    public void addParquetSchema(ParquetSchema parquetSchema) {}
}
