import { render, screen } from "../../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { ConnectionReport } from "../../bindings/ConnectionReport";
import { initI18n } from "../../i18n";
import { clearCommandMocks, mockCommands } from "../../ipc/testing";
import { ConnectionCheck } from "./ConnectionCheck";

/** A key that may list tables but not buckets, as the Rust side reports it. */
const REPORT: ConnectionReport = {
  accountId: "1234567890123456",
  callerArn: null,
  checks: [
    { action: "sts:GetCallerIdentity", ok: true, found: null, error: null, grant: null },
    { action: "ots:ListTable", ok: true, found: 12, error: null, grant: null },
    {
      action: "oss:ListBuckets",
      ok: false,
      found: null,
      error: {
        code: "permission_denied",
        message: "The service refused the request: AccessDenied.",
        remedy: "Ask for the permission.",
        serviceCode: "AccessDenied",
        requestId: "5F2A",
      },
      grant: '{"Effect": "Allow", "Action": "oss:ListBuckets", "Resource": "*"}',
    },
    {
      action: "ots:DescribeTable",
      ok: false,
      found: null,
      error: {
        code: "network",
        message: "The service could not be reached.",
        remedy: "Check the endpoint and your network.",
        serviceCode: null,
        requestId: null,
      },
      grant: null,
    },
  ],
};

const PRETTY = `{
  "Effect": "Allow",
  "Action": "oss:ListBuckets",
  "Resource": "*"
}`;

function stubClipboard(writeText: (text: string) => Promise<void>) {
  const spy = vi.fn(writeText);
  Object.defineProperty(navigator, "clipboard", { value: { writeText: spy }, configurable: true });
  return spy;
}

afterEach(() => {
  clearCommandMocks();
});

/** The four checks' list items, in the report's order. */
async function runCheck(): Promise<[HTMLElement, HTMLElement, HTMLElement, HTMLElement]> {
  mockCommands({ test_connection: () => REPORT });
  render(<ConnectionCheck profile="viewer" />);
  await userEvent.click(screen.getByRole("button", { name: /Test connection|测试连接/ }));
  await screen.findByText("1234567890123456", { exact: false });
  const [identity, tables, buckets, unreachable] = Array.from(document.querySelectorAll<HTMLElement>(".permission-check"));
  if (!identity || !tables || !buckets || !unreachable) throw new Error("expected four checks");
  return [identity, tables, buckets, unreachable];
}

describe("ConnectionCheck", () => {
  it("words what each probe found, then the statement to grant as indented JSON, in English", async () => {
    await initI18n("en");
    const [identity, tables, buckets, unreachable] = await runCheck();
    expect(identity).toHaveAttribute("data-ok", "true");
    expect(tables).toHaveTextContent("ots:ListTable tables listed: 12");
    expect(buckets).toHaveAttribute("data-ok", "false");
    expect(buckets).toHaveTextContent("Grant the RAM action oss:ListBuckets to this key's user, e.g. with this policy statement:");
    const statement = buckets.querySelector("pre code");
    expect(statement?.textContent).toBe(PRETTY);
    expect(statement?.closest("pre")).toHaveAccessibleName("Grant the RAM action oss:ListBuckets to this key's user, e.g. with this policy statement:");
    // Without a statement, the remedy is shown as it is.
    expect(unreachable).toHaveTextContent("Check the endpoint and your network.");
    expect(unreachable).not.toHaveTextContent("in English");
    expect(unreachable.querySelector("[lang]")).toBeNull();
  });

  it("copies the indented statement and says so", async () => {
    await initI18n("en");
    const writeText = stubClipboard(() => Promise.resolve());
    await runCheck();
    await userEvent.click(screen.getByRole("button", { name: "Copy statement" }));
    expect(writeText).toHaveBeenCalledWith(PRETTY);
    expect(await screen.findByRole("status")).toHaveTextContent("Copied.");
  });

  it("says to select and copy by hand when the clipboard refuses", async () => {
    await initI18n("en");
    stubClipboard(() => Promise.reject(new Error("denied")));
    await runCheck();
    await userEvent.click(screen.getByRole("button", { name: "Copy statement" }));
    expect(await screen.findByRole("status")).toHaveTextContent("The clipboard refused; select the text and copy it.");
  });

  it("shows a statement that is not JSON as it came", async () => {
    await initI18n("en");
    const broken = { ...REPORT, checks: REPORT.checks.map((c) => (c.grant ? { ...c, grant: "Allow oss:ListBuckets on *" } : c)) };
    mockCommands({ test_connection: () => broken });
    render(<ConnectionCheck profile="viewer" />);
    await userEvent.click(screen.getByRole("button", { name: "Test connection" }));
    expect((await screen.findByText("Allow oss:ListBuckets on *")).closest("pre")).not.toBeNull();
  });

  it("words the same report in Chinese, keeping the statement and marking the English remedy", async () => {
    await initI18n("zh-CN");
    const [, tables, buckets, unreachable] = await runCheck();
    expect(tables).toHaveTextContent("已列出数据表：12");
    expect(buckets).toHaveTextContent("请为此密钥所属的用户授予 RAM 操作 oss:ListBuckets，例如使用以下策略语句：");
    expect(buckets.querySelector("pre code")?.textContent).toBe(PRETTY);
    expect(buckets).not.toHaveTextContent("Grant the RAM action");
    expect(screen.getByRole("button", { name: "复制策略语句" })).toBeInTheDocument();
    expect(unreachable).toHaveTextContent("建议（英文）：Check the endpoint and your network.");
    expect(screen.getByText("Check the endpoint and your network.")).toHaveAttribute("lang", "en");
  });
});
