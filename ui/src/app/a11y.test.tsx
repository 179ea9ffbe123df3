import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { initI18n } from "../i18n";
import { clearCommandMocks, mockCommands } from "../ipc/testing";
import { appInfoFixture } from "../test/appInfoFixture";
import { seriousViolations } from "../test/axe";
import { profileFixture, REGIONS } from "../test/profileFixture";
import { App } from "./App";

beforeEach(async () => {
  await initI18n("en");
  localStorage.clear();
});
afterEach(() => {
  clearCommandMocks();
});

const PROFILES = [
  profileFixture(),
  profileFixture({ name: "dev", status: "keychain_locked", hasSecurityToken: true }),
];

function backend(profiles = PROFILES) {
  mockCommands({
    app_info: () => appInfoFixture(),
    list_profiles: () => profiles,
    known_regions: () => REGIONS,
    list_tables: () => ["orders", "users"],
    list_buckets: () => [{ name: "out", region: "cn-beijing", sameRegion: false }],
    import_preview: () => ({
      candidates: [
        {
          source: "aliyun_cli",
          sourceName: "default",
          detail: "~/.aliyun/config.json",
          suggestedName: "default",
          accessKeyIdMasked: "LTAI****abcd",
          hasSecurityToken: false,
          region: null,
          isCurrent: true,
        },
      ],
      unsupported: [{ source: "environment", sourceName: "environment", mode: "x", reason: "no secret" }],
    }),
  });
}

describe("accessibility scan (axe-core): no serious or critical violations", () => {
  it("does report a serious violation (the scan is live)", async () => {
    render(<button type="button" className="x" />);
    expect((await seriousViolations()).map((v) => v.id)).toContain("button-name");
  });

  it("on the first-start screen", async () => {
    backend([]);
    render(<App />);
    await screen.findByRole("heading", { name: "Welcome to Tablestore Delivery Studio" });
    expect(await seriousViolations()).toEqual([]);
  });

  it("on the profiles page with the switcher open", async () => {
    backend();
    render(<App />);
    await screen.findByRole("heading", { name: "Profiles" });
    await userEvent.click(within(screen.getByRole("banner")).getByRole("button", { name: /No profile selected/ }));
    expect(await seriousViolations()).toEqual([]);
  });

  it("on the profile form showing errors, with the region list and Advanced open", async () => {
    backend([]);
    render(<App />);
    await userEvent.click(await screen.findByRole("button", { name: "Add a profile" }));
    await userEvent.click(screen.getByText("Advanced: custom endpoints"));
    await userEvent.click(screen.getByRole("button", { name: "Create profile" }));
    await userEvent.type(screen.getByRole("combobox", { name: "Region" }), "cn");
    await screen.findAllByRole("option");
    expect(await seriousViolations()).toEqual([]);
  });

  it("in the import dialog with a candidate chosen", async () => {
    backend([]);
    render(<App />);
    await userEvent.click(await screen.findByRole("button", { name: /Import from the aliyun CLI/ }));
    await userEvent.click(await screen.findByRole("radio", { name: /default/ }));
    expect(await seriousViolations()).toEqual([]);
  });

  it("in the delete confirmation and the workspace", async () => {
    localStorage.setItem("tsds.lastProfile", "prod");
    backend();
    render(<App />);
    await screen.findByRole("option", { name: "orders" });
    expect(await seriousViolations()).toEqual([]);
    await userEvent.click(within(screen.getByRole("navigation", { name: "Steps" })).getByRole("button", { name: /Profile/ }));
    await userEvent.click(screen.getByRole("button", { name: "Delete prod" }));
    expect(await seriousViolations()).toEqual([]);
  });
});
