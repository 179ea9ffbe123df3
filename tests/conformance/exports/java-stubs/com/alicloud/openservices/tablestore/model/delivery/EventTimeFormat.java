// Compile-only stand-in.
package com.alicloud.openservices.tablestore.model.delivery;

public enum EventTimeFormat { RFC822, RFC850, RFC1123, RFC3339, Unix }
