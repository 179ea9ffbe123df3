import { render, screen, within } from "../../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { SchemaSample } from "../../bindings/SchemaSample";
import { initI18n } from "../../i18n";
import { clearCommandMocks, mockCommands } from "../../ipc/testing";
import { useState } from "react";

import type { SourceColumn } from "../../bindings/SourceColumn";
import { SchemaPage } from "./SchemaPage";

const DECLARED: SourceColumn[] = [
  { name: "user_id", origin: "primaryKey", typesSeen: ["STRING"] },
  { name: "created", origin: "defined", typesSeen: ["INTEGER"] },
];

/** The page as the app hosts it: the declared columns loaded, the sample held above it. */
function Hosted({ onSampled = () => undefined }: { onSampled?: (sample: SchemaSample) => void }) {
  const [sample, setSample] = useState<SchemaSample | null>(null);
  return (
    <SchemaPage
      profile="sandbox"
      table="users"
      declared={{ status: "ready", value: DECLARED }}
      onRetryDeclared={() => undefined}
      sample={sample}
      onSampled={(next) => {
        setSample(next);
        onSampled(next);
      }}
    />
  );
}

beforeEach(async () => {
  await initI18n("en");
});
afterEach(() => {
  clearCommandMocks();
});

const SAMPLE: SchemaSample = {
  reachedEnd: false,
  report: {
    rowsSeen: 1000,
    columns: [
      { name: "user_id", origin: "primaryKey", types: [{ tablestoreType: "STRING", rows: 1000 }], presentRows: 1000, presencePercent: 100 },
      {
        name: "score",
        origin: "sampled",
        types: [
          { tablestoreType: "INTEGER", rows: 700 },
          { tablestoreType: "STRING", rows: 250 },
        ],
        presentRows: 950,
        presencePercent: 95,
      },
    ],
  },
};

describe("SchemaPage", () => {
  it("shows the primary-key and defined columns from metadata before any sampling", () => {
    mockCommands({});
    render(<Hosted />);
    expect(screen.getByText(/From the table's metadata: 2 columns/)).toBeInTheDocument();
    expect(screen.getByRole("row", { name: /user_id/ })).toHaveTextContent("Primary key");
    expect(screen.getByRole("row", { name: /created/ })).toHaveTextContent("DefinedINTEGER");
  });

  it("samples the chosen table and shows each column's types and presence", async () => {
    const asked: unknown[] = [];
    mockCommands({
      sample_schema: (args) => {
        asked.push({ profile: args.profile, table: args.table, maxRows: args.maxRows });
        return SAMPLE;
      },
    });
    const handed: SchemaSample[] = [];
    render(<Hosted onSampled={(sample) => handed.push(sample)} />);
    await userEvent.clear(screen.getByLabelText("Rows to sample"));
    await userEvent.type(screen.getByLabelText("Rows to sample"), "1000");
    await userEvent.click(screen.getByRole("button", { name: "Sample rows" }));
    expect(await screen.findByText("Sampled 1,000 rows: 2 columns.")).toBeInTheDocument();
    expect(asked).toEqual([{ profile: "sandbox", table: "users", maxRows: 1000 }]);
    const score = screen.getByRole("row", { name: /score/ });
    expect(score).toHaveAttribute("data-mixed", "true");
    expect(within(score).getByText("Found in rows")).toBeInTheDocument();
    expect(score).toHaveTextContent("INTEGER");
    expect(score).toHaveTextContent("700");
    expect(score).toHaveTextContent("95.0 %");
    expect(screen.getByRole("row", { name: /user_id/ })).toHaveTextContent("Primary key");
    expect(handed).toEqual([SAMPLE]);
  });

  it("cancels a running sample from its Cancel button and says so without an error", async () => {
    let reject: (error: unknown) => void = () => undefined;
    const cancelled: unknown[] = [];
    mockCommands({
      sample_schema: () =>
        // Runs until cancelled, then answers as the Rust side does.
        new Promise<SchemaSample>((_, fail) => {
          reject = fail;
        }) as unknown as SchemaSample,
      cancel_sampling: (args) => {
        cancelled.push(args);
        reject({ code: "cancelled", message: "Sampling was cancelled.", remedy: null, serviceCode: null, requestId: null });
        return true;
      },
    });
    render(<Hosted />);
    await userEvent.click(screen.getByRole("button", { name: "Sample rows" }));
    expect(screen.getByRole("button", { name: "Sample rows" })).toBeDisabled();
    expect(screen.getByRole("progressbar", { name: "Sampling progress" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Sampling cancelled; nothing changed.");
    expect(cancelled).toEqual([{ profile: "sandbox", table: "users" }]);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Sample rows" })).toBeEnabled();
  });

  it("shows a coded error when sampling fails", async () => {
    mockCommands({
      sample_schema: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the plain IpcError object
        throw { code: "permission_denied", message: "GetRange was denied.", remedy: null, serviceCode: null, requestId: null };
      },
    });
    render(<Hosted />);
    await userEvent.click(screen.getByRole("button", { name: "Sample rows" }));
    expect(await screen.findByRole("alert")).toHaveAttribute("data-error-code", "permission_denied");
  });
});
