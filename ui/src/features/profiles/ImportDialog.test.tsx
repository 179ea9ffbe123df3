import { render, screen, waitFor, within } from "../../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { ImportPreview } from "../../bindings/ImportPreview";
import type { ImportRequest } from "../../bindings/ImportRequest";
import { initI18n } from "../../i18n";
import { clearCommandMocks, mockCommands } from "../../ipc/testing";
import { ipcError, profileFixture, REGIONS } from "../../test/profileFixture";
import { ImportDialog } from "./ImportDialog";

beforeEach(async () => {
  await initI18n("en");
});
afterEach(() => {
  clearCommandMocks();
});

const PREVIEW: ImportPreview = {
  candidates: [
    {
      source: "aliyun_cli",
      sourceName: "default",
      detail: "~/.aliyun/config.json",
      suggestedName: "default",
      accessKeyIdMasked: "LTAI****abcd",
      hasSecurityToken: false,
      region: "cn-hangzhou",
      isCurrent: true,
    },
    {
      source: "environment",
      sourceName: "environment",
      detail: "ALIBABA_CLOUD_ACCESS_KEY_ID",
      suggestedName: "env",
      accessKeyIdMasked: "STS.****9876",
      hasSecurityToken: true,
      region: null,
      isCurrent: false,
    },
  ],
  unsupported: [
    { source: "aliyun_cli", sourceName: "ecs", mode: "EcsRamRole", reason: "needs the instance metadata service" },
  ],
};

function renderDialog(handlers: Parameters<typeof mockCommands>[0] = {}) {
  const onImported = vi.fn();
  const onClose = vi.fn();
  mockCommands({ import_preview: () => PREVIEW, known_regions: () => REGIONS, ...handlers });
  render(<ImportDialog onImported={onImported} onClose={onClose} />);
  return { onImported, onClose };
}

describe("Import dialog", () => {
  it("lists each candidate with source, masked key, region, token and current marks, and the unsupported ones", async () => {
    renderDialog();
    const dialog = screen.getByRole("dialog", { name: "Import a profile" });
    const cli = await within(dialog).findByRole("radio", { name: /default/ });
    expect(cli.closest("div")).toHaveTextContent("default aliyun CLI LTAI****abcd cn-hangzhou");
    expect(cli.closest("div")).toHaveTextContent("current");
    const env = within(dialog).getByRole("radio", { name: /environment variables/ });
    expect(env.closest("div")).toHaveTextContent("STS.****9876 no region");
    expect(env.closest("div")).toHaveTextContent("with STS token");
    expect(within(dialog).getByText("needs the instance metadata service").closest("li")).toHaveTextContent(
      "ecs (aliyun CLI, mode EcsRamRole): needs the instance metadata service",
    );
  });

  it("imports the picked entry under the suggested name with an instance name", async () => {
    const sent: ImportRequest[] = [];
    const { onImported } = renderDialog({
      import_profile: ({ request }) => {
        sent.push(request);
        return profileFixture({ name: "default" });
      },
    });
    await userEvent.click(await screen.findByRole("radio", { name: /default/ }));
    expect(screen.getByLabelText("Profile name")).toHaveValue("default");
    expect(screen.queryByLabelText("Region")).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Tablestore instance name"), "prod-inst");
    await userEvent.click(screen.getByRole("button", { name: "Import" }));
    await waitFor(() => {
      expect(onImported).toHaveBeenCalledWith(profileFixture({ name: "default" }));
    });
    expect(sent).toEqual([
      { source: "aliyun_cli", sourceName: "default", name: "default", instanceName: "prod-inst", region: null },
    ]);
  });

  it("asks for a region when the entry has none and checks it", async () => {
    const sent: ImportRequest[] = [];
    renderDialog({
      import_profile: ({ request }) => {
        sent.push(request);
        return profileFixture({ name: "env" });
      },
    });
    await userEvent.click(await screen.findByRole("radio", { name: /environment variables/ }));
    expect(screen.getByLabelText("Profile name")).toHaveValue("env");
    await userEvent.type(screen.getByLabelText("Tablestore instance name"), "prod-inst");
    await userEvent.click(screen.getByRole("button", { name: "Import" }));
    expect(screen.getByText("Choose or type a region.")).toBeInTheDocument();
    expect(sent).toEqual([]);
    await userEvent.type(screen.getByLabelText("Region"), "cn-beijing");
    await userEvent.click(screen.getByRole("button", { name: "Import" }));
    await waitFor(() => {
      expect(sent).toHaveLength(1);
    });
    expect(sent[0]?.region).toBe("cn-beijing");
  });

  it("shows a name clash from Rust next to the name", async () => {
    renderDialog({
      import_profile: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the plain IpcError object
        throw ipcError("profile_exists", "A profile named 'default' already exists.", "Choose another name.");
      },
    });
    await userEvent.click(await screen.findByRole("radio", { name: /default/ }));
    await userEvent.type(screen.getByLabelText("Tablestore instance name"), "prod-inst");
    await userEvent.click(screen.getByRole("button", { name: "Import" }));
    const name = screen.getByLabelText("Profile name");
    await waitFor(() => {
      expect(name).toHaveAttribute("aria-invalid", "true");
    });
    expect(name).toHaveAccessibleDescription("A profile named 'default' already exists. Choose another name.");
  });

  it("says when nothing was found and closes with Escape", async () => {
    const { onClose } = renderDialog({ import_preview: () => ({ candidates: [], unsupported: [] }) });
    expect(await screen.findByText(/Nothing importable was found/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Import" })).not.toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalled();
  });

  it("shows a failed scan with its remedy and a retry", async () => {
    renderDialog({
      import_preview: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the plain IpcError object
        throw ipcError("import_file_invalid", "The file ~/.aliyun/config.json is not valid JSON.", "Fix or move the file.");
      },
    });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Fix or move the file.");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
