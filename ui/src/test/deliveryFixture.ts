// Answers of the draft, review and create commands, shaped like Rust's, for the wizard's tests.
import type { DeliveryRoleStatus } from "../bindings/DeliveryRoleStatus";
import type { DraftReview } from "../bindings/DraftReview";
import type { Issue } from "../bindings/Issue";
import type { ParquetPreview } from "../bindings/ParquetPreview";
import type { TaskDraft } from "../bindings/TaskDraft";

export const ROLE_ARN = "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery";

export function draftFixture(overrides: Partial<TaskDraft> = {}): TaskDraft {
  return {
    tableName: "orders",
    taskName: "orders-daily",
    taskType: "BASE_INC",
    ossBucket: "sandbox-delivery",
    ossEndpoint: "oss-cn-hangzhou.aliyuncs.com",
    ossPrefix: "orders/$yyyy/$MM/$dd",
    roleArn: ROLE_ARN,
    eventTime: null,
    schema: [
      { sourceColumn: "order_id", outputName: "order_id", parquetType: "UTF8" },
      { sourceColumn: "amount", outputName: "amount", parquetType: "DOUBLE" },
    ],
    ...overrides,
  };
}

export function issue(field: string, code: string, message: string, severity: Issue["severity"] = "error", remedy: string | null = null): Issue {
  return { field, severity, code, message, remedy };
}

/** The task name rules as Rust states them, enough for the tests. */
export function taskNameIssues(name: string): Issue[] {
  if (/^[a-z0-9][a-z0-9-]{1,14}[a-z0-9]$/.test(name)) return [];
  return [issue("taskName", "invalid_task_name", `Task names use lowercase letters, digits and hyphens only: '${name}'.`, "error", "Rename the task.")];
}

/** A request body like Rust's (compact JSON, one line). */
export function requestJsonOf(draft: TaskDraft): string {
  return JSON.stringify({
    tableName: draft.tableName,
    taskName: draft.taskName,
    taskConfig: {
      ossPrefix: draft.ossPrefix,
      ossBucket: draft.ossBucket,
      ossEndpoint: draft.ossEndpoint,
      ossStsRole: draft.roleArn,
      format: "Parquet",
      schema: draft.schema.map((entry) => ({ columnName: entry.sourceColumn, ossColumnName: entry.outputName, type: entry.parquetType, encode: "PLAIN" })),
    },
    taskType: draft.taskType,
  });
}

/** What check_draft answers: the given issues, and a request and example key when none is an error. */
export function reviewFixture(draft: TaskDraft, issues: Issue[] = [], overrides: Partial<DraftReview> = {}): DraftReview {
  const blocked = issues.some((found) => found.severity === "error");
  const expanded = draft.ossPrefix.replace("$yyyy", "2026").replace("$MM", "11").replace("$dd", "24").replace("$HH", "14").replace("$mm", "30");
  return {
    issues,
    request: null,
    requestJson: blocked ? null : requestJsonOf(draft),
    dirtyCounts: [],
    prefixPreview:
      draft.ossBucket && draft.taskName
        ? {
            keys: [
              {
                firstInstant: "1795962600000",
                instantCount: 1,
                expandedPrefix: expanded,
                objectKey: `${expanded}/${draft.taskName}_0_${expanded.replaceAll("/", "_")}__1`,
                ossUrl: `oss://${draft.ossBucket}/${expanded}/${draft.taskName}_0_${expanded.replaceAll("/", "_")}__1`,
                partitions: [],
              },
            ],
            partitionColumns: [],
            issues: [],
          }
        : null,
    eventTimeCheck: null,
    instanceRegion: "cn-hangzhou",
    bucketRegion: "cn-hangzhou",
    sampledRows: 1000,
    ...overrides,
  };
}

export function roleFixture(exists: boolean | null = true): DeliveryRoleStatus {
  return {
    accountId: "1234567890123456",
    roleArn: ROLE_ARN,
    exists,
    problem: null,
    docUrl: "https://help.aliyun.com/document_detail/example.html",
  };
}

export const PARQUET_PREVIEW: ParquetPreview = {
  columns: [
    { name: "order_id", parquetType: "UTF8", fileType: "BYTE_ARRAY (String)", dirtyValues: 0 },
    { name: "amount", parquetType: "DOUBLE", fileType: "DOUBLE", dirtyValues: 3 },
  ],
  rows: [
    ["o-0001", "12.5"],
    ["o-0002", null],
  ],
  totalRows: 1000,
  fileBytes: 20480,
};
