import { render, screen, waitFor, within } from "../../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { NewProfileRequest } from "../../bindings/NewProfileRequest";
import { initI18n } from "../../i18n";
import { clearCommandMocks, mockCommands } from "../../ipc/testing";
import { ipcError, profileFixture, REGIONS } from "../../test/profileFixture";
import { AddProfile } from "./AddProfile";

beforeEach(async () => {
  await initI18n("en");
});
afterEach(() => {
  clearCommandMocks();
});

const VALID = {
  "Profile name": "prod",
  "AccessKey ID": "LTAI5tAbCdEfGhIjKlMnOpQr",
  "AccessKey secret": "s3cretS3cretS3cretS3cret12",
  Region: "cn-hangzhou",
  "Tablestore instance name": "prod-inst",
};

async function fill(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    const input = screen.getByLabelText(label);
    await userEvent.clear(input);
    if (value !== "") await userEvent.type(input, value);
  }
}

/** The error text shown for a field, found through its aria-describedby. */
function errorOf(label: string): string | null {
  const input = screen.getByLabelText(label);
  const ids = input.getAttribute("aria-describedby")?.split(" ") ?? [];
  const error = ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains("field-error"));
  return error?.textContent ?? null;
}

function renderForm(handlers: Parameters<typeof mockCommands>[0] = {}) {
  const onCreated = vi.fn();
  const onContinue = vi.fn();
  mockCommands({ known_regions: () => REGIONS, ...handlers });
  render(<AddProfile onCreated={onCreated} onContinue={onContinue} onCancel={vi.fn()} />);
  return { onCreated, onContinue };
}

describe("Add a profile", () => {
  it("keeps the secret fields masked, unfilled and out of autocomplete", () => {
    renderForm();
    for (const label of ["AccessKey secret", "STS security token (optional)"]) {
      const input = screen.getByLabelText(label);
      expect(input).toHaveAttribute("type", "password");
      expect(input).toHaveAttribute("autocomplete", "off");
      expect(input).toHaveValue("");
    }
  });

  it.each([
    ["Profile name", "my prod", "“␠” at position 3 is not allowed"],
    ["Profile name", "-prod", "start with a letter or digit"],
    ["Profile name", "Sandbox", "reserved for the built-in sandbox"],
    ["Profile name", "a".repeat(65), "has 65 characters; at most 64"],
    ["AccessKey ID", "AKIAIOSFODNN7EXAMPLE", "starts with 'LTAI' (long-term) or 'STS.'"],
    ["AccessKey ID", "LTAI5tAbCd", "has 10 characters; long-term AccessKey IDs have 16 to 30"],
    ["AccessKey ID", "LTAI5tAbCd-fGhIjKlMnOpQr", "only letters and digits"],
    ["AccessKey ID", "STS.short", "this one has 5"],
    ["AccessKey secret", "abc def", "contains spaces or line breaks"],
    ["Region", "CN-hangzhou", "Region IDs are lowercase"],
    ["Region", "hangzhou", "at least two parts"],
    ["Tablestore instance name", "ab", "has 2 characters; instance names have 3 to 16"],
    ["Tablestore instance name", "1abc", "starts with a letter"],
    ["Tablestore instance name", "abc-", "does not end with '-'"],
    ["Tablestore instance name", "my_inst", "“_” at position 3"],
  ])("says what is wrong with %s %j while typing", async (label, value, expected) => {
    renderForm();
    await fill({ [label]: value });
    expect(screen.getByLabelText(label)).toHaveAttribute("aria-invalid", "true");
    expect(errorOf(label)).toContain(expected);
  });

  it.each([
    ["Tablestore endpoint", "http://10.0.0.5:4100", "would send requests unencrypted"],
    ["OSS endpoint", "https://example.com/v1", "no path, query or fragment"],
    ["STS endpoint", "sts.aliyuncs.com", "Start with https://"],
  ])("checks the custom %s under Advanced", async (label, value, expected) => {
    renderForm();
    await userEvent.click(screen.getByText("Advanced: custom endpoints"));
    await fill({ [label]: value });
    expect(errorOf(label)).toContain(expected);
  });

  it("asks for the STS token when the key is temporary", async () => {
    renderForm();
    await fill({ ...VALID, "AccessKey ID": "STS.NUgYrLnoC37mZZCNnAbez1234" });
    await userEvent.click(screen.getByRole("button", { name: "Create profile" }));
    expect(errorOf("STS security token (optional)")).toContain("needs its security token");
  });

  it("shows no error for valid values and sends exactly them to create_profile", async () => {
    const sent: NewProfileRequest[] = [];
    const { onCreated } = renderForm({
      create_profile: ({ request }) => {
        sent.push(request);
        return profileFixture();
      },
      test_connection: () => ({ accountId: null, callerArn: null, checks: [] }),
    });
    await fill(VALID);
    await userEvent.click(screen.getByText("Advanced: custom endpoints"));
    await fill({ "Tablestore endpoint": "http://127.0.0.1:4100" });
    for (const label of Object.keys(VALID)) expect(errorOf(label), label).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Create profile" }));
    expect(await screen.findByRole("heading", { name: "Profile prod created." })).toBeInTheDocument();
    expect(sent).toEqual([
      {
        name: "prod",
        accessKeyId: "LTAI5tAbCdEfGhIjKlMnOpQr",
        accessKeySecret: "s3cretS3cretS3cretS3cret12",
        securityToken: null,
        region: "cn-hangzhou",
        instanceName: "prod-inst",
        endpoints: { tablestore: "http://127.0.0.1:4100", oss: null, sts: null },
      },
    ]);
    expect(onCreated).toHaveBeenCalledWith(profileFixture());
    expect(screen.getByRole("button", { name: "Test connection" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Continue" })).toBeInTheDocument();
  });

  it("does not call Rust while a field is wrong, and focuses the first wrong field", async () => {
    const create = vi.fn();
    renderForm({ create_profile: create });
    await fill({ ...VALID, "Tablestore instance name": "x" });
    await userEvent.click(screen.getByRole("button", { name: "Create profile" }));
    expect(create).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Tablestore instance name")).toHaveFocus();
    expect(screen.getByRole("status")).toHaveTextContent("Fix the marked fields first.");
  });

  it.each([
    ["profile_exists", "Profile name", "A profile named 'prod' already exists.", "Choose another name."],
    ["invalid_access_key_id", "AccessKey ID", "The AccessKey ID is not valid: it is revoked.", null],
    ["keychain_locked", "AccessKey secret", "The system keychain is locked or refused access: locked.", "Unlock it."],
    ["invalid_region", "Region", "The region 'cn-hangzhou' is not valid: no.", null],
  ] as const)("shows Rust's %s error with its remedy next to %s", async (code, label, message, remedy) => {
    renderForm({
      create_profile: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the plain IpcError object
        throw ipcError(code, message, remedy);
      },
    });
    await fill(VALID);
    await userEvent.click(screen.getByRole("button", { name: "Create profile" }));
    await waitFor(() => {
      expect(errorOf(label)).toContain(message);
    });
    if (remedy) expect(errorOf(label)).toContain(remedy);
    expect(screen.getByLabelText(label)).toHaveAttribute("aria-invalid", "true");
    // Typing in the field clears Rust's verdict on it.
    await userEvent.type(screen.getByLabelText(label), "x");
    expect(errorOf(label) ?? "").not.toContain(message);
  });

  it("opens Advanced to show an endpoint error from Rust", async () => {
    renderForm({
      create_profile: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the plain IpcError object
        throw ipcError("invalid_endpoint", "The custom OSS endpoint is not valid: no host.");
      },
    });
    await fill(VALID);
    await userEvent.click(screen.getByRole("button", { name: "Create profile" }));
    const details = screen.getByText("Advanced: custom endpoints").closest("details");
    await waitFor(() => {
      expect(details).toHaveAttribute("open");
    });
    expect(within(details as HTMLElement).getByText("The custom OSS endpoint is not valid: no host.")).toBeInTheDocument();
  });

  it("shows other errors as a notice under the form", async () => {
    renderForm({
      create_profile: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the plain IpcError object
        throw ipcError("profiles_file_write_failed", "Could not save the profiles file: disk full.", "Free some space.");
      },
    });
    await fill(VALID);
    await userEvent.click(screen.getByRole("button", { name: "Create profile" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not save the profiles file: disk full.");
    expect(alert).toHaveTextContent("Free some space.");
  });

  it("offers the known regions, filtered by ID or name, picked with the keyboard", async () => {
    renderForm();
    const region = screen.getByRole("combobox", { name: "Region" });
    await userEvent.type(region, "beij");
    expect(region).toHaveAttribute("aria-expanded", "true");
    const options = await screen.findAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["cn-beijingChina (Beijing)"]);
    await userEvent.keyboard("{ArrowDown}");
    expect(region).toHaveAttribute("aria-activedescendant", options[0]?.id);
    await userEvent.keyboard("{Enter}");
    expect(region).toHaveValue("cn-beijing");
    expect(region).toHaveAttribute("aria-expanded", "false");
    expect(screen.getByText("China (Beijing)", { selector: ".region-name" })).toBeInTheDocument();
  });

  it("keeps a typed region that is not in the list, and closes the list with Escape", async () => {
    renderForm();
    const region = screen.getByRole("combobox", { name: "Region" });
    await userEvent.type(region, "cn-");
    expect(await screen.findAllByRole("option")).toHaveLength(2);
    await userEvent.keyboard("{Escape}");
    expect(region).toHaveAttribute("aria-expanded", "false");
    await userEvent.type(region, "newplace");
    expect(region).toHaveValue("cn-newplace");
    expect(errorOf("Region")).toBeNull();
  });

  it("picks a region with the mouse", async () => {
    renderForm();
    const region = screen.getByRole("combobox", { name: "Region" });
    await userEvent.type(region, "hang");
    await userEvent.click(await screen.findByRole("option", { name: /cn-hangzhou/ }));
    expect(region).toHaveValue("cn-hangzhou");
    expect(region).toHaveFocus();
  });

  it("finds and names the regions in Chinese when the UI is in Chinese", async () => {
    await initI18n("zh-CN");
    renderForm();
    const region = screen.getByRole("combobox", { name: "地域" });
    await userEvent.type(region, "杭州");
    expect(await screen.findByRole("option")).toHaveTextContent("cn-hangzhou华东1（杭州）");
    await userEvent.keyboard("{ArrowDown}{Enter}");
    expect(region).toHaveValue("cn-hangzhou");
    expect(screen.getByText("华东1（杭州）", { selector: ".region-name" })).toBeInTheDocument();
  });

  it("continues into the workspace with the new profile", async () => {
    const { onContinue } = renderForm({ create_profile: () => profileFixture() });
    await fill(VALID);
    await userEvent.click(screen.getByRole("button", { name: "Create profile" }));
    await userEvent.click(await screen.findByRole("button", { name: "Continue" }));
    expect(onContinue).toHaveBeenCalledWith(profileFixture());
  });
});
