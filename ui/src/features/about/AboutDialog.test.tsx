import { render, screen, within } from "../../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { initI18n } from "../../i18n";
import { clearCommandMocks, mockCommands } from "../../ipc/testing";
import { seriousViolations } from "../../test/axe";
import { AboutDialog } from "./AboutDialog";

const PACKAGES = [
  { name: "tauri", version: "2.12.5", licence: "Apache-2.0 OR MIT", source: "https://github.com/tauri-apps/tauri", ecosystem: "cargo" },
  { name: "parquet", version: "60.0.0", licence: "Apache-2.0", source: "https://github.com/apache/arrow-rs", ecosystem: "cargo" },
  { name: "react", version: "19.3.1", licence: "MIT", source: "https://www.npmjs.com/package/react", ecosystem: "npm" },
];

beforeEach(async () => {
  await initI18n("en");
});
afterEach(() => {
  clearCommandMocks();
});

describe("AboutDialog", () => {
  it("shows the version and every shipped package with its licence, filterable by name or licence", async () => {
    mockCommands({ third_party_licences: () => PACKAGES });
    render(<AboutDialog version="1.2.3" onClose={() => undefined} />);
    expect(screen.getByRole("dialog")).toHaveTextContent("Version 1.2.3");
    expect(await screen.findByText("3 of 3 packages")).toBeInTheDocument();
    const parquet = screen.getByRole("row", { name: /parquet/ });
    expect(within(parquet).getByText("Apache-2.0")).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Filter packages"), "mit");
    expect(await screen.findByText("2 of 3 packages")).toBeInTheDocument();
    expect(screen.queryByRole("row", { name: /parquet/ })).not.toBeInTheDocument();
    expect(await seriousViolations(document.body)).toEqual([]);
  });

  it("shows a coded error with a retry when the list cannot be read, and closes on Escape", async () => {
    let calls = 0;
    mockCommands({
      third_party_licences: () => {
        calls += 1;
        if (calls === 1) {
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the plain IpcError object
          throw { code: "internal", message: "The built-in licence list is unreadable.", remedy: null, serviceCode: null, requestId: null };
        }
        return PACKAGES;
      },
    });
    const onClose = vi.fn();
    render(<AboutDialog version="1.2.3" onClose={onClose} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("The built-in licence list is unreadable.");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("3 of 3 packages")).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalled();
  });
});
