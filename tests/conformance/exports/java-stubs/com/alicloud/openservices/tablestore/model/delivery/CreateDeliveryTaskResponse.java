// Compile-only stand-in.
package com.alicloud.openservices.tablestore.model.delivery;

public class CreateDeliveryTaskResponse {}
