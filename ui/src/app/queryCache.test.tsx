import { render, screen, waitFor, within } from "../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { CommandName } from "../ipc/commands";
import type { CommandHandlers } from "../ipc/testing";
import { clearCommandMocks, mockCommands } from "../ipc/testing";
import { initI18n } from "../i18n";
import { TasksPage } from "../features/tasks/TasksPage";
import { appInfoFixture } from "../test/appInfoFixture";
import { reviewFixture, roleFixture } from "../test/deliveryFixture";
import { profileFixture } from "../test/profileFixture";
import { App } from "./App";
import { queryKeys } from "./queryKeys";

beforeEach(async () => {
  await initI18n("en");
  localStorage.clear();
  localStorage.setItem("tsds.lastProfile", "sandbox");
});
afterEach(() => {
  clearCommandMocks();
});

/** Answers the commands given and counts how often each was called. */
function counted(handlers: CommandHandlers): Map<CommandName, number> {
  const calls = new Map<CommandName, number>();
  const wrapped: Record<string, (args: never) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [CommandName, (args: never) => unknown][]) {
    wrapped[name] = (args: never) => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return handler(args);
    };
  }
  mockCommands(wrapped);
  return calls;
}

function sandboxBackend(): Map<CommandName, number> {
  return counted({
    app_info: () => appInfoFixture({ sandbox: { running: true, endpoints: null } }),
    list_profiles: () => [profileFixture({ name: "sandbox", kind: "sandbox", instanceName: "sandbox-demo" })],
    list_instances: () => [],
    list_tables: () => ["orders", "users"],
    list_buckets: () => [{ name: "sandbox-delivery", region: "cn-hangzhou", sameRegion: true }],
    table_columns: ({ table }) => [{ name: `${table}_id`, origin: "primaryKey", typesSeen: ["STRING"] }],
    type_rules: () => [{ source: "STRING", target: "UTF8", verdict: { status: "supported" }, isDefault: true }],
    delivery_role: () => roleFixture(true),
    check_draft: ({ draft }) => reviewFixture(draft, []),
  });
}

const step = (name: RegExp) => within(screen.getByRole("navigation", { name: "Steps" })).getByRole("button", { name });

describe("the query cache", () => {
  it("answers a return to Source & destination from the cache: tables, buckets and columns are asked once", async () => {
    const calls = sandboxBackend();
    render(<App />);
    await userEvent.click(await screen.findByRole("option", { name: "orders" }));
    await userEvent.click(step(/Schema/));
    expect(await screen.findByRole("row", { name: /orders_id/ })).toBeInTheDocument();
    await userEvent.click(step(/Source & destination/));
    // The lists are on screen at once, without a "Loading" in between.
    expect(screen.getByRole("option", { name: "orders" })).toHaveAttribute("aria-selected", "true");
    await userEvent.click(step(/Schema/));
    expect(await screen.findByRole("row", { name: /orders_id/ })).toBeInTheDocument();
    expect(calls.get("list_tables")).toBe(1);
    expect(calls.get("list_buckets")).toBe(1);
    expect(calls.get("table_columns")).toBe(1);
    expect(calls.get("app_info")).toBe(1);
    expect(calls.get("list_profiles")).toBe(1);
    expect(calls.get("delivery_role")).toBe(1);
  });

  it("gives every render a cache of its own, so nothing leaks from one test to the next", async () => {
    const calls = sandboxBackend();
    const first = render(<App />);
    await screen.findByRole("option", { name: "orders" });
    first.unmount();
    const second = render(<App />);
    await screen.findByRole("option", { name: "orders" });
    expect(calls.get("list_tables")).toBe(2);
    expect(second.queryClient.getQueryData(queryKeys.tables("sandbox"))).toEqual(["orders", "users"]);
    expect(first.queryClient).not.toBe(second.queryClient);
  });
});

describe("moving a profile to another instance", () => {
  it("forgets what was read for the old instance and lists the new one's tables", async () => {
    localStorage.setItem("tsds.lastProfile", "prod");
    let instance = "prod-inst";
    const calls = counted({
      app_info: () => appInfoFixture(),
      list_profiles: () => [profileFixture({ instanceName: instance })],
      list_instances: () => [
        { name: "prod-inst", region: "cn-hangzhou", status: "Normal", description: null },
        { name: "other-inst", region: "cn-hangzhou", status: "Normal", description: null },
      ],
      list_tables: () => (instance === "prod-inst" ? ["orders"] : ["events"]),
      list_buckets: () => [],
      delivery_role: () => roleFixture(true),
      update_profile: ({ request }) => {
        instance = request.instanceName ?? instance;
        return profileFixture({ instanceName: instance });
      },
    });
    render(<App />);
    expect(await screen.findByRole("option", { name: "orders" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("option", { name: "other-inst" }));
    expect(await screen.findByRole("option", { name: "events" })).toBeInTheDocument();
    expect(screen.queryByRole("option", { name: "orders" })).not.toBeInTheDocument();
    expect(calls.get("list_tables")).toBe(2);
  });
});

describe("deleting a task", () => {
  it("reads the table's task list again, and drops the instance's cached list too", async () => {
    const deleted: string[] = [];
    const listed = [
      { tableName: "orders", taskName: "orders-daily", taskType: "BASE_INC" as const },
      { tableName: "orders", taskName: "orders-full", taskType: "BASE" as const },
    ];
    const left = () => listed.filter((task) => !deleted.includes(task.taskName));
    const calls = counted({
      list_tables: () => ["orders"],
      list_delivery_tasks: () => left(),
      list_instance_tasks: () => ({ tasks: left(), tablesAsked: 1, failedTables: [] }),
      describe_delivery_task: () => ({
        taskType: "BASE",
        phase: "INCR",
        checkpointNs: null,
        errorCode: null,
        errorDetail: null,
        bucket: "sandbox-delivery",
        prefix: "full",
        columnCount: 1,
      }),
      delete_delivery_task: ({ task }) => {
        deleted.push(task);
        return null;
      },
    });
    const { queryClient } = render(<TasksPage profile="sandbox" />);
    // The whole instance first, then the table: both lists are now in the cache.
    expect(await screen.findByRole("row", { name: /orders-full/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("option", { name: "orders" }));
    expect(await screen.findByRole("heading", { name: "Tasks of orders" })).toBeInTheDocument();
    await screen.findByRole("row", { name: /orders-full/ });
    expect(calls.get("list_delivery_tasks")).toBe(1);
    expect(calls.get("list_instance_tasks")).toBe(1);

    await userEvent.click(screen.getByRole("button", { name: "Delete orders-full" }));
    await userEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Delete task" }));
    await waitFor(() => {
      expect(screen.queryByRole("row", { name: /orders-full/ })).not.toBeInTheDocument();
    });
    expect(calls.get("list_delivery_tasks")).toBe(2);
    // The instance's list is not on screen: it is marked stale, read again when shown.
    expect(queryClient.getQueryState(queryKeys.instanceTasks("sandbox"))?.isInvalidated).toBe(true);
    await userEvent.click(screen.getByRole("option", { name: "All tables" }));
    await screen.findByRole("row", { name: /orders-daily/ });
    expect(screen.queryByRole("row", { name: /orders-full/ })).not.toBeInTheDocument();
    expect(calls.get("list_instance_tasks")).toBe(2);
  });
});
