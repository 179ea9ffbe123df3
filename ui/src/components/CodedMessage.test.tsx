import { render, screen } from "../test/render";
import { afterEach, describe, expect, it } from "vitest";

import { i18next, initI18n } from "../i18n";
import { errorSummariesEn, issueSummariesEn } from "../i18n/codes.en";
import { errorSummariesZhCN, issueSummariesZhCN } from "../i18n/codes.zh-CN";
import { ErrorNotice } from "./ErrorNotice";
import { CodedMessage } from "./CodedMessage";

afterEach(async () => {
  await i18next.changeLanguage("en");
});

describe("CodedMessage", () => {
  it("shows Rust's sentence as it is in English", async () => {
    await initI18n("en");
    render(<CodedMessage kind="issues" code="invalid_task_name" message="The task name 'Bad_Name' has an upper-case letter." />);
    expect(screen.getByText("The task name 'Bad_Name' has an upper-case letter.")).not.toHaveAttribute("lang");
    expect(screen.queryByText("The task name breaks the naming rules.")).not.toBeInTheDocument();
  });

  it("leads with the Chinese summary of the code and keeps Rust's sentence as English detail", async () => {
    await initI18n("zh-CN");
    render(<CodedMessage kind="issues" code="bucket_wrong_region" message="The bucket is in cn-beijing, but the instance is in cn-hangzhou." />);
    expect(screen.getByText("存储空间与实例不在同一地域。")).toBeInTheDocument();
    expect(screen.getByText("详情（英文）：The bucket is in cn-beijing, but the instance is in cn-hangzhou.")).toHaveAttribute("lang", "en");
  });

  it("an IPC error in Chinese names what happened in Chinese", async () => {
    await initI18n("zh-CN");
    render(
      <ErrorNotice
        error={{ code: "clock_skew", message: "Mismatch between system time and x-ots-date.", remedy: null, serviceCode: null, requestId: null }}
      />,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("本机时钟偏差过大。");
  });

  it("a code without a summary falls back to Rust's sentence, marked as English", async () => {
    await initI18n("zh-CN");
    render(<CodedMessage kind="issues" code="some_future_code" message="Something new." />);
    expect(screen.getByText("Something new.")).toHaveAttribute("lang", "en");
  });

  it("both languages summarise the same codes", () => {
    expect(Object.keys(issueSummariesZhCN).sort()).toEqual(Object.keys(issueSummariesEn).sort());
    expect(Object.keys(errorSummariesZhCN).sort()).toEqual(Object.keys(errorSummariesEn).sort());
  });
});
