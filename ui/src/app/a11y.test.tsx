import { render, screen, within } from "../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { initI18n } from "../i18n";
import { clearCommandMocks, mockCommands } from "../ipc/testing";
import { appInfoFixture } from "../test/appInfoFixture";
import { seriousViolations } from "../test/axe";
import { draftFixture, issue, PARQUET_PREVIEW, reviewFixture, roleFixture, taskNameIssues } from "../test/deliveryFixture";
import { profileFixture, REGIONS } from "../test/profileFixture";
import { ReviewPage } from "../features/review/ReviewPage";
import { App } from "./App";

beforeEach(async () => {
  await initI18n("en");
  localStorage.clear();
});
afterEach(() => {
  clearCommandMocks();
});

const PROFILES = [
  profileFixture(),
  profileFixture({ name: "dev", status: "keychain_locked", hasSecurityToken: true }),
];

function backend(profiles = PROFILES) {
  mockCommands({
    app_info: () => appInfoFixture(),
    list_profiles: () => profiles,
    known_regions: () => REGIONS,
    list_tables: () => ["orders", "users"],
    list_buckets: () => [{ name: "out", region: "cn-beijing", sameRegion: false }],
    import_preview: () => ({
      candidates: [
        {
          source: "aliyun_cli",
          sourceName: "default",
          detail: "~/.aliyun/config.json",
          suggestedName: "default",
          accessKeyIdMasked: "LTAI****abcd",
          hasSecurityToken: false,
          region: null,
          isCurrent: true,
        },
      ],
      unsupported: [{ source: "environment", sourceName: "environment", mode: "x", reason: "no secret" }],
    }),
  });
}

describe("accessibility scan (axe-core): no serious or critical violations", () => {
  it("does report a serious violation (the scan is live)", async () => {
    render(<button type="button" className="x" />);
    expect((await seriousViolations()).map((v) => v.id)).toContain("button-name");
  });

  it("on the first-start screen", async () => {
    backend([]);
    render(<App />);
    await screen.findByRole("heading", { name: "Welcome to Tablestore Delivery Studio" });
    expect(await seriousViolations()).toEqual([]);
  });

  it("on the profiles page with the switcher open", async () => {
    backend();
    render(<App />);
    await screen.findByRole("heading", { name: "Profiles" });
    await userEvent.click(within(screen.getByRole("banner")).getByRole("button", { name: /No profile selected/ }));
    expect(await seriousViolations()).toEqual([]);
  });

  it("on the profile form showing errors, with the region list and Advanced open", async () => {
    backend([]);
    render(<App />);
    await userEvent.click(await screen.findByRole("button", { name: "Add a profile" }));
    await userEvent.click(screen.getByText("Advanced: custom endpoints"));
    await userEvent.click(screen.getByRole("button", { name: "Create profile" }));
    await userEvent.type(screen.getByRole("combobox", { name: "Region" }), "cn");
    await screen.findAllByRole("option");
    expect(await seriousViolations()).toEqual([]);
  });

  it("in the import dialog with a candidate chosen", async () => {
    backend([]);
    render(<App />);
    await userEvent.click(await screen.findByRole("button", { name: /Import from the aliyun CLI/ }));
    await userEvent.click(await screen.findByRole("radio", { name: /default/ }));
    expect(await seriousViolations()).toEqual([]);
  });

  it("in the delete confirmation and the workspace", async () => {
    localStorage.setItem("tsds.lastProfile", "prod");
    backend();
    render(<App />);
    await screen.findByRole("option", { name: "orders" });
    expect(await seriousViolations()).toEqual([]);
    await userEvent.click(within(screen.getByRole("navigation", { name: "Steps" })).getByRole("button", { name: /Profile/ }));
    await userEvent.click(screen.getByRole("button", { name: "Delete prod" }));
    expect(await seriousViolations()).toEqual([]);
  });

  it("in the delivery settings showing errors and the prefix preview, and in the review", async () => {
    localStorage.setItem("tsds.lastProfile", "sandbox");
    mockCommands({
      app_info: () => appInfoFixture(),
      list_profiles: () => [profileFixture({ name: "sandbox", kind: "sandbox", instanceName: "sandbox-demo" })],
      list_instances: () => [],
      list_tables: () => ["orders"],
      list_buckets: () => [{ name: "out-beijing", region: "cn-beijing", sameRegion: false }],
      table_columns: () => [{ name: "id", origin: "primaryKey", typesSeen: ["STRING"] }],
      type_rules: () => [],
      delivery_role: () => roleFixture(false),
      check_draft: ({ draft }) =>
        reviewFixture(
          { ...draft, ossBucket: draft.ossBucket || "out-beijing" },
          [
            ...taskNameIssues(draft.taskName),
            issue("ossBucket", "bucket_wrong_region", "The bucket is in cn-beijing.", "error", "Choose a bucket in cn-hangzhou."),
            issue("ossPrefix", "minute_partitions", "Minute folders make small files.", "warning"),
          ],
          { requestJson: '{"tableName":"orders"}' },
        ),
      preview_parquet: () => PARQUET_PREVIEW,
      export_task: ({ format }) => ({ format, fileName: "task.json", text: "{}" }),
    });
    render(<App />);
    await userEvent.click(await screen.findByRole("option", { name: "orders" }));
    const steps = screen.getByRole("navigation", { name: "Steps" });
    await userEvent.click(within(steps).getByRole("button", { name: /Settings/ }));
    await userEvent.type(screen.getByLabelText("Task name"), "Bad Name");
    await screen.findByText(/Task names use lowercase letters/);
    await userEvent.click(screen.getByRole("button", { name: "Insert $yyyy (year)" }));
    await screen.findByText("Minute folders make small files.");
    await userEvent.click(screen.getByText("Advanced: OSS endpoint"));
    expect(await seriousViolations()).toEqual([]);
    await userEvent.click(within(steps).getByRole("button", { name: /Review/ }));
    await screen.findByText("{}");
    expect(await seriousViolations()).toEqual([]);
  });

  it("in the review with the Parquet preview, the export and a create error", async () => {
    mockCommands({
      preview_parquet: () => PARQUET_PREVIEW,
      export_task: ({ format }) => ({ format, fileName: "task.go", text: "package main" }),
      create_delivery_task: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the plain IpcError object
        throw { code: "already_exists", message: "The task exists.", remedy: "Rename it.", serviceCode: null, requestId: "r-1" };
      },
    });
    const draft = draftFixture();
    render(
      <ReviewPage
        profile="sandbox"
        draft={draft}
        review={reviewFixture(draft)}
        reviewError={null}
        checking={false}
        onGoTo={() => undefined}
        onSaveDraft={() => undefined}
        onCreated={() => undefined}
      />,
    );
    await screen.findByRole("table", { description: /sampled rows/ });
    await screen.findByText("package main");
    await userEvent.click(screen.getByRole("button", { name: "Create delivery task" }));
    await screen.findByRole("alert");
    expect(await seriousViolations()).toEqual([]);
  });
});
