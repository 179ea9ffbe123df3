import { render, screen, waitFor, within } from "../../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { DeliveryTaskView } from "../../bindings/DeliveryTaskView";
import { initI18n } from "../../i18n";
import { clearCommandMocks, mockCommands } from "../../ipc/testing";
import { checkpointDate } from "./taskRows";
import { TasksPage } from "./TasksPage";

beforeEach(async () => {
  await initI18n("en");
});
afterEach(() => {
  clearCommandMocks();
});

function mockTasks(tasks: DeliveryTaskView[], deleted: string[]) {
  mockCommands({
    list_tables: () => ["orders", "users"],
    list_delivery_tasks: ({ table }) => (table === "orders" ? tasks.filter((t) => !deleted.includes(t.taskName)) : []),
    list_instance_tasks: () => ({ tasks: tasks.filter((t) => !deleted.includes(t.taskName)), tablesAsked: 2, failedTables: [] }),
    describe_delivery_task: ({ task }) =>
      task === "orders-daily"
        ? {
            taskType: "BASE_INC",
            phase: "INIT",
            checkpointNs: null,
            errorCode: "UNAUTHORIZED",
            errorDetail: "role acs:ram::1:role/x does not exist",
            bucket: "sandbox-delivery",
            prefix: "orders/$yyyy",
            columnCount: 3,
          }
        : {
            taskType: "BASE",
            phase: "INCR",
            checkpointNs: "1732440000000000000",
            errorCode: null,
            errorDetail: null,
            bucket: "sandbox-archive",
            prefix: "full",
            columnCount: 1,
          },
    delete_delivery_task: ({ task }) => {
      deleted.push(task);
      return null;
    },
  });
}

const TASKS: DeliveryTaskView[] = [
  { tableName: "orders", taskName: "orders-daily", taskType: "BASE_INC" },
  { tableName: "orders", taskName: "orders-full", taskType: "BASE" },
];

describe("TasksPage", () => {
  it("shows each task of the chosen table with its phase, checkpoint and problem", async () => {
    mockTasks(TASKS, []);
    render(<TasksPage profile="sandbox" />);
    await userEvent.click(await screen.findByRole("option", { name: "orders" }));
    expect(await screen.findByRole("heading", { name: "Tasks of orders" })).toBeInTheDocument();
    const daily = await screen.findByRole("row", { name: /orders-daily/ });
    expect(within(daily).getByText("Full, then incremental")).toBeInTheDocument();
    expect(screen.queryByRole("columnheader", { name: "Table" })).not.toBeInTheDocument();
    expect(within(daily).getByText("Phase: Initialising")).toBeInTheDocument();
    expect(daily).toHaveTextContent("Not authorised: the delivery role is missing or wrong. role acs:ram::1:role/x does not exist");
    const full = screen.getByRole("row", { name: /orders-full/ });
    expect(within(full).getByText("Phase: Incremental")).toBeInTheDocument();
    expect(full).toHaveTextContent("sandbox-archive/full");
    // The checkpoint in local time and UTC, and how far behind now it is.
    expect(full).toHaveTextContent("UTC Nov 24, 2024, 9:20:00 AM");
    expect(Number(full.querySelector(".task-lag")?.getAttribute("data-lag-ms"))).toBeGreaterThan(0);
    expect(full.querySelector(".task-lag")).toHaveTextContent(/\d+ days?/);
  });

  it("deletes a task only after confirmation, then lists the rest", async () => {
    const deleted: string[] = [];
    mockTasks(TASKS, deleted);
    render(<TasksPage profile="sandbox" />);
    await userEvent.click(await screen.findByRole("option", { name: "orders" }));
    await userEvent.click(await screen.findByRole("button", { name: "Delete orders-full" }));
    const dialog = screen.getByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(deleted).toEqual([]);
    await userEvent.click(screen.getByRole("button", { name: "Delete orders-full" }));
    await userEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Delete task" }));
    await waitFor(() => {
      expect(screen.queryByRole("row", { name: /orders-full/ })).not.toBeInTheDocument();
    });
    expect(deleted).toEqual(["orders-full"]);
  });

  it("says so when a table has no tasks", async () => {
    mockTasks(TASKS, []);
    render(<TasksPage profile="sandbox" />);
    await userEvent.click(await screen.findByRole("option", { name: "users" }));
    expect(await screen.findByText("This table has no delivery tasks.")).toBeInTheDocument();
  });
});

describe("TasksPage opened for a new task", () => {
  it("shows the table with the task's details and files open, and reads both again while it runs", async () => {
    let describes = 0;
    let listings = 0;
    mockCommands({
      list_tables: () => ["orders", "users"],
      list_delivery_tasks: () => [{ tableName: "orders", taskName: "orders-new", taskType: "BASE_INC" }],
      describe_delivery_task: () => {
        describes += 1;
        return {
          taskType: "BASE_INC",
          phase: "INIT",
          checkpointNs: null,
          errorCode: null,
          errorDetail: null,
          bucket: "sandbox-delivery",
          prefix: "orders/$yyyy",
          columnCount: 3,
        };
      },
      list_delivered_files: () => {
        listings += 1;
        return { bucket: "sandbox-delivery", listedPrefix: "orders/", objects: [], truncated: false };
      },
    });
    render(<TasksPage profile="sandbox" initialTable="orders" openTask="orders-new" refreshMs={40} />);
    expect(await screen.findByRole("button", { name: "Details and files of orders-new" })).toHaveAttribute("aria-expanded", "true");
    expect(await screen.findByRole("region", { name: "Delivered files of orders-new" })).toHaveTextContent("oss://sandbox-delivery/orders/");
    expect(screen.getByText("Refreshing every 0 s while a task is running.")).toBeInTheDocument();
    await waitFor(() => {
      expect(describes).toBeGreaterThanOrEqual(3);
      expect(listings).toBeGreaterThanOrEqual(3);
    });
    await userEvent.click(screen.getByRole("button", { name: "Details and files of orders-new" }));
    expect(screen.queryByRole("region", { name: "Delivered files of orders-new" })).not.toBeInTheDocument();
  });
});

describe("checkpointDate", () => {
  it("turns nanoseconds into a date without losing the milliseconds", () => {
    expect(checkpointDate("1732440000123456789")?.toISOString()).toBe("2024-11-24T09:20:00.123Z");
    expect(checkpointDate(null)).toBeNull();
    expect(checkpointDate("0")).toBeNull();
  });
});
