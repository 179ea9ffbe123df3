import { render, screen, waitFor, within } from "../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { ProfileSummary } from "../bindings/ProfileSummary";
import { initI18n } from "../i18n";
import type { CommandHandlers } from "../ipc/testing";
import { clearCommandMocks, mockCommands } from "../ipc/testing";
import { appInfoFixture } from "../test/appInfoFixture";
import { profileFixture, REGIONS } from "../test/profileFixture";
import { App } from "./App";

beforeEach(async () => {
  await initI18n("en");
  localStorage.clear();
});
afterEach(() => {
  clearCommandMocks();
});

const PROD = profileFixture();
const DEV = profileFixture({ name: "dev", region: "cn-beijing", instanceName: "dev-inst", status: "secret_missing" });

function backend(profiles: ProfileSummary[], extra: CommandHandlers = {}) {
  const store = [...profiles];
  mockCommands({
    app_info: () => appInfoFixture(),
    list_profiles: () => [...store],
    list_tables: () => ["orders"],
    list_buckets: () => [],
    known_regions: () => REGIONS,
    create_profile: ({ request }) => {
      const created = profileFixture({ name: request.name, region: request.region, instanceName: request.instanceName });
      store.push(created);
      return created;
    },
    delete_profile: ({ name }) => {
      store.splice(
        store.findIndex((p) => p.name === name),
        1,
      );
      return null;
    },
    ...extra,
  });
  return store;
}

const header = () => screen.getByRole("banner");
const steps = () => screen.getByRole("navigation", { name: "Steps" });

describe("App frame", () => {
  it("on first start shows no profile, the Profile step, and why later steps cannot be reached", async () => {
    backend([]);
    render(<App />);
    await screen.findByRole("heading", { name: "Welcome to Tablestore Delivery Studio" });
    expect(within(header()).getByRole("button", { name: /No profile selected/ })).toBeInTheDocument();
    expect(within(steps()).getByRole("button", { name: /Profile/ })).toHaveAttribute("aria-current", "step");
    for (const name of [/Source & destination/, /Tasks/]) {
      const step = within(steps()).getByRole("button", { name });
      expect(step).toHaveAttribute("aria-disabled", "true");
      expect(step).toHaveAccessibleDescription("Choose or add a profile first.");
    }
    for (const name of ["Schema", "Mapper", "Settings", "Review"]) {
      const step = within(steps()).getByRole("button", { name: new RegExp(name) });
      expect(step).toHaveAttribute("aria-disabled", "true");
      expect(step).toHaveAccessibleDescription("Choose a source table first.");
    }
    const drafts = within(steps()).getByRole("button", { name: /Drafts/ });
    expect(drafts).toHaveAccessibleDescription("Choose or add a profile first.");
  });

  it("lists profiles with their status in the switcher and switches to the chosen one", async () => {
    backend([PROD, DEV]);
    render(<App />);
    await screen.findByRole("heading", { name: "Profiles" });
    const switcher = within(header()).getByRole("button", { name: /No profile selected/ });
    expect(switcher).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(switcher);
    expect(switcher).toHaveAttribute("aria-expanded", "true");
    const devItem = within(header()).getByRole("button", { name: /dev/ });
    expect(devItem).toHaveTextContent("Secret missing from the keychain");
    const prodItem = within(header()).getByRole("button", { name: /prod/ });
    expect(prodItem).toHaveTextContent("Ready");
    await userEvent.click(prodItem);
    expect(within(header()).getByRole("button", { name: /Profile prod · cn-hangzhou/ })).toBeInTheDocument();
    expect(await screen.findByText("Profile prod · region cn-hangzhou · instance prod-inst")).toBeInTheDocument();
    expect(within(steps()).getByRole("button", { name: /Source & destination/ })).toHaveAttribute("aria-current", "step");
    expect(localStorage.getItem("tsds.lastProfile")).toBe("prod");
    expect(Object.keys(localStorage)).toEqual(["tsds.lastProfile"]);
  });

  it("closes the switcher with Escape and gives the focus back to it", async () => {
    backend([PROD]);
    render(<App />);
    await screen.findByRole("heading", { name: "Profiles" });
    const switcher = within(header()).getByRole("button", { name: /No profile selected/ });
    switcher.focus();
    await userEvent.keyboard("{Enter}");
    expect(within(header()).getByRole("button", { name: "Add profile" })).toBeInTheDocument();
    await userEvent.tab();
    await userEvent.keyboard("{Escape}");
    expect(within(header()).queryByRole("button", { name: "Add profile" })).not.toBeInTheDocument();
    expect(switcher).toHaveFocus();
  });

  it("reopens the last used profile", async () => {
    localStorage.setItem("tsds.lastProfile", "prod");
    backend([DEV, PROD]);
    render(<App />);
    expect(await screen.findByText("Profile prod · region cn-hangzhou · instance prod-inst")).toBeInTheDocument();
    expect(within(header()).getByRole("button", { name: /Profile prod · cn-hangzhou/ })).toBeInTheDocument();
  });

  it("adds a profile from the first-start screen and shows it in the header", async () => {
    backend([]);
    render(<App />);
    await userEvent.click(await screen.findByRole("button", { name: "Add a profile" }));
    // The add button is gone with the first-start screen; the form's title takes the focus.
    expect(screen.getByRole("heading", { name: "Add a profile" })).toHaveFocus();
    await userEvent.type(screen.getByLabelText("Profile name"), "analytics");
    await userEvent.type(screen.getByLabelText("AccessKey ID"), "LTAI5tAbCdEfGhIjKlMnOpQr");
    await userEvent.type(screen.getByLabelText("AccessKey secret"), "s3cretS3cretS3cretS3cret12");
    await userEvent.type(screen.getByLabelText("Region"), "cn-beijing");
    await userEvent.type(screen.getByLabelText("Tablestore instance name"), "analytics-01");
    await userEvent.click(screen.getByRole("button", { name: "Create profile" }));
    expect(await screen.findByRole("heading", { name: "Profile analytics created." })).toBeInTheDocument();
    await waitFor(() => {
      expect(within(header()).getByRole("button", { name: /Profile analytics · cn-beijing/ })).toBeInTheDocument();
    });
    expect(document.body.innerHTML).not.toContain("s3cretS3cret");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByText("Profile analytics · region cn-beijing · instance analytics-01")).toBeInTheDocument();
  });

  it("starts a fresh form for each Add profile, even right after creating one", async () => {
    backend([]);
    render(<App />);
    await userEvent.click(await screen.findByRole("button", { name: "Add a profile" }));
    await userEvent.type(screen.getByLabelText("Profile name"), "analytics");
    await userEvent.type(screen.getByLabelText("AccessKey ID"), "LTAI5tAbCdEfGhIjKlMnOpQr");
    await userEvent.type(screen.getByLabelText("AccessKey secret"), "s3cretS3cretS3cretS3cret12");
    await userEvent.type(screen.getByLabelText("Region"), "cn-beijing");
    await userEvent.type(screen.getByLabelText("Tablestore instance name"), "analytics-01");
    await userEvent.click(screen.getByRole("button", { name: "Create profile" }));
    await screen.findByRole("heading", { name: "Profile analytics created." });
    await userEvent.click(within(header()).getByRole("button", { name: /Profile analytics/ }));
    await userEvent.click(within(header()).getByRole("button", { name: "Add profile" }));
    expect(screen.getByLabelText("Profile name")).toHaveValue("");
    expect(screen.getByLabelText("AccessKey secret")).toHaveValue("");
  });

  it("deletes a profile after confirmation and forgets it as the last used one", async () => {
    localStorage.setItem("tsds.lastProfile", "prod");
    const store = backend([PROD, DEV]);
    render(<App />);
    await screen.findByText("Profile prod · region cn-hangzhou · instance prod-inst");
    await userEvent.click(within(steps()).getByRole("button", { name: /Profile/ }));
    await userEvent.click(screen.getByRole("button", { name: "Delete prod" }));
    await userEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Delete profile" }));
    await waitFor(() => {
      expect(screen.queryByRole("button", { name: "Delete prod" })).not.toBeInTheDocument();
    });
    expect(store.map((p) => p.name)).toEqual(["dev"]);
    expect(localStorage.getItem("tsds.lastProfile")).toBeNull();
    expect(within(header()).getByRole("button", { name: /No profile selected/ })).toBeInTheDocument();
  });

  it("does not reopen a remembered profile whose secret is missing, and shows why in the list", async () => {
    localStorage.setItem("tsds.lastProfile", "dev");
    backend([PROD, DEV]);
    render(<App />);
    await screen.findByRole("heading", { name: "Profiles" });
    const row = screen.getByText("dev", { selector: "strong" }).closest("li");
    expect(row).toHaveTextContent("Secret missing from the keychain");
  });

  it("marks a stopped sandbox in the switcher and starts it when chosen", async () => {
    let running = false;
    const sandbox = () =>
      profileFixture({ name: "sandbox", kind: "sandbox", instanceName: "sandbox-demo", status: running ? "ready" : "sandbox_stopped" });
    mockCommands({
      app_info: () => appInfoFixture(),
      list_profiles: () => [sandbox()],
      start_sandbox: () => {
        running = true;
        return { tablestore: "http://127.0.0.1:4100", oss: "http://127.0.0.1:4101", sts: "http://127.0.0.1:4102", admin: "http://127.0.0.1:4103" };
      },
      list_tables: () => ["orders"],
      list_buckets: () => [],
    });
    render(<App />);
    await screen.findByRole("heading", { name: "Welcome to Tablestore Delivery Studio" });
    await userEvent.click(within(header()).getByRole("button", { name: /No profile selected/ }));
    const item = within(header()).getByRole("button", { name: /sandbox/ });
    expect(item).toHaveTextContent("Sandbox not running");
    await userEvent.click(item);
    expect(await screen.findByText("Profile sandbox · region cn-hangzhou · instance sandbox-demo")).toBeInTheDocument();
    expect(running).toBe(true);
  });
});
