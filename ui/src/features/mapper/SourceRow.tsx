import { useDraggable } from "@dnd-kit/core";
import { memo } from "react";
import type { KeyboardEvent, PointerEvent } from "react";
import { useTranslation } from "react-i18next";

import type { ColumnProfile } from "../../bindings/ColumnProfile";
import { sourceDragId, type DragData } from "./dragIds";
import { TypeBars } from "./TypeBars";

export const SOURCE_ROW_HEIGHT = 60;

interface Props {
  column: ColumnProfile;
  /** Position among the rows shown (after filtering). */
  index: number;
  start: number;
  mappedCount: number;
  sampled: boolean;
  /** The one row of the list reachable with Tab (roving focus). */
  tabbable: boolean;
  onAdd: (column: ColumnProfile) => void;
  onNavigate: (index: number, event: KeyboardEvent) => void;
  onFocusRow: (index: number) => void;
  /** Says how to add a column; dnd-kit's own instructions are about reordering rows. */
  describedBy: string;
}

function presence(percent: number): number {
  return Math.round(percent * 10) / 10;
}

/** One source column: drag it to the schema, or press Enter, Space or A (or click) to add it. */
export const SourceRow = memo(function SourceRow({ column, index, start, mappedCount, sampled, tabbable, onAdd, onNavigate, onFocusRow, describedBy }: Props) {
  const { t } = useTranslation();
  const data: DragData = { kind: "source", name: column.name };
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: sourceDragId(column.name),
    data,
    attributes: { roleDescription: t("mapper.roleSource") },
  });
  // Only the pointer drags a source column: from the keyboard, adding is one key press.
  const onPointerDown = listeners?.onPointerDown as ((event: PointerEvent) => void) | undefined;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "a" || event.key === "A") {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      onAdd(column);
      return;
    }
    onNavigate(index, event);
  };

  return (
    <div
      role="listitem"
      className="source-row"
      data-source-index={index}
      data-mapped={mappedCount > 0}
      data-dragging={isDragging}
      // `top`, not a transform: dnd-kit measures draggables without their transforms.
      style={{ top: start, height: SOURCE_ROW_HEIGHT }}
    >
      <button
        ref={setNodeRef}
        type="button"
        className="source-grab"
        {...attributes}
        tabIndex={tabbable ? 0 : -1}
        aria-describedby={describedBy}
        onPointerDown={onPointerDown}
        onClick={() => {
          onAdd(column);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => {
          onFocusRow(index);
        }}
      >
        <span className="source-line">
          <span className="source-name" title={column.name}>
            {column.name}
          </span>{" "}
          <span className="origin-badge" data-origin={column.origin}>
            {t(`mapper.origins.${column.origin}`)}
          </span>{" "}
          {mappedCount > 0 && (
            <span className="mapped-mark">{mappedCount > 1 ? t("mapper.mappedTimes", { count: mappedCount }) : t("mapper.mapped")} </span>
          )}
          <span className="source-presence">{sampled ? t("mapper.presence", { value: presence(column.presencePercent) }) : t("mapper.notSampled")}</span>{" "}
        </span>
        <span className="source-line">
          <TypeBars types={column.types} />{" "}
          <span className="source-add">{t("mapper.add")}</span>
        </span>
      </button>
    </div>
  );
});
