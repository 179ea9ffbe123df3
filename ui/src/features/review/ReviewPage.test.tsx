import { render, screen, waitFor, within } from "../../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { DeliveryTaskView } from "../../bindings/DeliveryTaskView";
import type { TaskDraft } from "../../bindings/TaskDraft";
import { initI18n } from "../../i18n";
import type { CommandHandlers } from "../../ipc/testing";
import { clearCommandMocks, mockCommands } from "../../ipc/testing";
import { draftFixture, issue, PARQUET_PREVIEW, reviewFixture } from "../../test/deliveryFixture";
import { ReviewPage } from "./ReviewPage";

beforeEach(async () => {
  await initI18n("en");
});
afterEach(() => {
  clearCommandMocks();
  vi.restoreAllMocks();
});

function backend(extra: CommandHandlers = {}) {
  mockCommands({
    preview_parquet: () => PARQUET_PREVIEW,
    export_task: ({ format }) => ({ format, fileName: `orders-daily.${format}`, text: `// ${format} export of orders-daily` }),
    ...extra,
  });
}

/** A promise the test settles, to see the screen while a command runs. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function renderReview(draft: TaskDraft, review = reviewFixture(draft), onCreated: (task: DeliveryTaskView) => void = () => undefined) {
  const goTo: string[] = [];
  render(
    <ReviewPage
      profile="sandbox"
      draft={draft}
      review={review}
      reviewError={null}
      checking={false}
      onGoTo={(step) => goTo.push(step)}
      onSaveDraft={() => undefined}
      onCreated={onCreated}
    />,
  );
  return goTo;
}

describe("ReviewPage", () => {
  it("shows the exact request as indented JSON, copyable", async () => {
    backend();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const draft = draftFixture();
    renderReview(draft);
    const json = screen.getByRole("region", { name: "Request" }).querySelector("#request-json");
    const shown = JSON.parse(json?.textContent ?? "") as { taskName: string; taskType: string };
    expect(shown.taskName).toBe("orders-daily");
    expect(shown.taskType).toBe("BASE_INC");
    expect(json?.textContent).toContain('\n  "tableName": "orders"');
    await userEvent.click(screen.getByRole("button", { name: "Copy request" }));
    expect(writeText).toHaveBeenCalledWith(json?.textContent);
    expect(await screen.findByText("Copied.")).toBeInTheDocument();
  });

  it("previews the Parquet output with its schema header, dirty counts and rows", async () => {
    backend();
    renderReview(draftFixture());
    const table = await screen.findByRole("table", { description: /2 of 1,000 sampled rows/ });
    const headers = within(table).getAllByRole("columnheader");
    expect(headers.map((h) => h.textContent)).toEqual(["order_idUTF8BYTE_ARRAY (String)", "amountDOUBLEDOUBLE3 dirty"]);
    const rows = within(table).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("o-000112.5");
    expect(rows[2]).toHaveTextContent("o-0002null");
  });

  it("exports as Go, copies and saves through the native dialog", async () => {
    const saved: string[] = [];
    backend({
      save_export: ({ format }) => {
        saved.push(format);
        return "/home/analyst/orders-daily.go";
      },
    });
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    renderReview(draftFixture());
    expect(await screen.findByText("// json export of orders-daily")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("radio", { name: "Go SDK" }));
    expect(await screen.findByText("// go export of orders-daily")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Copy" }));
    expect(writeText).toHaveBeenCalledWith("// go export of orders-daily");
    await userEvent.click(screen.getByRole("button", { name: "Save…" }));
    expect(await screen.findByText("Saved to /home/analyst/orders-daily.go")).toBeInTheDocument();
    expect(saved).toEqual(["go"]);
  });

  it("lists every issue with a way to its step, keeps Create disabled with the reason, and says why nothing is previewed", async () => {
    backend();
    const draft = draftFixture({ taskName: "Bad" });
    const issues = [
      issue("taskName", "invalid_task_name", "Task names use lowercase letters."),
      issue("schema[1].parquetType", "type_refused", "BINARY has no Parquet target."),
      issue("ossPrefix", "minute_partitions", "Minute-level folders make many small files.", "warning"),
    ];
    const goTo = renderReview(draft, reviewFixture(draft, issues, { sampledRows: 0 }));
    const create = screen.getByRole("button", { name: "Create delivery task" });
    expect(create).toBeDisabled();
    expect(create).toHaveAccessibleDescription("Fix the 2 errors listed above first.");
    const list = screen.getByRole("region", { name: "Problems" });
    expect(within(list).getAllByRole("listitem").map((item) => item.textContent.slice(0, 6))).toEqual(["Error:", "Error:", "Warnin"]);
    await userEvent.click(within(list).getByRole("button", { name: "Go to Mapper" }));
    await userEvent.click(within(list).getAllByRole("button", { name: "Go to Settings" })[0] as HTMLElement);
    expect(goTo).toEqual(["mapper", "settings"]);
    expect(screen.getByText("The request appears once no error blocks it.")).toBeInTheDocument();
    expect(screen.getByText("Export is possible once no error blocks the task.")).toBeInTheDocument();
    // Without sampled rows there is nothing to preview; the way to the Schema step is offered.
    const parquet = screen.getByRole("region", { name: "Parquet output preview" });
    expect(parquet).toHaveTextContent("The table has not been sampled yet");
    await userEvent.click(within(parquet).getByRole("button", { name: "Go to Schema" }));
    expect(goTo).toEqual(["mapper", "settings", "schema"]);
  });

  it("creates once with a progress state; a failure shows the coded error and keeps the draft", async () => {
    const pending = deferred<DeliveryTaskView>();
    const sent: TaskDraft[] = [];
    backend({
      create_delivery_task: (({ draft }: { draft: TaskDraft }) => {
        sent.push(draft);
        return pending.promise;
      }) as unknown as CommandHandlers["create_delivery_task"],
    });
    const draft = draftFixture();
    const created: DeliveryTaskView[] = [];
    renderReview(draft, reviewFixture(draft), (task) => created.push(task));
    const create = screen.getByRole("button", { name: "Create delivery task" });
    await userEvent.click(create);
    expect(screen.getByRole("button", { name: "Creating…" })).toBeDisabled();
    expect(screen.getByText("Checking the region, role and name again, then creating the task…")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Creating…" }));
    pending.reject({
      code: "already_exists",
      message: "A task named orders-daily already exists on table orders.",
      remedy: "Choose another task name.",
      serviceCode: "OTSObjectAlreadyExist",
      requestId: "0005f0d1-aaaa-bbbb",
    });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-error-code", "already_exists");
    expect(alert).toHaveTextContent("Choose another task name.");
    expect(alert).toHaveTextContent("0005f0d1-aaaa-bbbb");
    expect(sent).toEqual([draft]);
    expect(created).toEqual([]);
    // Nothing of the draft was lost: the summary still shows it and Create is offered again.
    expect(screen.getByRole("region", { name: "Summary" })).toHaveTextContent("orders-daily");
    expect(screen.getByRole("button", { name: "Create delivery task" })).toBeEnabled();
  });

  it("hands the created task on", async () => {
    const task: DeliveryTaskView = { tableName: "orders", taskName: "orders-daily", taskType: "BASE_INC" };
    backend({ create_delivery_task: () => task });
    const created: DeliveryTaskView[] = [];
    const draft = draftFixture();
    renderReview(draft, reviewFixture(draft), (done) => created.push(done));
    await userEvent.click(screen.getByRole("button", { name: "Create delivery task" }));
    await waitFor(() => {
      expect(created).toEqual([task]);
    });
  });
});
