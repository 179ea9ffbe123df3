import { render, screen, waitFor, within } from "../../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { DeliveryTaskStatus } from "../../bindings/DeliveryTaskStatus";
import type { DriftReport } from "../../bindings/DriftReport";
import { initI18n } from "../../i18n";
import type { CommandHandlers } from "../../ipc/testing";
import { clearCommandMocks, mockCommands } from "../../ipc/testing";
import { seriousViolations } from "../../test/axe";
import { draftFixture, ROLE_ARN } from "../../test/deliveryFixture";
import { DRIFT_SAMPLE_ROWS } from "./DriftPanel";
import { formatLag } from "./formatLag";
import { mapBounded } from "./mapBounded";
import { TasksPage } from "./TasksPage";

beforeEach(async () => {
  await initI18n("en");
});
afterEach(() => {
  clearCommandMocks();
});

function status(overrides: Partial<DeliveryTaskStatus> = {}): DeliveryTaskStatus {
  return {
    taskType: "BASE_INC",
    phase: "INCR",
    checkpointNs: "1732440000000000000",
    errorCode: null,
    errorDetail: null,
    bucket: "sandbox-delivery",
    prefix: "orders/$yyyy",
    columnCount: 2,
    ...overrides,
  };
}

const STATUS_BY_TASK: Record<string, DeliveryTaskStatus> = {
  "orders/orders-daily": status(),
  "users/users-full": status({ taskType: "BASE", phase: "FULL", errorCode: "UNAUTHORIZED", errorDetail: "no role", prefix: "users" }),
  "events/events-inc": status({ taskType: "INC", errorCode: "INVALID_OSS_BUCKET", errorDetail: "bucket in cn-beijing", prefix: "events" }),
};

const DENIED = {
  code: "permission_denied" as const,
  message: "ots:ListDeliveryTask was denied for table audit.",
  remedy: "Grant ots:ListDeliveryTask to the profile's keys.",
  serviceCode: "OTSAuthFailed",
  requestId: "req-audit-1",
};

function backend(extra: CommandHandlers = {}) {
  const described: string[] = [];
  mockCommands({
    list_tables: () => ["audit", "events", "orders", "users"],
    list_instance_tasks: () => ({
      tasks: [
        { tableName: "events", taskName: "events-inc", taskType: "INC" },
        { tableName: "orders", taskName: "orders-daily", taskType: "BASE_INC" },
        { tableName: "users", taskName: "users-full", taskType: "BASE" },
      ],
      tablesAsked: 4,
      failedTables: [{ tableName: "audit", error: DENIED }],
    }),
    describe_delivery_task: ({ table, task }) => {
      described.push(`${table}/${task}`);
      const found = STATUS_BY_TASK[`${table}/${task}`];
      if (!found) throw new Error(`no task ${table}/${task}`);
      return found;
    },
    list_delivered_files: ({ table }) => ({ bucket: "sandbox-delivery", listedPrefix: `${table}/`, objects: [], truncated: false }),
    ...extra,
  });
  return described;
}

describe("the tasks of every table", () => {
  it("gives tables that failed with the same error one notice naming them all, one per error code", async () => {
    const denied = Array.from({ length: 12 }, (_, index) => ({
      tableName: `table_${index}`,
      error: { ...DENIED, message: `ots:ListDeliveryTask was denied for table table_${index}.`, requestId: `req-${index}` },
    }));
    const throttled = {
      tableName: "busy",
      error: { code: "throttled" as const, message: "Too many requests.", remedy: null, serviceCode: null, requestId: null },
    };
    backend({
      list_instance_tasks: () => ({
        tasks: [{ tableName: "orders", taskName: "orders-daily", taskType: "BASE_INC" }],
        tablesAsked: 14,
        failedTables: [...denied.slice(0, 1), throttled, ...denied.slice(1)],
      }),
    });
    render(<TasksPage profile="sandbox" />);
    const failed = await screen.findByRole("region", { name: "Tables whose tasks could not be listed: 13" });
    const notices = within(failed).getAllByRole("alert");
    expect(notices.map((notice) => notice.getAttribute("data-error-code"))).toEqual(["permission_denied", "throttled"]);
    const [deniedNotice, throttledNotice] = notices;
    if (!deniedNotice || !throttledNotice) throw new Error("two notices expected");
    expect(deniedNotice).toHaveTextContent(`Tables (12): ${denied.map(({ tableName }) => tableName).join(", ")}`);
    expect(within(deniedNotice).getAllByRole("listitem")).toHaveLength(12);
    expect(within(deniedNotice).getByText("req-11")).toBeInTheDocument();
    expect(throttledNotice).toHaveTextContent("Tables (1): busy");
    // The group's remedy is said once, not once per table.
    expect(failed.textContent.match(/Grant ots:ListDeliveryTask/g)).toHaveLength(1);
    // However many failed, they follow the tasks, so the tasks are seen first.
    const orders = await screen.findByRole("row", { name: /orders-daily/ });
    expect(orders.compareDocumentPosition(failed) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("with no task to show, puts the failed tables first", async () => {
    backend({ list_instance_tasks: () => ({ tasks: [], tablesAsked: 4, failedTables: [{ tableName: "audit", error: DENIED }] }) });
    render(<TasksPage profile="sandbox" />);
    const failed = await screen.findByRole("region", { name: "Tables whose tasks could not be listed: 1" });
    const empty = screen.getByText("No table of this instance has delivery tasks.");
    expect(failed.compareDocumentPosition(empty) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText("Tables asked: 4")).toBeInTheDocument();
  });

  it("is the default: lists each table's tasks with a Table column and a failed table's coded error", async () => {
    const described = backend();
    render(<TasksPage profile="sandbox" />);
    expect(await screen.findByRole("option", { name: "All tables" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getAllByRole("option")[0]).toHaveAccessibleName("All tables");
    expect(await screen.findByRole("heading", { name: "Tasks of every table" })).toBeInTheDocument();
    expect(screen.getByRole("columnheader", { name: "Table" })).toBeInTheDocument();

    const orders = await screen.findByRole("row", { name: /orders-daily/ });
    expect(within(orders).getAllByRole("cell")[0]).toHaveTextContent("orders");
    expect(orders).toHaveTextContent("Incremental");
    expect(orders).toHaveTextContent("UTC Nov 24, 2024, 9:20:00 AM");
    const users = screen.getByRole("row", { name: /users-full/ });
    expect(within(users).getAllByRole("cell")[0]).toHaveTextContent("users");
    expect(users).toHaveTextContent("Not authorised: the delivery role is missing or wrong. no role");
    expect(within(screen.getByRole("row", { name: /events-inc/ })).getAllByRole("cell")[0]).toHaveTextContent("events");

    const failed = screen.getByRole("region", { name: "Tables whose tasks could not be listed: 1" });
    const notice = within(failed).getByRole("alert");
    expect(notice).toHaveAttribute("data-error-code", "permission_denied");
    expect(notice).toHaveTextContent("The key lacks a permission. Grant ots:ListDeliveryTask to the profile's keys.");
    expect(notice).toHaveTextContent("Tables (1): audit");
    const audit = within(notice).getByRole("listitem");
    expect(audit).toHaveAttribute("data-table", "audit");
    expect(audit).toHaveTextContent("audit: ots:ListDeliveryTask was denied for table audit.");
    expect(audit).toHaveTextContent("req-audit-1");
    expect(screen.getByText("Tables asked: 4; the tasks of 1 could not be listed (see below the tasks).")).toBeInTheDocument();
    expect(described.sort()).toEqual(["events/events-inc", "orders/orders-daily", "users/users-full"]);
  });

  it("reads every table again while a task runs, and one table's tasks once it is picked", async () => {
    let listings = 0;
    backend({
      list_instance_tasks: () => {
        listings += 1;
        return { tasks: [{ tableName: "orders", taskName: "orders-daily", taskType: "BASE_INC" }], tablesAsked: 4, failedTables: [] };
      },
      list_delivery_tasks: ({ table }) => (table === "users" ? [{ tableName: "users", taskName: "users-full", taskType: "BASE" }] : []),
    });
    render(<TasksPage profile="sandbox" refreshMs={40} />);
    expect(await screen.findByText("Refreshing every 0 s while a task is running.")).toBeInTheDocument();
    await waitFor(() => {
      expect(listings).toBeGreaterThanOrEqual(3);
    });
    await userEvent.click(screen.getByRole("option", { name: "users" }));
    expect(await screen.findByRole("heading", { name: "Tasks of users" })).toBeInTheDocument();
    expect(await screen.findByRole("row", { name: /users-full/ })).toBeInTheDocument();
    expect(screen.queryByRole("columnheader", { name: "Table" })).not.toBeInTheDocument();
    expect(screen.queryByText("Refreshing every 0 s while a task is running.")).not.toBeInTheDocument();
  });

  it("deletes a task of another table than the first, naming it, from the same view", async () => {
    const deleted: string[] = [];
    backend({
      delete_delivery_task: ({ table, task }) => {
        deleted.push(`${table}/${task}`);
        return null;
      },
    });
    render(<TasksPage profile="sandbox" />);
    await userEvent.click(await screen.findByRole("button", { name: "Delete users-full" }));
    const dialog = screen.getByRole("dialog", { name: "Delete delivery task users-full?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete task" }));
    await waitFor(() => {
      expect(deleted).toEqual(["users/users-full"]);
    });
  });

  it("opens a task's details with its files from the same view", async () => {
    backend();
    render(<TasksPage profile="sandbox" />);
    const details = await screen.findByRole("button", { name: "Details and files of events-inc" });
    await userEvent.click(details);
    expect(details).toHaveAttribute("aria-expanded", "true");
    expect(await screen.findByRole("region", { name: "Delivered files of events-inc" })).toHaveTextContent("oss://sandbox-delivery/events/");
  });
});

describe("by keyboard and in Simplified Chinese", () => {
  it("picks a table with the arrows and runs the drift check with Enter", async () => {
    backend({
      list_delivery_tasks: ({ table }) => (table === "audit" ? [] : [{ tableName: table, taskName: `${table}-x`, taskType: "BASE" }]),
      drift_watch: () => driftReport([]),
    });
    render(<TasksPage profile="sandbox" />);
    await screen.findByRole("row", { name: /orders-daily/ });
    const filter = screen.getByRole("searchbox", { name: "Filter tables with tasks" });
    filter.focus();
    await userEvent.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    expect(await screen.findByRole("heading", { name: "Tasks of events" })).toBeInTheDocument();
    await userEvent.keyboard("{Home}{Enter}");
    expect(await screen.findByRole("heading", { name: "Tasks of every table" })).toBeInTheDocument();
    const details = await screen.findByRole("button", { name: "Details and files of orders-daily" });
    details.focus();
    await userEvent.keyboard("{Enter}");
    const check = screen.getByRole("button", { name: "Check for new columns" });
    check.focus();
    await userEvent.keyboard("{Enter}");
    expect(await screen.findByText(/Every sampled column is delivered\./)).toBeInTheDocument();
  });

  it("speaks Simplified Chinese throughout the all-tables view", async () => {
    await initI18n("zh-CN");
    backend();
    render(<TasksPage profile="sandbox" region="cn-hangzhou" onOpenWizard={vi.fn()} />);
    expect(await screen.findByRole("option", { name: "全部数据表" })).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByRole("heading", { name: "所有数据表的任务" })).toBeInTheDocument();
    expect(screen.getByRole("columnheader", { name: "数据表" })).toBeInTheDocument();
    expect(screen.getByText("已查询数据表：4；其中 1 个无法列出任务（见任务下方）。")).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "修复投递角色" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "为 events 选择存储空间" })).toBeInTheDocument();
    // The service's English detail of a task problem is labelled and marked as English.
    const users = screen.getByRole("row", { name: /users-full/ });
    const detail = users.querySelector('[data-english-detail="detail"]');
    expect(detail).toHaveTextContent("详情（英文）：no role");
    expect(detail?.querySelector('[lang="en"]')).toHaveTextContent(/^no role$/);
    // So is the English remedy of the tables that could not be listed.
    const failed = document.querySelector(".failed-group");
    expect(failed?.querySelector('[data-english-detail="remedy"] [lang="en"]')).not.toBeNull();
  });
});

describe("one-click remedies", () => {
  it("UNAUTHORIZED: looks the role up and creates the missing role right there", async () => {
    const created: string[] = [];
    backend({
      delivery_role: () => ({ accountId: "1234567890123456", roleArn: ROLE_ARN, exists: false, problem: null, docUrl: "https://help.aliyun.com/role" }),
      create_delivery_role: ({ profile }) => {
        created.push(profile);
        return { accountId: "1234567890123456", roleArn: ROLE_ARN, exists: true, problem: null, docUrl: "https://help.aliyun.com/role" };
      },
    });
    render(<TasksPage profile="sandbox" />);
    const users = await screen.findByRole("row", { name: /users-full/ });
    expect(within(screen.getByRole("row", { name: /orders-daily/ })).queryByRole("button", { name: "Fix the delivery role" })).not.toBeInTheDocument();
    await userEvent.click(within(users).getByRole("button", { name: "Fix the delivery role" }));
    expect(await within(users).findByText(/The delivery role does not exist in account 1234567890123456/)).toBeInTheDocument();
    await userEvent.click(within(users).getByRole("button", { name: "Create the delivery role" }));
    expect(await within(users).findByText(`Role created: ${ROLE_ARN}. Refresh the tasks in a few minutes; if the error stays, create the task again.`)).toBeInTheDocument();
    expect(created).toEqual(["sandbox"]);
    expect(within(users).queryByRole("button", { name: "Create the delivery role" })).not.toBeInTheDocument();
  });

  it("UNAUTHORIZED: a failed create shows its coded error and lets the user try again", async () => {
    backend({
      delivery_role: () => ({ accountId: "1", roleArn: ROLE_ARN, exists: false, problem: null, docUrl: "https://help.aliyun.com/role" }),
      create_delivery_role: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the plain IpcError object
        throw { code: "permission_denied", message: "ram:CreateServiceLinkedRole was denied.", remedy: "Ask an administrator.", serviceCode: null, requestId: "req-7" };
      },
    });
    render(<TasksPage profile="sandbox" />);
    const users = await screen.findByRole("row", { name: /users-full/ });
    await userEvent.click(within(users).getByRole("button", { name: "Fix the delivery role" }));
    await userEvent.click(await within(users).findByRole("button", { name: "Create the delivery role" }));
    const alert = await within(users).findByRole("alert");
    expect(alert).toHaveTextContent("ram:CreateServiceLinkedRole was denied.");
    expect(alert).toHaveTextContent("Ask an administrator.");
    expect(within(users).getByRole("button", { name: "Create the delivery role" })).toBeEnabled();
  });

  it("INVALID_OSS_BUCKET: names the instance's region and opens the wizard for the task's table", async () => {
    backend();
    const onOpenWizard = vi.fn();
    render(<TasksPage profile="sandbox" region="cn-hangzhou" onOpenWizard={onOpenWizard} />);
    const events = await screen.findByRole("row", { name: /events-inc/ });
    expect(events).toHaveTextContent("The bucket must exist and be in the instance's region (cn-hangzhou)");
    await userEvent.click(within(events).getByRole("button", { name: "Choose a bucket for events" }));
    expect(onOpenWizard).toHaveBeenCalledWith("events");
  });
});

const SUGGESTED = draftFixture({
  taskName: "",
  schema: [
    { sourceColumn: "order_id", outputName: "order_id", parquetType: "UTF8" },
    { sourceColumn: "amount", outputName: "amount", parquetType: "DOUBLE" },
    { sourceColumn: "coupon_code", outputName: "coupon_code", parquetType: "UTF8" },
  ],
});

const COUPON: DriftReport["undelivered"] = [
  {
    name: "coupon_code",
    origin: "sampled",
    types: [
      { tablestoreType: "INTEGER", rows: 12 },
      { tablestoreType: "STRING", rows: 1200 },
    ],
    presentRows: 1212,
    presencePercent: 40.4,
  },
];

function driftReport(undelivered: DriftReport["undelivered"]): DriftReport {
  const sample = { report: { rowsSeen: 3000, columns: undelivered }, reachedEnd: false };
  return { tableName: "orders", taskName: "orders-daily", sampledRows: 3000, deliveredColumns: ["order_id", "amount"], undelivered, sample, suggestedDraft: SUGGESTED };
}

describe("the drift watch", () => {
  it("lists the columns the task does not deliver and hands the suggested draft on", async () => {
    const asked: string[] = [];
    backend({
      drift_watch: ({ profile, table, task, maxRows }) => {
        asked.push(`${profile}/${table}/${task}/${String(maxRows)}`);
        return driftReport(COUPON);
      },
    });
    const onDraftFromTask = vi.fn();
    render(<TasksPage profile="sandbox" onDraftFromTask={onDraftFromTask} />);
    await userEvent.click(await screen.findByRole("button", { name: "Details and files of orders-daily" }));
    const drift = screen.getByRole("region", { name: "New columns in orders-daily" });
    expect(drift).toHaveTextContent("Rows are schemaless: columns that appear after a task was created are silently not delivered.");
    await userEvent.click(within(drift).getByRole("button", { name: "Check for new columns" }));
    const coupon = await within(drift).findByRole("row", { name: /coupon_code/ });
    const cells = within(coupon).getAllByRole("cell");
    expect(cells[0]).toHaveTextContent("INTEGER × 12");
    expect(cells[0]).toHaveTextContent("STRING × 1,200");
    expect(cells[1]).toHaveTextContent("40.4 % of rows");
    expect(drift).toHaveTextContent("Sampled 3,000 rows; the task delivers 2 columns. Columns in the data that the task does not deliver: 1");
    expect(asked).toEqual([`sandbox/orders/orders-daily/${String(DRIFT_SAMPLE_ROWS)}`]);
    await userEvent.click(within(drift).getByRole("button", { name: "Create a new task including them" }));
    expect(onDraftFromTask).toHaveBeenCalledWith(SUGGESTED, driftReport(COUPON).sample);
  });

  it("says every sampled column is delivered when none is missing", async () => {
    backend({ drift_watch: () => driftReport([]) });
    render(<TasksPage profile="sandbox" onDraftFromTask={vi.fn()} />);
    await userEvent.click(await screen.findByRole("button", { name: "Details and files of orders-daily" }));
    const drift = screen.getByRole("region", { name: "New columns in orders-daily" });
    await userEvent.click(within(drift).getByRole("button", { name: "Check for new columns" }));
    expect(await within(drift).findByText(/Every sampled column is delivered\./)).toBeInTheDocument();
    expect(within(drift).queryByRole("button", { name: "Create a new task including them" })).not.toBeInTheDocument();
  });

  it("shows a failed check as a coded error with a retry", async () => {
    let attempts = 0;
    backend({
      drift_watch: () => {
        attempts += 1;
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the plain IpcError object
        throw { code: "throttled", message: "Tablestore asked to slow down.", remedy: "Try again in a minute.", serviceCode: null, requestId: null };
      },
    });
    render(<TasksPage profile="sandbox" />);
    await userEvent.click(await screen.findByRole("button", { name: "Details and files of orders-daily" }));
    const drift = screen.getByRole("region", { name: "New columns in orders-daily" });
    await userEvent.click(within(drift).getByRole("button", { name: "Check for new columns" }));
    expect(await within(drift).findByRole("alert")).toHaveTextContent("Try again in a minute.");
    await userEvent.click(within(drift).getByRole("button", { name: "Try again" }));
    await waitFor(() => {
      expect(attempts).toBe(2);
    });
  });
});

describe("accessibility scan (axe-core)", () => {
  it("finds no serious violation in the all-tables view with a remedy and a drift report open", async () => {
    backend({
      delivery_role: () => ({ accountId: "1", roleArn: ROLE_ARN, exists: false, problem: null, docUrl: "https://help.aliyun.com/role" }),
      drift_watch: () =>
        driftReport([
          { name: "coupon_code", origin: "sampled", types: [{ tablestoreType: "STRING", rows: 30 }], presentRows: 30, presencePercent: 1 },
          { name: "note", origin: "sampled", types: [{ tablestoreType: "BINARY", rows: 3 }], presentRows: 3, presencePercent: 0.1 },
        ]),
    });
    render(<TasksPage profile="sandbox" region="cn-hangzhou" onOpenWizard={vi.fn()} onDraftFromTask={vi.fn()} />);
    const users = await screen.findByRole("row", { name: /users-full/ });
    await userEvent.click(within(users).getByRole("button", { name: "Fix the delivery role" }));
    await within(users).findByRole("button", { name: "Create the delivery role" });
    await userEvent.click(screen.getByRole("button", { name: "Details and files of orders-daily" }));
    await userEvent.click(screen.getByRole("button", { name: "Check for new columns" }));
    await screen.findByRole("button", { name: "Create a new task including them" });
    await screen.findByRole("region", { name: "Delivered files of orders-daily" });
    expect(await seriousViolations()).toEqual([]);
  });
});

describe("mapBounded", () => {
  it("keeps the order and never runs more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const doubled = await mapBounded([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, (11 - n) * 2));
      running -= 1;
      return n * 2;
    });
    expect(doubled).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(most).toBe(4);
    expect(await mapBounded([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});

describe("formatLag", () => {
  it("uses the largest whole unit and never goes below zero", () => {
    expect(formatLag(42_000, "en")).toBe("42 sec");
    expect(formatLag(3 * 60_000 + 5000, "en")).toBe("3 min");
    expect(formatLag(2 * 3_600_000 + 1, "en")).toBe("2 hr");
    expect(formatLag(5 * 86_400_000, "zh-CN")).toBe("5天");
    expect(formatLag(-10_000, "en")).toBe("0 sec");
  });
});
