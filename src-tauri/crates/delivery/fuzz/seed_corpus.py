#!/usr/bin/env python3
"""Writes a starting corpus for task_files into corpus/task_files/ (git-ignored): a saved draft
and an exported task in the shapes documented in ../src/draft_file.rs and ../src/export_json.rs.
Optional: the fuzzer finds JSON on its own, with task_files.dict, only more slowly."""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
DRAFT = {"kind": "tablestore-delivery-draft", "version": 1, "draft": {
    "tableName": "orders", "taskName": "orders-daily", "taskType": "BASE_INC",
    "ossBucket": "analytics-hz", "ossEndpoint": "oss-cn-hangzhou.aliyuncs.com",
    "ossPrefix": "exports/orders/$yyyy/$MM/$dd",
    "roleArn": "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery",
    "eventTime": {"columnName": "created_at", "timeFormat": "RFC3339"},
    "schema": [{"sourceColumn": "order_id", "outputName": "order_id", "parquetType": "UTF8"},
               {"sourceColumn": "n", "outputName": "n", "parquetType": None}]}}
TASK = {"kind": "tablestore-delivery-task", "version": 1, "tableName": "orders",
        "taskName": "orders-daily", "taskConfig": {
            "ossPrefix": "exports/orders/$yyyy/$MM/$dd", "ossBucket": "analytics-hz",
            "ossEndpoint": "oss-cn-hangzhou.aliyuncs.com",
            "ossStsRole": "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery",
            "eventTimeColumn": None, "format": "Parquet",
            "schema": [{"columnName": "order_id", "ossColumnName": "order_id", "type": "UTF8",
                        "encode": "PLAIN"}]},
        "taskType": "BASE_INC"}
folder = HERE / "corpus" / "task_files"
folder.mkdir(parents=True, exist_ok=True)
(folder / "draft.json").write_text(json.dumps(DRAFT, indent=2))
(folder / "task.json").write_text(json.dumps(TASK, indent=2))
print("seeded", folder)
