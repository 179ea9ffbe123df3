import { render, screen } from "../../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";

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
  ],
};

afterEach(() => {
  clearCommandMocks();
});

async function runCheck(): Promise<HTMLElement[]> {
  mockCommands({ test_connection: () => REPORT });
  render(<ConnectionCheck profile="viewer" />);
  await userEvent.click(screen.getByRole("button"));
  await screen.findByText("1234567890123456", { exact: false });
  return Array.from(document.querySelectorAll<HTMLElement>(".permission-check"));
}

describe("ConnectionCheck", () => {
  it("words what each probe found and what to grant, in English", async () => {
    await initI18n("en");
    const [identity, tables, buckets] = await runCheck();
    expect(identity).toHaveAttribute("data-ok", "true");
    expect(tables).toHaveTextContent("ots:ListTable tables listed: 12");
    expect(buckets).toHaveAttribute("data-ok", "false");
    expect(buckets).toHaveTextContent(
      'Grant the RAM action oss:ListBuckets to this key\'s user, e.g. with the policy statement {"Effect": "Allow", "Action": "oss:ListBuckets", "Resource": "*"}.',
    );
  });

  it("words the same report in Chinese, keeping the policy statement as it is", async () => {
    await initI18n("zh-CN");
    const [, tables, buckets] = await runCheck();
    expect(tables).toHaveTextContent("已列出数据表：12");
    expect(buckets).toHaveTextContent("请为此密钥所属的用户授予 RAM 操作 oss:ListBuckets");
    expect(buckets).toHaveTextContent('"Action": "oss:ListBuckets"');
    expect(buckets).not.toHaveTextContent("Grant the RAM action");
  });
});
