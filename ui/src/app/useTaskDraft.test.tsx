import { act, renderHook, waitFor } from "../test/render";
import { afterEach, describe, expect, it } from "vitest";

import type { DraftReview } from "../bindings/DraftReview";
import type { TaskDraft } from "../bindings/TaskDraft";
import type { CommandHandlers } from "../ipc/testing";
import { clearCommandMocks, mockCommands } from "../ipc/testing";
import { issue, reviewFixture, roleFixture } from "../test/deliveryFixture";
import { profileFixture } from "../test/profileFixture";
import { useTaskDraft } from "./useTaskDraft";

afterEach(() => {
  clearCommandMocks();
});

const PROFILE = profileFixture({ name: "sandbox", kind: "sandbox", region: "cn-shanghai" });

describe("useTaskDraft", () => {
  it("starts from the table, bucket, region and the account's role", async () => {
    mockCommands({ delivery_role: () => roleFixture(true), check_draft: ({ draft }) => reviewFixture(draft) });
    const { result } = renderHook(() => useTaskDraft(PROFILE, "orders", "out"));
    await waitFor(() => {
      expect(result.current.draft?.roleArn).toBe(roleFixture().roleArn);
    });
    expect(result.current.draft).toMatchObject({
      tableName: "orders",
      ossBucket: "out",
      ossEndpoint: "oss-cn-shanghai.aliyuncs.com",
      taskType: "BASE_INC",
      taskName: "",
      schema: [],
    });
  });

  it("ignores the answer to an older version of the draft when it arrives last", async () => {
    const pending: { draft: TaskDraft; resolve: (review: DraftReview) => void }[] = [];
    mockCommands({
      delivery_role: () => roleFixture(null),
      check_draft: (({ draft }: { draft: TaskDraft }) =>
        new Promise<DraftReview>((resolve) => {
          pending.push({ draft, resolve });
        })) as unknown as CommandHandlers["check_draft"],
    });
    const { result } = renderHook(() => useTaskDraft(PROFILE, "orders", "out"));
    await waitFor(() => {
      expect(pending).toHaveLength(1);
    });
    act(() => {
      result.current.update({ taskName: "orders-daily" });
    });
    await waitFor(() => {
      expect(pending).toHaveLength(2);
    });
    const [older, newer] = pending;
    act(() => {
      newer?.resolve(reviewFixture(newer.draft));
    });
    await waitFor(() => {
      expect(result.current.review?.issues).toEqual([]);
    });
    act(() => {
      older?.resolve(reviewFixture(older.draft, [issue("taskName", "invalid_task_name", "stale")]));
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.review?.issues).toEqual([]);
    expect(result.current.checking).toBe(false);
  });

  it("keeps the draft when a check fails, and shows the error", async () => {
    mockCommands({
      delivery_role: () => roleFixture(true),
      check_draft: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the plain IpcError object
        throw { code: "network", message: "The sandbox did not answer.", remedy: null, serviceCode: null, requestId: null };
      },
    });
    const { result } = renderHook(() => useTaskDraft(PROFILE, "orders", "out"));
    act(() => {
      result.current.update({ taskName: "orders-daily", ossPrefix: "p/$yyyy" });
    });
    await waitFor(() => {
      expect(result.current.reviewError?.code).toBe("network");
    });
    expect(result.current.draft).toMatchObject({ taskName: "orders-daily", ossPrefix: "p/$yyyy" });
  });
});
