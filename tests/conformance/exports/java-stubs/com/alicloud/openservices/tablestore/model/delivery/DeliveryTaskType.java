// Compile-only stand-in.
package com.alicloud.openservices.tablestore.model.delivery;

public enum DeliveryTaskType { BASE, INC, BASE_INC }
