// What screen readers hear while a column or row is dragged (dnd-kit's live region), in the
// user's language.
import type { Active, Announcements, Over, ScreenReaderInstructions, UniqueIdentifier } from "@dnd-kit/core";
import type { TFunction } from "i18next";

import { isDragData, SCHEMA_DROP_ID } from "./dragIds";

/**
 * Where schema rows are, for announcements made after the fact: dnd-kit announces a drop once
 * the schema has already changed, so the mapper notes here where the drop put its row.
 */
export class Positions {
  private rows: readonly { id: string }[] = [];
  private lastDrop: number | null = null;

  update(rows: readonly { id: string }[]): void {
    this.rows = rows;
  }

  noteDrop(position: number | null): void {
    this.lastDrop = position;
  }

  positionOf(id: UniqueIdentifier): number | null {
    const index = this.rows.findIndex((row) => row.id === id);
    return index < 0 ? null : index + 1;
  }

  total(): number {
    return this.rows.length;
  }

  /** 1-based position the last drop put its column or row at. */
  dropped(): number | null {
    return this.lastDrop;
  }
}

function nameOf(item: Active | Over): string {
  const data: unknown = item.data.current;
  return isDragData(data) ? data.name : String(item.id);
}

function isSource(active: Active): boolean {
  const data: unknown = active.data.current;
  return isDragData(data) && data.kind === "source";
}

export function dndInstructions(t: TFunction): ScreenReaderInstructions {
  return { draggable: t("mapper.dnd.instructions") };
}

export function dndAnnouncements(t: TFunction, positions: Positions): Announcements {
  const where = (over: Over) => ({ position: positions.positionOf(over.id) ?? positions.total(), total: positions.total() });
  return {
    onDragStart({ active }) {
      const name = nameOf(active);
      if (isSource(active)) return t("mapper.dnd.pickedSource", { name });
      return t("mapper.dnd.pickedRow", { name, position: positions.positionOf(active.id) ?? 0, total: positions.total() });
    },
    onDragOver({ active, over }) {
      const name = nameOf(active);
      if (!over) return t("mapper.dnd.overNothing", { name });
      if (over.id === SCHEMA_DROP_ID) return t("mapper.dnd.overSchema", { name });
      return t("mapper.dnd.overRow", { name, ...where(over) });
    },
    onDragEnd({ active, over }) {
      const name = nameOf(active);
      const position = positions.dropped();
      if (!over || position === null) return t("mapper.dnd.droppedNowhere", { name });
      if (isSource(active)) return t("mapper.dnd.droppedSource", { name, position });
      return t("mapper.dnd.droppedRow", { name, position, total: positions.total() });
    },
    onDragCancel({ active }) {
      return t("mapper.dnd.cancelled", { name: nameOf(active) });
    },
  };
}
