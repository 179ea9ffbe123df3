import { render, screen, waitFor } from "../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { Locale } from "../bindings/Locale";
import { initI18n } from "../i18n";
import { en } from "../i18n/en";
import { zhCN } from "../i18n/zh-CN";
import { clearCommandMocks, mockCommands } from "../ipc/testing";
import { appInfoFixture } from "../test/appInfoFixture";
import { App } from "./App";

beforeEach(async () => {
  await initI18n("en");
});
afterEach(() => {
  clearCommandMocks();
});

describe("App", () => {
  it("shows the first-start choices with the version and data folder from Rust", async () => {
    mockCommands({ app_info: () => appInfoFixture({ version: "9.8.7" }), list_profiles: () => [] });
    render(<App />);
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent(
      "Welcome to Tablestore Delivery Studio",
    );
    expect(screen.getByRole("button", { name: "Add a profile" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try the sandbox" })).toBeInTheDocument();
    expect(screen.getByText("Version 9.8.7")).toBeInTheDocument();
    expect(screen.getByText("Sandbox not running")).toBeInTheDocument();
  });

  it("shows the sandbox endpoint when the sandbox runs", async () => {
    const endpoints = { tablestore: "http://127.0.0.1:4100", oss: "http://127.0.0.1:4101", sts: "x", admin: "http://127.0.0.1:4103" };
    mockCommands({ app_info: () => appInfoFixture({ sandbox: { running: true, endpoints } }), list_profiles: () => [] });
    render(<App />);
    expect(await screen.findByText("Sandbox running at http://127.0.0.1:4100")).toBeInTheDocument();
  });

  it("shows a coded error's message and remedy, and recovers on retry", async () => {
    let calls = 0;
    mockCommands({
      app_info: () => {
        calls += 1;
        if (calls === 1) {
          // What Rust sends for a failed command: the IpcError object itself.
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the plain IpcError object
          throw {
            code: "storage_failed",
            message: "could not read /data/preferences.json: denied",
            remedy: "Check that the folder exists and that you may write to it.",
            serviceCode: null,
            requestId: null,
          };
        }
        return appInfoFixture();
      },
      list_profiles: () => [],
    });
    render(<App />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-error-code", "storage_failed");
    expect(alert).toHaveTextContent("could not read /data/preferences.json: denied");
    expect(alert).toHaveTextContent("Check that the folder exists");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => {
      expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    });
    expect(screen.getByRole("button", { name: "Add a profile" })).toBeInTheDocument();
  });

  it("tries the sandbox: starts it, then lists its tables and flags a bucket in another region", async () => {
    let started = false;
    mockCommands({
      app_info: () => appInfoFixture(),
      start_sandbox: () => {
        started = true;
        return { tablestore: "http://127.0.0.1:4100", oss: "http://127.0.0.1:4101", sts: "http://127.0.0.1:4102", admin: "http://127.0.0.1:4103" };
      },
      list_profiles: () => [
        {
          name: "sandbox",
          kind: "sandbox",
          accessKeyId: "LTAI5tSandboxDemoKey0001",
          accessKeyIdMasked: "LTAI****0001",
          region: "cn-hangzhou",
          instanceName: "sandbox-demo",
          endpoints: { tablestore: null, oss: null, sts: null },
          hasSecurityToken: false,
          status: "ready",
        },
      ],
      list_tables: ({ profile }) => (profile === "sandbox" ? ["orders", "users"] : []),
      list_buckets: () => [
        { name: "sandbox-delivery", region: "cn-hangzhou", sameRegion: true },
        { name: "sandbox-beijing", region: "cn-beijing", sameRegion: false },
      ],
    });
    render(<App />);
    await userEvent.click(await screen.findByRole("button", { name: "Try the sandbox" }));
    expect(await screen.findByText("Profile sandbox · region cn-hangzhou · instance sandbox-demo")).toBeInTheDocument();
    expect(started).toBe(true);
    expect(await screen.findByRole("option", { name: "orders" })).toBeInTheDocument();
    const beijing = await screen.findByRole("option", { name: /sandbox-beijing/ });
    expect(beijing).toHaveAttribute("aria-disabled", "true");
    expect(beijing).toHaveTextContent("delivery needs a bucket in cn-hangzhou");
    await userEvent.click(screen.getByRole("option", { name: "orders" }));
    await userEvent.click(screen.getByRole("option", { name: /sandbox-delivery/ }));
    expect(screen.getByText("Source table: orders → destination bucket: sandbox-delivery")).toBeInTheDocument();
  });

  it("opens the About box from the footer with the shipped packages' licences", async () => {
    mockCommands({
      app_info: () => appInfoFixture({ version: "3.1.4" }),
      list_profiles: () => [],
      third_party_licences: () => ({
        packages: [
          { name: "tauri", version: "2.12.5", licence: "Apache-2.0 OR MIT", source: "https://github.com/tauri-apps/tauri", ecosystem: "cargo", authors: [], licenceTexts: [] },
        ],
        texts: [],
      }),
    });
    render(<App />);
    await userEvent.click(await screen.findByRole("button", { name: "About" }));
    const dialog = await screen.findByRole("dialog", { name: "About Tablestore Delivery Studio" });
    expect(dialog).toHaveTextContent("Version 3.1.4");
    expect(await screen.findByRole("row", { name: /tauri 2\.12\.5 Apache-2\.0 OR MIT/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("names the app in the About title as the header does, in every language", () => {
    for (const catalogue of [en, zhCN]) expect(catalogue.about.title).toContain(catalogue.app.name);
  });

  it("switches to Simplified Chinese and stores the choice in Rust", async () => {
    const stored: (Locale | null)[] = [];
    mockCommands({
      app_info: () => appInfoFixture({ locale: stored.at(-1) ?? null }),
      list_profiles: () => [],
      set_locale: ({ locale }) => {
        stored.push(locale);
        return null;
      },
    });
    render(<App />);
    await userEvent.selectOptions(await screen.findByLabelText("Language"), "zh-CN");
    expect(await screen.findByRole("button", { name: "添加配置" })).toBeInTheDocument();
    expect(stored).toEqual(["zh-CN"]);
  });
});
