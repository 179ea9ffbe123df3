import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import type { ColumnProfile } from "../../bindings/ColumnProfile";
import type { DirtyCount } from "../../bindings/DirtyCount";
import type { ParquetType } from "../../bindings/ParquetType";
import { fitOf, type RuleBook } from "./columnFit";
import { SCHEMA_DROP_ID } from "./dragIds";
import { filterIndexes, type MappedRow } from "./mapperModel";
import { PaneHeader } from "./PaneHeader";
import { dirtyCountOf, problemsOf, type SortedIssues } from "./rowProblems";
import { SchemaRow, type RowActions } from "./SchemaRow";

/** What the pane needs from the mapper to change the schema. */
export interface SchemaEdits {
  rename: (id: string, outputName: string) => void;
  renameDone: () => void;
  setType: (id: string, parquetType: ParquetType | null) => void;
  remove: (id: string) => void;
  /** Moves the row with `id` to index `to` of the whole schema. */
  move: (id: string, to: number) => void;
}

interface Props {
  rows: readonly MappedRow[];
  columnsByName: ReadonlyMap<string, ColumnProfile>;
  book: RuleBook;
  issues: SortedIssues;
  dirtyIndex: Map<string, DirtyCount>;
  sampledRows: number;
  edits: SchemaEdits;
  /** The row a dragged source column is over (it would be inserted there). */
  dropTargetId: string | null;
  sourceDragging: boolean;
}

const ROW_ESTIMATE = 46;

const searchText = (row: MappedRow) => `${row.entry.sourceColumn}\n${row.entry.outputName}`;

/** Every output column in order, virtualised and sortable; filterable by source or output name. */
export function SchemaPane({ rows, columnsByName, book, issues, dirtyIndex, sampledRows, edits, dropTargetId, sourceDragging }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const idPrefix = useId();
  const [filter, setFilter] = useState("");
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const focusNext = useRef<string | null>(null);
  const { setNodeRef: setDropRef, isOver } = useDroppable({ id: SCHEMA_DROP_ID });

  const shown = useMemo(() => filterIndexes(rows, filter, searchText), [rows, filter]);
  const count = shown ? shown.length : rows.length;
  const rowAt = useCallback((position: number) => (shown ? shown[position] : position), [shown]);
  const visibleIds = useMemo(() => (shown ? shown.map((index) => rows[index]?.id ?? "") : rows.map((row) => row.id)), [rows, shown]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions change every render; nothing memoises on them.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (position) => visibleIds[position] ?? position,
    // jsdom measures every box as 0 high; keep the estimate there.
    measureElement: (element) => element.getBoundingClientRect().height || ROW_ESTIMATE,
    overscan: 6,
    initialRect: { width: 600, height: 320 },
  });

  useLayoutEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    focusNext.current = null;
    const handle = scrollRef.current?.querySelector<HTMLButtonElement>(`[data-row-id="${id}"] .drag-handle`);
    (handle ?? filterRef.current)?.focus();
  });

  // Row handlers are stable; they read the newest view from here.
  const latest = useRef({ visibleIds, edits, rows, scrollToIndex: virtualizer.scrollToIndex });
  useLayoutEffect(() => {
    latest.current = { visibleIds, edits, rows, scrollToIndex: virtualizer.scrollToIndex };
  });

  const actions = useMemo<RowActions>(
    () => ({
      rename: (id, name) => {
        latest.current.edits.rename(id, name);
      },
      renameDone: () => {
        latest.current.edits.renameDone();
      },
      setType: (id, type) => {
        latest.current.edits.setType(id, type);
      },
      step: (id, delta) => {
        const { visibleIds: ids, rows: all, edits: change, scrollToIndex } = latest.current;
        const position = ids.indexOf(id);
        const neighbour = ids[position + delta];
        if (position < 0 || neighbour === undefined) return;
        change.move(
          id,
          all.findIndex((row) => row.id === neighbour),
        );
        scrollToIndex(position + delta);
      },
      remove: (id) => {
        const { visibleIds: ids, edits: change } = latest.current;
        const position = ids.indexOf(id);
        focusNext.current = ids[position + 1] ?? ids[position - 1] ?? "";
        change.remove(id);
      },
    }),
    [],
  );

  const items = virtualizer.getVirtualItems();
  return (
    <section className="mapper-pane schema-pane" aria-labelledby={titleId}>
      <PaneHeader
        titleId={titleId}
        title={t("mapper.schemaTitle")}
        shown={count}
        total={rows.length}
        filterLabel={t("mapper.filterSchema")}
        filter={filter}
        onFilter={setFilter}
        filterRef={filterRef}
      />
      <div
        ref={(element) => {
          scrollRef.current = element;
          setDropRef(element);
        }}
        className="list-scroll mapper-scroll schema-scroll"
        data-drop-active={sourceDragging}
        data-drop-over={sourceDragging && isOver}
      >
        {count === 0 ? (
          <p className="mapper-empty">{rows.length === 0 ? t("mapper.schemaEmpty") : t("mapper.noSchemaMatch")}</p>
        ) : (
          <SortableContext items={visibleIds} strategy={verticalListSortingStrategy}>
            <div role="list" aria-labelledby={titleId} className="mapper-list" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const index = rowAt(item.index) ?? -1;
                const row = rows[index];
                if (!row) return null;
                const column = columnsByName.get(row.entry.sourceColumn);
                return (
                  <SchemaRow
                    key={row.id}
                    row={row}
                    index={index}
                    total={rows.length}
                    start={item.start}
                    fit={fitOf(column, book)}
                    problems={problemsOf(row.entry, column, book, issues.byRow.get(index) ?? [], dirtyCountOf(dirtyIndex, row.entry))}
                    sampledRows={sampledRows}
                    idPrefix={`${idPrefix}-${row.id}`}
                    canMoveUp={item.index > 0}
                    canMoveDown={item.index < count - 1}
                    dropTarget={row.id === dropTargetId}
                    measure={virtualizer.measureElement}
                    actions={actions}
                  />
                );
              })}
            </div>
          </SortableContext>
        )}
      </div>
    </section>
  );
}
