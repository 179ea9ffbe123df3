// Compile-only stand-in: the enum constants of the Java SDK's DataType.
package com.alicloud.openservices.tablestore.model.delivery;

public enum DataType {
    BOOL, INT64, UTF8, DOUBLE, DATE, DECIMAL, TIME_MILLIS, TIME_MICROS,
    TIMESTAMP_MILLIS, TIMESTAMP_MICROS, LIST, MAP, INTERVAL, FLOAT, INT32, INT96
}
