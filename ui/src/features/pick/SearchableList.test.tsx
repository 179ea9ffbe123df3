import { render, screen } from "../../test/render";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { SearchableList } from "./SearchableList";
import type { ListItem } from "./SearchableList";

const items: ListItem[] = [
  { id: "orders", label: "orders" },
  { id: "order_items", label: "order_items" },
  { id: "customers", label: "customers" },
  { id: "far", label: "far", disabledReason: "In cn-beijing" },
];

function setup(list = items) {
  const onSelect = vi.fn();
  render(
    <SearchableList
      label="Filter tables"
      filterPlaceholder="Type"
      emptyText="Nothing"
      items={list}
      selectedId={null}
      onSelect={onSelect}
    />,
  );
  return onSelect;
}

describe("SearchableList", () => {
  it("filters by substring, case-insensitively", async () => {
    setup();
    await userEvent.type(screen.getByRole("searchbox"), "ORDER");
    const options = screen.getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual(["orders", "order_items"]);
  });

  it("is operable from the keyboard: arrows move, Enter picks", async () => {
    const onSelect = setup();
    await userEvent.click(screen.getByRole("searchbox"));
    await userEvent.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    expect(onSelect).toHaveBeenCalledWith("customers");
  });

  it("shows a disabled item with its reason and never picks it", async () => {
    const onSelect = setup();
    const far = screen.getByRole("option", { name: /far/ });
    expect(far).toHaveAttribute("aria-disabled", "true");
    expect(far).toHaveTextContent("In cn-beijing");
    await userEvent.click(far);
    expect(onSelect).not.toHaveBeenCalled();
  });

  it("renders only a window of rows for 10,000 items", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ id: `t${i}`, label: `table_${i}` }));
    setup(many);
    const rendered = screen.getAllByRole("option").length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(60);
  });

  it("says so when nothing matches", async () => {
    setup();
    await userEvent.type(screen.getByRole("searchbox"), "zzz");
    expect(screen.getByText("Nothing")).toBeInTheDocument();
  });
});
