import { act, render, screen, within } from "../../test/render";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { beforeEach, describe, expect, it } from "vitest";

import type { DirtyCount } from "../../bindings/DirtyCount";
import type { Issue } from "../../bindings/Issue";
import type { SchemaEntryDraft } from "../../bindings/SchemaEntryDraft";
import { initI18n } from "../../i18n";
import { seriousViolations } from "../../test/axe";
import { column, fixtureRules } from "./fixtures";
import { Mapper } from "./index";

const ROWS = 100;
const COLUMNS = [
  column("id", [["INTEGER", 100]], ROWS, "primaryKey"),
  column("name", [["STRING", 90]], ROWS, "defined"),
  column("price", [["DOUBLE", 80], ["STRING", 20]], ROWS),
  column("blob", [["BINARY", 10]], ROWS),
  column("flag", [["BOOLEAN", 50]], ROWS),
];
const RULES = fixtureRules();

interface HostProps {
  initial?: SchemaEntryDraft[];
  issues?: Issue[];
  dirtyCounts?: DirtyCount[];
  seen?: SchemaEntryDraft[][];
}

/** The mapper as a parent uses it: the schema lives in the parent's state. */
function Host({ initial = [], issues = [], dirtyCounts = [], seen = [] }: HostProps) {
  const [schema, setSchema] = useState(initial);
  return (
    <Mapper
      columns={COLUMNS}
      sampledRows={ROWS}
      rules={RULES}
      schema={schema}
      onChange={(next) => {
        seen.push(next);
        setSchema(next);
      }}
      issues={issues}
      dirtyCounts={dirtyCounts}
    />
  );
}

function schemaList() {
  return screen.getByRole("list", { name: "Parquet schema, in output order" });
}

/** Output names in schema order, as shown. */
function outputNames(): string[] {
  return within(schemaList())
    .queryAllByRole("textbox")
    .map((input) => (input as HTMLInputElement).value);
}

function sourceButton(name: string) {
  const list = screen.getByRole("list", { name: "Source columns" });
  return within(list).getByRole("button", { name: new RegExp(`^${name} `) });
}

beforeEach(async () => {
  await initI18n("en");
});

describe("keyboard only, no pointer", () => {
  it("adds columns from the source list with Enter and A, after moving with the arrows", async () => {
    const user = userEvent.setup();
    const seen: SchemaEntryDraft[][] = [];
    render(<Host seen={seen} />);
    act(() => {
      screen.getByRole("searchbox", { name: "Filter source columns" }).focus();
    });
    await user.keyboard("{ArrowDown}");
    expect(sourceButton("id")).toHaveFocus();
    expect(sourceButton("id")).toHaveAccessibleDescription(/^Press Enter, Space or A to add this column/);
    await user.keyboard("{ArrowDown}{Enter}");
    expect(sourceButton("name")).toHaveFocus();
    await user.keyboard("{End}a");
    expect(sourceButton("flag")).toHaveFocus();
    expect(outputNames()).toEqual(["name", "flag"]);
    expect(seen.at(-1)).toEqual([
      { sourceColumn: "name", outputName: "name", parquetType: "UTF8" },
      { sourceColumn: "flag", outputName: "flag", parquetType: "BOOL" },
    ]);
    expect(sourceButton("name")).toHaveTextContent("mapped");
    expect(screen.getByText("Added flag at position 2.")).toHaveAttribute("role", "status");
  });

  it("reorders with Alt+Arrow on the handle, renames, changes the type, removes with Delete, and undoes each", async () => {
    const user = userEvent.setup();
    const seen: SchemaEntryDraft[][] = [];
    render(
      <Host
        seen={seen}
        initial={[
          { sourceColumn: "id", outputName: "id", parquetType: "INT64" },
          { sourceColumn: "name", outputName: "name", parquetType: "UTF8" },
          { sourceColumn: "price", outputName: "price", parquetType: null },
        ]}
      />,
    );
    const list = schemaList();
    act(() => {
      within(list).getByRole("button", { name: "Move price, position 3 of 3" }).focus();
    });
    await user.keyboard("{Alt>}{ArrowUp}{ArrowUp}{/Alt}");
    expect(outputNames()).toEqual(["price", "id", "name"]);
    expect(within(list).getByRole("button", { name: "Move price, position 1 of 3" })).toHaveFocus();

    // Tab to the output name; every keystroke is reported, the whole rename is one undo step.
    await user.tab();
    expect(within(list).getByRole("textbox", { name: "Output name for price" })).toHaveFocus();
    await user.keyboard("{Control>}a{/Control}unit_price");
    expect(outputNames()).toEqual(["unit_price", "id", "name"]);

    // jsdom has no keyboard behaviour for a native <select>; choosing the option is what the keys would do.
    await user.tab();
    const type = within(list).getByRole("combobox", { name: "Parquet type for price" });
    expect(type).toHaveFocus();
    await user.selectOptions(type, "DOUBLE");
    expect(seen.at(-1)?.[0]).toEqual({ sourceColumn: "price", outputName: "unit_price", parquetType: "DOUBLE" });

    await user.keyboard("{Shift>}{Tab}{Tab}{/Shift}{Delete}");
    expect(outputNames()).toEqual(["id", "name"]);
    expect(within(list).getByRole("button", { name: "Move id, position 1 of 2" })).toHaveFocus();

    await user.keyboard("{Control>}z{/Control}");
    expect(outputNames()).toEqual(["unit_price", "id", "name"]);
    await user.keyboard("{Control>}z{/Control}");
    expect(seen.at(-1)?.[0]?.parquetType).toBeNull();
    await user.keyboard("{Control>}z{/Control}");
    expect(outputNames()).toEqual(["price", "id", "name"]);
    await user.keyboard("{Control>}z{/Control}");
    expect(outputNames()).toEqual(["id", "price", "name"]);
    await user.keyboard("{Control>}z{/Control}");
    expect(outputNames()).toEqual(["id", "name", "price"]);
    expect(screen.getByRole("button", { name: "Undo" })).toHaveAttribute("aria-disabled", "true");
    await user.keyboard("{Control>}{Shift>}z{/Shift}{/Control}");
    expect(outputNames()).toEqual(["id", "price", "name"]);
    await user.keyboard("{Control>}y{/Control}{Control>}y{/Control}{Control>}y{/Control}");
    expect(outputNames()).toEqual(["unit_price", "id", "name"]);
    expect(seen.at(-1)?.[0]).toEqual({ sourceColumn: "price", outputName: "unit_price", parquetType: "DOUBLE" });
  });

  it("moves with the arrow buttons and removes with the remove button, from the keyboard", async () => {
    const user = userEvent.setup();
    render(
      <Host
        initial={[
          { sourceColumn: "id", outputName: "id", parquetType: "INT64" },
          { sourceColumn: "name", outputName: "name", parquetType: "UTF8" },
        ]}
      />,
    );
    act(() => {
      screen.getByRole("button", { name: "Move id down" }).focus();
    });
    await user.keyboard("{Enter}");
    expect(outputNames()).toEqual(["name", "id"]);
    act(() => {
      screen.getByRole("button", { name: "Remove name" }).focus();
    });
    await user.keyboard(" ");
    expect(outputNames()).toEqual(["id"]);
  });

  it("adds all and auto-maps in one undoable step each", async () => {
    const user = userEvent.setup();
    render(<Host initial={[{ sourceColumn: "name", outputName: "name", parquetType: "UTF8" }]} />);
    act(() => {
      screen.getByRole("button", { name: "Add all" }).focus();
    });
    await user.keyboard("{Enter}");
    expect(outputNames()).toEqual(["name", "id", "flag"]);
    await user.tab();
    expect(screen.getByRole("button", { name: "Auto-map by name" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(outputNames()).toEqual(["name", "id", "flag", "price", "blob"]);
    await user.tab();
    await user.keyboard("{Enter}");
    expect(outputNames()).toEqual(["name", "id", "flag"]);
    await user.keyboard("{Enter}");
    expect(outputNames()).toEqual(["name"]);
    expect(screen.getByRole("button", { name: "Undo" })).toHaveAttribute("aria-disabled", "true");
  });

  it("undoes a whole rename with Ctrl+Z while the name field has focus", async () => {
    const user = userEvent.setup();
    render(<Host initial={[{ sourceColumn: "name", outputName: "name", parquetType: "UTF8" }]} />);
    const input = screen.getByRole("textbox", { name: "Output name for name" });
    act(() => {
      input.focus();
    });
    await user.keyboard("{End}_full");
    expect(input).toHaveValue("name_full");
    await user.keyboard("{Control>}z{/Control}");
    expect(input).toHaveValue("name");
    await user.keyboard("{Control>}{Shift>}Z{/Shift}{/Control}");
    expect(input).toHaveValue("name_full");
  });

  it("filters the schema and moves a row past the rows the filter hides", async () => {
    const user = userEvent.setup();
    render(
      <Host
        initial={[
          { sourceColumn: "id", outputName: "a_id", parquetType: "INT64" },
          { sourceColumn: "name", outputName: "b_name", parquetType: "UTF8" },
          { sourceColumn: "flag", outputName: "a_flag", parquetType: "BOOL" },
        ]}
      />,
    );
    await user.type(screen.getByRole("searchbox", { name: "Filter output columns" }), "A_");
    expect(outputNames()).toEqual(["a_id", "a_flag"]);
    act(() => {
      screen.getByRole("button", { name: "Move flag, position 3 of 3" }).focus();
    });
    await user.keyboard("{Alt>}{ArrowUp}{/Alt}");
    expect(outputNames()).toEqual(["a_flag", "a_id"]);
    await user.clear(screen.getByRole("searchbox", { name: "Filter output columns" }));
    expect(outputNames()).toEqual(["a_flag", "a_id", "b_name"]);
  });

  it("filters the source list by name, ignoring case", async () => {
    const user = userEvent.setup();
    render(<Host />);
    await user.type(screen.getByRole("searchbox", { name: "Filter source columns" }), "PRI");
    const list = screen.getByRole("list", { name: "Source columns" });
    expect(within(list).getAllByRole("button").map((b) => b.textContent)).toEqual([expect.stringMatching(/^price/)]);
  });
});

describe("Add all", () => {
  it("says how many columns it skipped, which and why, and how to add them", async () => {
    const user = userEvent.setup();
    render(<Host />);
    await user.click(screen.getByRole("button", { name: "Add all" }));
    expect(outputNames()).toEqual(["id", "name", "flag"]);
    expect(
      screen.getByText("Columns added: 3. Skipped with mixed types: 1 (price). Skipped with no default Parquet type: 1 (blob). Add skipped columns one by one and pick a type for each."),
    ).toHaveAttribute("role", "status");
  });

  it("still names the skipped columns when nothing else is left to add, in Chinese too", async () => {
    await initI18n("zh-CN");
    const user = userEvent.setup();
    render(<Host initial={[{ sourceColumn: "id", outputName: "id", parquetType: "INT64" }, { sourceColumn: "name", outputName: "name", parquetType: "UTF8" }, { sourceColumn: "flag", outputName: "flag", parquetType: "BOOL" }]} />);
    await user.click(screen.getByRole("button", { name: "全部添加" }));
    expect(screen.getByText("已添加的列数：0。已跳过类型混杂的列：1 列（price）。已跳过没有默认 Parquet 类型的列：1 列（blob）。请逐列添加被跳过的列，并为每列选择类型。")).toHaveAttribute(
      "role",
      "status",
    );
  });
});

describe("a schema set by the parent", () => {
  it("is shown as given and starts a new history (a draft opened is not undone into the previous one)", async () => {
    const user = userEvent.setup();
    const onChange = (next: SchemaEntryDraft[]) => {
      rerender(<Mapper columns={COLUMNS} sampledRows={ROWS} rules={RULES} schema={next} onChange={onChange} issues={[]} dirtyCounts={[]} />);
    };
    const { rerender } = render(<Mapper columns={COLUMNS} sampledRows={ROWS} rules={RULES} schema={[]} onChange={onChange} issues={[]} dirtyCounts={[]} />);
    await user.click(screen.getByRole("button", { name: "Add all" }));
    expect(outputNames()).toEqual(["id", "name", "flag"]);
    expect(screen.getByRole("button", { name: "Undo" })).toHaveAttribute("aria-disabled", "false");
    const draft: SchemaEntryDraft[] = [{ sourceColumn: "price", outputName: "price_eur", parquetType: "DOUBLE" }];
    rerender(<Mapper columns={COLUMNS} sampledRows={ROWS} rules={RULES} schema={draft} onChange={onChange} issues={[]} dirtyCounts={[]} />);
    expect(outputNames()).toEqual(["price_eur"]);
    expect(screen.getByRole("button", { name: "Undo" })).toHaveAttribute("aria-disabled", "true");
  });
});

describe("problems on each row", () => {
  it("shows an incompatible type and a mixed column with their reasons, without asking Rust", () => {
    render(
      <Host
        initial={[
          { sourceColumn: "name", outputName: "name", parquetType: "INT64" },
          { sourceColumn: "price", outputName: "price", parquetType: "DOUBLE" },
        ]}
      />,
    );
    const type = screen.getByRole("combobox", { name: "Parquet type for name" });
    expect(type).toHaveAttribute("aria-invalid", "true");
    expect(type).toHaveValue("INT64");
    expect(within(type).getByRole("option", { name: "INT64 — not compatible" })).toBeInTheDocument();
    expect(type).toHaveAccessibleDescription(/STRING values: STRING values written as INT64 do not match/);
    const mixed = screen.getByRole("combobox", { name: "Parquet type for price" });
    expect(mixed).toHaveAttribute("aria-invalid", "false");
    expect(mixed).toHaveAccessibleDescription(/Mixed types: DOUBLE 80, STRING 20\./);
    // A mixed column is offered each target that keeps some of its rows, saying which.
    expect(within(mixed).getAllByRole("option").map((option) => option.textContent)).toEqual(["DOUBLE — keeps DOUBLE (80 rows)", "UTF8 — keeps STRING (20 rows)"]);
  });

  it("shows a Rust finding for schema[1].outputName at the second row, with its remedy", () => {
    const issue: Issue = {
      field: "schema[1].outputName",
      severity: "error",
      code: "duplicate_output_column",
      message: "Two output columns are named 'id'.",
      remedy: "Rename one of them.",
    };
    render(
      <Host
        issues={[issue, { field: "schema", severity: "error", code: "x", message: "The schema needs a column from the primary key.", remedy: null }]}
        initial={[
          { sourceColumn: "id", outputName: "id", parquetType: "INT64" },
          { sourceColumn: "name", outputName: "id", parquetType: "UTF8" },
        ]}
      />,
    );
    const [first, second] = within(schemaList()).getAllByRole("listitem");
    expect(first).not.toHaveTextContent("Two output columns");
    expect(second).toHaveTextContent("Two output columns are named 'id'.");
    expect(second).toHaveTextContent("Fix: Rename one of them.");
    const input = screen.getByRole("textbox", { name: "Output name for name" });
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription("Two output columns are named 'id'. Fix: Rename one of them.");
    expect(screen.getByRole("list", { name: "Problems with the schema" })).toHaveTextContent("The schema needs a column from the primary key.");
  });

  it("says how many sampled rows would be dropped as dirty data", () => {
    render(
      <Host
        initial={[{ sourceColumn: "price", outputName: "price", parquetType: "DOUBLE" }]}
        dirtyCounts={[{ sourceColumn: "price", outputName: "price", parquetType: "DOUBLE", keptRows: 80, dirtyRows: 20, missingRows: 0, dirtyPercent: 20 }]}
      />,
    );
    expect(screen.getByRole("combobox", { name: "Parquet type for price" })).toHaveAccessibleDescription(/20 of 100 sampled rows would be dropped as dirty data\./);
  });

  it("has no serious accessibility violations, problems and all", async () => {
    render(
      <Host
        issues={[{ field: "schema[1].outputName", severity: "error", code: "x", message: "Duplicate.", remedy: "Rename." }]}
        dirtyCounts={[{ sourceColumn: "price", outputName: "price", parquetType: "DOUBLE", keptRows: 80, dirtyRows: 20, missingRows: 0, dirtyPercent: 20 }]}
        initial={[
          { sourceColumn: "name", outputName: "name", parquetType: "INT64" },
          { sourceColumn: "price", outputName: "price", parquetType: "DOUBLE" },
          { sourceColumn: "blob", outputName: "blob", parquetType: null },
          { sourceColumn: "gone", outputName: "gone", parquetType: "UTF8" },
        ]}
      />,
    );
    expect(await seriousViolations()).toEqual([]);
  });
});

describe("in Simplified Chinese", () => {
  it("labels the panes and controls from the Chinese catalogue", async () => {
    await initI18n("zh-CN");
    render(<Host initial={[{ sourceColumn: "id", outputName: "id", parquetType: "INT64" }]} />);
    expect(screen.getByRole("button", { name: "全部添加" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "id 的输出列名" })).toBeInTheDocument();
  });
});
