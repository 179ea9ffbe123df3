import type { Active, Over } from "@dnd-kit/core";
import { beforeEach, describe, expect, it } from "vitest";

import { i18next, initI18n } from "../../i18n";
import { dndAnnouncements, Positions } from "./dndAnnouncements";
import { SCHEMA_DROP_ID, type DragData } from "./dragIds";

function item(id: string, data: DragData | null): Active & Over {
  // Only the id and the data are read; the rest of dnd-kit's record does not matter here.
  return { id, data: { current: data }, rect: { current: { initial: null, translated: null } }, disabled: false } as unknown as Active & Over;
}

const positions = new Positions();
positions.update([{ id: "r1" }, { id: "r2" }, { id: "r3" }]);

beforeEach(async () => {
  await initI18n("en");
});

describe("drag announcements", () => {
  it("name the row, its position and where it goes", () => {
    const say = dndAnnouncements(i18next.t, positions);
    const row = item("r1", { kind: "row", name: "user_id" });
    expect(say.onDragStart({ active: row })).toBe("Picked up user_id at position 1 of 3.");
    expect(say.onDragOver({ active: row, over: item("r3", null) })).toBe("user_id is over position 3 of 3.");
    expect(say.onDragOver({ active: row, over: null })).toBe("user_id is not over a drop target.");
    positions.noteDrop(3);
    expect(say.onDragEnd({ active: row, over: item("r3", null) })).toBe("user_id dropped at position 3 of 3.");
    expect(say.onDragCancel({ active: row, over: null })).toBe("Cancelled: user_id stays where it was.");
  });

  it("name a source column and where it would be added", () => {
    const say = dndAnnouncements(i18next.t, positions);
    const source = item("source:price", { kind: "source", name: "price" });
    expect(say.onDragStart({ active: source })).toBe("Picked up column price.");
    expect(say.onDragOver({ active: source, over: item(SCHEMA_DROP_ID, null) })).toBe("price is over the end of the Parquet schema.");
    positions.noteDrop(2);
    expect(say.onDragEnd({ active: source, over: item("r2", null) })).toBe("Column price added at position 2.");
    positions.noteDrop(null);
    expect(say.onDragEnd({ active: source, over: null })).toBe("price dropped outside the schema: nothing changed.");
  });
});
