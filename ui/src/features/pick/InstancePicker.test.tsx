import { render, screen } from "../../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { initI18n } from "../../i18n";
import { clearCommandMocks, mockCommands } from "../../ipc/testing";
import { InstancePicker } from "./InstancePicker";

beforeEach(async () => {
  await initI18n("en");
  mockCommands({
    list_instances: () => [
      { name: "orders-prod", region: "cn-hangzhou", status: "normal", description: "Orders" },
      { name: "orders-test", region: "cn-hangzhou", status: "normal", description: null },
      { name: "retired", region: "cn-hangzhou", status: "forbidden", description: null },
    ],
  });
});
afterEach(() => {
  clearCommandMocks();
});

describe("InstancePicker", () => {
  it("marks the profile's instance and switches to another usable one", async () => {
    const onChoose = vi.fn();
    render(<InstancePicker profile="prod" instance="orders-prod" isSandbox={false} onChoose={onChoose} />);
    expect(await screen.findByRole("option", { name: /orders-prod/ })).toHaveAttribute("aria-selected", "true");
    await userEvent.click(screen.getByRole("option", { name: /orders-test/ }));
    expect(onChoose).toHaveBeenCalledWith("orders-test");
    const retired = screen.getByRole("option", { name: /retired/ });
    expect(retired).toHaveAttribute("aria-disabled", "true");
    expect(retired).toHaveTextContent("Status forbidden: not usable");
    await userEvent.click(retired);
    expect(onChoose).toHaveBeenCalledTimes(1);
  });

  it("keeps the sandbox on its one instance", async () => {
    const onChoose = vi.fn();
    render(<InstancePicker profile="sandbox" instance="orders-prod" isSandbox onChoose={onChoose} />);
    const other = await screen.findByRole("option", { name: /orders-test/ });
    expect(other).toHaveAttribute("aria-disabled", "true");
    expect(other).toHaveTextContent("The sandbox serves only orders-prod");
    await userEvent.click(other);
    expect(onChoose).not.toHaveBeenCalled();
  });
});
