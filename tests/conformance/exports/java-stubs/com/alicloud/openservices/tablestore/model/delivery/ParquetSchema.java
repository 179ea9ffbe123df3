// Compile-only stand-in.
package com.alicloud.openservices.tablestore.model.delivery;

public class ParquetSchema {
    public ParquetSchema(String columnName, DataType type) {}

    public ParquetSchema(String columnName, String ossColumnName, DataType type) {}
}
