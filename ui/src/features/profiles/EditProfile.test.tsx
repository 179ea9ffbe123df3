import { render, screen, waitFor } from "../../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { ProfileUpdateRequest } from "../../bindings/ProfileUpdateRequest";
import { initI18n } from "../../i18n";
import { clearCommandMocks, mockCommands } from "../../ipc/testing";
import { profileFixture, REGIONS } from "../../test/profileFixture";
import { EditProfile } from "./EditProfile";

beforeEach(async () => {
  await initI18n("en");
});
afterEach(() => {
  clearCommandMocks();
});

const STORED = profileFixture({
  hasSecurityToken: true,
  accessKeyId: "STS.NUgYrLnoC37mZZCNnAbez1234",
  endpoints: { tablestore: "https://prod-inst.cn-hangzhou.vpc.tablestore.aliyuncs.com", oss: null, sts: null },
});

function renderEdit() {
  const sent: { name: string; request: ProfileUpdateRequest }[] = [];
  const onSaved = vi.fn();
  mockCommands({
    known_regions: () => REGIONS,
    update_profile: (args) => {
      sent.push(args);
      return { ...STORED, name: args.request.renameTo ?? STORED.name };
    },
  });
  render(<EditProfile profile={STORED} onSaved={onSaved} onCancel={vi.fn()} />);
  return { sent, onSaved };
}

describe("Edit a profile", () => {
  it("starts from the stored values with empty secret fields and open custom endpoints", () => {
    renderEdit();
    expect(screen.getByRole("heading", { name: "Edit profile prod" })).toBeInTheDocument();
    expect(screen.getByLabelText("Profile name")).toHaveValue("prod");
    expect(screen.getByLabelText("AccessKey ID")).toHaveValue("STS.NUgYrLnoC37mZZCNnAbez1234");
    expect(screen.getByLabelText("AccessKey secret")).toHaveValue("");
    expect(screen.getByLabelText("AccessKey secret")).toHaveAccessibleDescription(
      "Leave empty to keep the stored secret.",
    );
    expect(screen.getByLabelText("STS security token (optional)")).toHaveValue("");
    expect(screen.getByLabelText("Tablestore endpoint")).toHaveValue(
      "https://prod-inst.cn-hangzhou.vpc.tablestore.aliyuncs.com",
    );
  });

  it("sends only what changed; an empty secret keeps the stored one", async () => {
    const { sent, onSaved } = renderEdit();
    await userEvent.clear(screen.getByLabelText("Profile name"));
    await userEvent.type(screen.getByLabelText("Profile name"), "prod-2");
    await userEvent.clear(screen.getByLabelText("Region"));
    await userEvent.type(screen.getByLabelText("Region"), "cn-beijing");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => {
      expect(onSaved).toHaveBeenCalled();
    });
    expect(sent).toEqual([
      {
        name: "prod",
        request: {
          renameTo: "prod-2",
          accessKeyId: null,
          accessKeySecret: null,
          securityToken: null,
          removeSecurityToken: false,
          region: "cn-beijing",
          instanceName: null,
          endpoints: null,
        },
      },
    ]);
  });

  it("needs a new token when the stored one is removed from a temporary key", async () => {
    const { sent } = renderEdit();
    await userEvent.click(screen.getByLabelText("Remove the stored STS token"));
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(screen.getByText(/needs its security token/)).toBeInTheDocument();
    expect(sent).toEqual([]);
  });
});
