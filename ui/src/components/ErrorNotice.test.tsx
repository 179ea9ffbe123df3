import { render, screen } from "../test/render";
import { beforeEach, describe, expect, it } from "vitest";

import { initI18n } from "../i18n";
import { ipcError } from "../test/profileFixture";
import { ErrorNotice } from "./ErrorNotice";

beforeEach(async () => {
  await initI18n("en");
});

describe("ErrorNotice", () => {
  it("shows message, remedy and the service's request ID on its own for copying", () => {
    render(
      <ErrorNotice
        error={{
          ...ipcError("permission_denied", "Access to ots:ListTable was denied.", "Grant ots:ListTable."),
          serviceCode: "OTSAuthFailed",
          requestId: "0005f0d1-3d2e-0a1b",
        }}
      />,
    );
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Access to ots:ListTable was denied.");
    expect(alert).toHaveTextContent("Grant ots:ListTable.");
    expect(alert).toHaveTextContent("Request ID (for a support ticket): 0005f0d1-3d2e-0a1b");
    expect(screen.getByText("0005f0d1-3d2e-0a1b").tagName).toBe("CODE");
  });
});
