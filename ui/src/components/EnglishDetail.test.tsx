import { render, screen } from "../test/render";
import { afterEach, describe, expect, it, vi } from "vitest";

import { FieldIssues } from "../features/delivery-settings/FieldIssues";
import { DraftsPage } from "../features/drafts/DraftsPage";
import { IssueText } from "../features/mapper/ProblemList";
import { ImportDialog } from "../features/profiles/ImportDialog";
import { IssueList } from "../features/review/IssueList";
import { i18next, initI18n } from "../i18n";
import { clearCommandMocks, mockCommands } from "../ipc/testing";
import { issue } from "../test/deliveryFixture";
import { REGIONS } from "../test/profileFixture";
import { EnglishDetail } from "./EnglishDetail";
import { ErrorNotice } from "./ErrorNotice";

afterEach(async () => {
  clearCommandMocks();
  await i18next.changeLanguage("en");
});

const REMEDY = "Rename the task.";
const FINDING = issue("taskName", "invalid_task_name", "Task names use lowercase letters.", "error", REMEDY);

/** The element holding exactly `text`, with the language it is marked in (null: the page's). */
const langOf = (text: string) => screen.getByText(text).closest("[lang]")?.getAttribute("lang") ?? null;

describe("EnglishDetail", () => {
  it("shows Rust's text as it is in English, with no label", async () => {
    await initI18n("en");
    render(<EnglishDetail kind="remedy" text={REMEDY} />);
    expect(screen.getByText(REMEDY)).toHaveTextContent(/^Rename the task\.$/);
    // No mark of its own: the page itself is English.
    expect(screen.getByText(REMEDY)).not.toHaveAttribute("lang");
    expect(langOf(REMEDY)).toBe("en");
  });

  it("labels a remedy and a detail in Chinese, and marks only the English text as English", async () => {
    await initI18n("zh-CN");
    const { container } = render(
      <>
        <EnglishDetail kind="remedy" text={REMEDY} />
        <EnglishDetail kind="detail" text="The file is not JSON." />
      </>,
    );
    expect(container).toHaveTextContent("建议（英文）：Rename the task.详情（英文）：The file is not JSON.");
    expect(screen.getByText(REMEDY)).toHaveAttribute("lang", "en");
    expect(screen.getByText("The file is not JSON.")).toHaveAttribute("lang", "en");
    // The label is in the page's language, Chinese.
    expect(screen.getByText("建议（英文）：", { exact: false }).closest("[lang]")?.getAttribute("lang")).toBe("zh-CN");
  });
});

describe("English remedies and details in the Chinese UI", () => {
  it("an error's remedy", async () => {
    await initI18n("zh-CN");
    render(<ErrorNotice error={{ code: "clock_skew", message: "Mismatch.", remedy: "Set the clock.", serviceCode: null, requestId: null }} />);
    expect(screen.getByRole("alert").querySelector(".remedy")).toHaveTextContent("建议（英文）：Set the clock.");
    expect(langOf("Set the clock.")).toBe("en");
  });

  it("a field's, a review finding's and a mapper finding's remedy", async () => {
    await initI18n("zh-CN");
    const { container } = render(
      <>
        <FieldIssues id="name-issues" issues={[FINDING]} />
        <IssueList issues={[FINDING]} onGoTo={vi.fn()} />
        <IssueText issue={FINDING} />
      </>,
    );
    const remedies = container.querySelectorAll(".remedy, .problem-remedy");
    expect(remedies).toHaveLength(3);
    for (const remedy of remedies) {
      expect(remedy).toHaveTextContent("建议（英文）：Rename the task.");
      expect(remedy.querySelector('[lang="en"]')).toHaveTextContent(/^Rename the task\.$/);
    }
  });

  it("a broken draft's problem", async () => {
    await initI18n("zh-CN");
    mockCommands({
      list_drafts: () => [{ name: "old", tableName: "orders", taskName: "", columnCount: 0, savedAt: "2026-11-24T14:30:00Z", problem: "The file is not JSON." }],
    });
    render(<DraftsPage onOpen={vi.fn()} />);
    expect(await screen.findByText("The file is not JSON.")).toHaveAttribute("lang", "en");
    expect(screen.getByText("The file is not JSON.").closest("p")).toHaveTextContent("详情（英文）：The file is not JSON.");
  });

  it("why an import source is not supported", async () => {
    await initI18n("zh-CN");
    mockCommands({
      import_preview: () => ({ candidates: [], unsupported: [{ source: "aliyun_cli", sourceName: "ecs", mode: "EcsRamRole", reason: "It needs the instance metadata service." }] }),
      known_regions: () => REGIONS,
    });
    render(<ImportDialog onImported={vi.fn()} onClose={vi.fn()} />);
    expect(await screen.findByText("It needs the instance metadata service.")).toHaveAttribute("lang", "en");
    expect(screen.getByText("It needs the instance metadata service.").closest("li")).toHaveTextContent("ecs（aliyun CLI，模式 EcsRamRole）： 详情（英文）：It needs the instance metadata service.");
  });
});

describe("English remedies in the English UI", () => {
  it("stay as they were: unlabelled and unmarked", async () => {
    await initI18n("en");
    const { container } = render(
      <>
        <ErrorNotice error={{ code: "clock_skew", message: "Mismatch.", remedy: REMEDY, serviceCode: null, requestId: null }} />
        <FieldIssues id="name-issues" issues={[FINDING]} />
        <IssueList issues={[FINDING]} onGoTo={vi.fn()} />
        <IssueText issue={FINDING} />
      </>,
    );
    const remedies = [...container.querySelectorAll(".remedy, .problem-remedy")].map((r) => r.textContent.trim());
    expect(remedies).toEqual([REMEDY, REMEDY, REMEDY, `Fix: ${REMEDY}`]);
    expect(container.querySelector('[lang="en"]')).toBeNull();
  });
});
