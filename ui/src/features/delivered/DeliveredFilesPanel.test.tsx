import { render, screen, waitFor, within } from "../../test/render";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { DeliveredFiles } from "../../bindings/DeliveredFiles";
import { initI18n } from "../../i18n";
import { clearCommandMocks, mockCommands } from "../../ipc/testing";
import { DeliveredFilesPanel } from "./DeliveredFilesPanel";
import { formatBytes } from "./formatBytes";

beforeEach(async () => {
  await initI18n("en");
});
afterEach(() => {
  clearCommandMocks();
});

function files(count: number): DeliveredFiles {
  return {
    bucket: "sandbox-delivery",
    listedPrefix: "orders/",
    objects: Array.from({ length: count }, (_, i) => ({
      key: `orders/2026/11/orders-daily_0_orders_2026_11__${i + 1}`,
      size: 1_500_000 * (i + 1),
      lastModified: "2026-11-24T14:31:05Z",
    })),
    truncated: false,
  };
}

describe("DeliveredFilesPanel", () => {
  it("lists each object with a readable size and its time in local time and UTC", async () => {
    const asked: string[] = [];
    mockCommands({
      list_delivered_files: ({ profile, table, task }) => {
        asked.push(`${profile}/${table}/${task}`);
        return files(1);
      },
    });
    render(<DeliveredFilesPanel profile="sandbox" table="orders" task="orders-daily" refreshMs={null} />);
    const row = await screen.findByRole("row", { name: /orders-daily_0_orders_2026_11__1/ });
    const cells = within(row).getAllByRole("cell");
    expect(cells[0]).toHaveTextContent("1.5 MB");
    expect(cells[2]).toHaveTextContent("Nov 24, 2026, 2:31:05 PM UTC");
    expect(screen.getByText("Objects under oss://sandbox-delivery/orders/")).toBeInTheDocument();
    expect(asked).toEqual(["sandbox/orders/orders-daily"]);
  });

  it("reads the list again while the task runs", async () => {
    let calls = 0;
    mockCommands({
      list_delivered_files: () => {
        calls += 1;
        return files(calls);
      },
    });
    render(<DeliveredFilesPanel profile="sandbox" table="orders" task="orders-daily" refreshMs={30} />);
    await waitFor(() => {
      expect(screen.getAllByRole("row")).toHaveLength(4);
    });
  });

  it("says when nothing was delivered yet", async () => {
    mockCommands({ list_delivered_files: () => files(0) });
    render(<DeliveredFilesPanel profile="sandbox" table="orders" task="orders-daily" refreshMs={null} />);
    expect(await screen.findByText(/No files delivered yet/)).toBeInTheDocument();
  });
});

describe("formatBytes", () => {
  it("uses decimal units with one decimal", () => {
    expect(formatBytes(512, "en")).toBe("512 byte");
    expect(formatBytes(2048, "en")).toBe("2 kB");
    expect(formatBytes(1_500_000, "en")).toBe("1.5 MB");
    expect(formatBytes(3_200_000_000, "en")).toBe("3.2 GB");
  });
});
