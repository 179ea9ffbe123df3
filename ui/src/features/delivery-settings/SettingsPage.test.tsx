import { render, screen, waitFor, within } from "../../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { useTaskDraft } from "../../app/useTaskDraft";
import type { ColumnProfile } from "../../bindings/ColumnProfile";
import type { DeliveryRoleStatus } from "../../bindings/DeliveryRoleStatus";
import type { TaskDraft } from "../../bindings/TaskDraft";
import { initI18n } from "../../i18n";
import type { CommandHandlers } from "../../ipc/testing";
import { clearCommandMocks, mockCommands } from "../../ipc/testing";
import { issue, reviewFixture, ROLE_ARN, roleFixture, taskNameIssues } from "../../test/deliveryFixture";
import { profileFixture } from "../../test/profileFixture";
import { insertAtCaret } from "./insertAtCaret";
import { SettingsPage } from "./SettingsPage";

beforeEach(async () => {
  await initI18n("en");
});
afterEach(() => {
  clearCommandMocks();
});

const COLUMNS: ColumnProfile[] = [
  { name: "order_id", origin: "primaryKey", types: [{ tablestoreType: "STRING", rows: 10 }], presentRows: 10, presencePercent: 100 },
  { name: "created", origin: "sampled", types: [{ tablestoreType: "STRING", rows: 10 }], presentRows: 10, presencePercent: 100 },
];

/** The settings step as App hosts it: the real draft hook, Rust answered by `check`. */
function Hosted({ bucket = "sandbox-delivery" }: { bucket?: string }) {
  const wizard = useTaskDraft(profileFixture({ name: "sandbox", kind: "sandbox" }), "orders", bucket);
  if (!wizard.draft) return null;
  return (
    <SettingsPage
      profile="sandbox"
      draft={wizard.draft}
      review={wizard.review}
      reviewError={wizard.reviewError}
      columns={COLUMNS}
      role={wizard.role}
      roleError={wizard.roleError}
      onChange={wizard.update}
      onRoleChanged={wizard.setRole}
    />
  );
}

function backend(extra: CommandHandlers = {}) {
  const checked: TaskDraft[] = [];
  mockCommands({
    delivery_role: () => roleFixture(true),
    check_draft: ({ draft }) => {
      checked.push(draft);
      const issues = [...taskNameIssues(draft.taskName)];
      if (draft.ossBucket === "beijing-out") {
        issues.push(issue("ossBucket", "bucket_wrong_region", "Bucket beijing-out is in cn-beijing; the instance is in cn-hangzhou.", "error", "Choose a bucket in cn-hangzhou."));
      }
      if (draft.ossPrefix.includes("$mm")) {
        issues.push(issue("ossPrefix", "minute_partitions", "Minute-level folders make many small files.", "warning"));
      }
      return reviewFixture(draft, issues);
    },
    ...extra,
  });
  return checked;
}

describe("SettingsPage", () => {
  it("prefills the draft: endpoint from the region, the role from the account, full then incremental", async () => {
    backend();
    render(<Hosted />);
    await waitFor(() => {
      expect(screen.getByLabelText("Delivery role (ARN)")).toHaveValue(ROLE_ARN);
    });
    expect(screen.getByLabelText("OSS bucket")).toHaveValue("sandbox-delivery");
    expect(screen.getByLabelText("OSS endpoint")).toHaveValue("oss-cn-hangzhou.aliyuncs.com");
    expect(screen.getByRole("radio", { name: "Full, then incremental" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "Full" })).toHaveAccessibleDescription("Exports the rows in the table once, then stops.");
    expect(screen.getByText("The role exists in account 1234567890123456.")).toBeInTheDocument();
  });

  it("shows Rust's finding about a bad task name under the field, and clears it once fixed", async () => {
    const checked = backend();
    render(<Hosted />);
    const name = screen.getByLabelText("Task name");
    await userEvent.type(name, "Orders_Daily");
    const message = await screen.findByText("Task names use lowercase letters, digits and hyphens only: 'Orders_Daily'.");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription(expect.stringContaining("Task names use lowercase letters") as string);
    expect(name.parentElement).toContainElement(message);
    // Typing is checked after a pause, not once per keystroke.
    expect(checked.length).toBeLessThan("Orders_Daily".length);
    await userEvent.clear(name);
    await userEvent.type(name, "orders-daily");
    await waitFor(() => {
      expect(name).not.toHaveAttribute("aria-invalid");
    });
    expect(checked.at(-1)?.taskName).toBe("orders-daily");
  });

  it("inserts a time variable at the caret and previews the object paths", async () => {
    backend();
    render(<Hosted />);
    await userEvent.type(screen.getByLabelText("Task name"), "orders-daily");
    const prefix = screen.getByLabelText<HTMLInputElement>("OSS prefix (folder inside the bucket)");
    await userEvent.type(prefix, "orders//daily");
    prefix.setSelectionRange(7, 7);
    await userEvent.click(screen.getByRole("button", { name: "Insert $yyyy (year)" }));
    expect(prefix).toHaveValue("orders/$yyyy/daily");
    expect(prefix.selectionStart).toBe(12);
    await userEvent.click(screen.getByRole("button", { name: "Insert $MM (month)" }));
    expect(prefix).toHaveValue("orders/$yyyy$MM/daily");
    expect(await screen.findByText("oss://sandbox-delivery/orders/202611/daily/orders-daily_0_orders_202611_daily__1")).toBeInTheDocument();
    // A warning from the domain appears by the field without marking it invalid.
    await userEvent.click(screen.getByRole("button", { name: "Insert $mm (minute)" }));
    expect(await screen.findByText("Minute-level folders make many small files.")).toBeInTheDocument();
    expect(prefix).not.toHaveAttribute("aria-invalid");
  });

  it("shows a bucket in another region by the bucket field", async () => {
    backend();
    render(<Hosted bucket="beijing-out" />);
    const bucket = screen.getByLabelText("OSS bucket");
    await waitFor(() => {
      expect(bucket).toHaveAttribute("aria-invalid", "true");
    });
    expect(bucket).toHaveAccessibleDescription(expect.stringContaining("Bucket beijing-out is in cn-beijing") as string);
  });

  it("offers to create a missing role and shows that it exists afterwards", async () => {
    let role: DeliveryRoleStatus = roleFixture(false);
    const created: string[] = [];
    backend({
      delivery_role: () => role,
      create_delivery_role: ({ profile }) => {
        created.push(profile);
        role = roleFixture(true);
        return role;
      },
    });
    render(<Hosted />);
    expect(await screen.findByText("The role AliyunServiceRoleForOTSDataDelivery does not exist in this account yet.")).toBeInTheDocument();
    expect(screen.getByText("https://help.aliyun.com/document_detail/example.html")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Create the role" }));
    expect(await screen.findByText("The role exists in account 1234567890123456.")).toBeInTheDocument();
    expect(created).toEqual(["sandbox"]);
    expect(screen.queryByRole("button", { name: "Create the role" })).not.toBeInTheDocument();
  });

  it("chooses an event-time column and format and shows the sample check", async () => {
    backend({
      check_draft: ({ draft }) =>
        reviewFixture(draft, [], {
          eventTimeCheck: draft.eventTime?.timeFormat
            ? {
                format: draft.eventTime.timeFormat,
                present: 10,
                missing: 0,
                parsed: 8,
                failed: 2,
                failureRate: 0.2,
                examples: [{ value: "yesterday", reason: "not RFC 3339" }],
                instants: [],
                notes: [],
              }
            : null,
        }),
    });
    render(<Hosted />);
    const format = screen.getByLabelText("Time format");
    expect(format).toBeDisabled();
    await userEvent.selectOptions(screen.getByLabelText("Event-time column"), "created");
    await userEvent.selectOptions(format, "RFC3339");
    const check = await screen.findByText(/Sample check: 8 of 10 values parse, 2 fail \(20%\)/);
    expect(within(check.parentElement as HTMLElement).getByText("yesterday")).toBeInTheDocument();
  });
});

describe("insertAtCaret", () => {
  it("replaces the selection and puts the caret after the insert", () => {
    expect(insertAtCaret("ab", "$dd", 1, 1)).toEqual({ text: "a$ddb", caret: 4 });
    expect(insertAtCaret("abcd", "$HH", 1, 3)).toEqual({ text: "a$HHd", caret: 4 });
    expect(insertAtCaret("ab", "$mm", 9, 9)).toEqual({ text: "ab$mm", caret: 5 });
  });
});
