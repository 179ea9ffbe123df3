import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { JSX } from "react";
import { useTranslation } from "react-i18next";

import type { ColumnProfile } from "../../bindings/ColumnProfile";
import type { DirtyCount } from "../../bindings/DirtyCount";
import type { Issue } from "../../bindings/Issue";
import type { SchemaEntryDraft } from "../../bindings/SchemaEntryDraft";
import type { TypeRule } from "../../bindings/TypeRule";
import { RuleBook } from "./columnFit";
import { dndAnnouncements, dndInstructions, Positions } from "./dndAnnouncements";
import { isDragData, SCHEMA_DROP_ID } from "./dragIds";
import "./mapper.css";
import { addAll, addColumn, autoMap, mappedCounts, moveRow, removeRow, renameRow, setRowType, skippedByAddAll, type MapperState } from "./mapperModel";
import { IssueText } from "./ProblemList";
import { indexDirtyCounts, sortIssues } from "./rowProblems";
import { SchemaPane, type SchemaEdits } from "./SchemaPane";
import { SourcePane } from "./SourcePane";
import { useMapperHistory } from "./useMapperHistory";

export interface MapperProps {
  /** Source columns: declared (primary key / defined) and sampled, with the types seen and counts. */
  columns: readonly ColumnProfile[];
  /** Rows the sample read (0 when the table was not sampled yet). */
  sampledRows: number;
  /** Every Tablestore→Parquet pair with the domain's verdict (from the `type_rules` command). */
  rules: readonly TypeRule[];
  /** The Parquet schema in output order (controlled). */
  schema: readonly SchemaEntryDraft[];
  onChange: (schema: SchemaEntryDraft[]) => void;
  /** Findings from Rust (`check_draft`), fields like `schema[3].outputName`, `schema[3].parquetType`, `schema`. */
  issues: readonly Issue[];
  /** Per typed entry: sampled rows kept / dropped as dirty data / missing (from `check_draft`). */
  dirtyCounts: readonly DirtyCount[];
}

interface DragState {
  /** The source column being dragged, or null while a schema row is. */
  source: string | null;
  /** The schema row a dragged source column is over. */
  overRowId: string | null;
}

function dragKind(data: unknown): "source" | "row" | null {
  return isDragData(data) ? data.kind : null;
}

/** Source columns are dropped where the pointer is; rows sort by the nearest row centre. */
const collision: CollisionDetection = (args) => {
  if (dragKind(args.active.data.current) === "source") {
    const hits = pointerWithin(args);
    const rows = hits.filter((hit) => hit.id !== SCHEMA_DROP_ID);
    return rows.length > 0 ? rows : hits;
  }
  return closestCenter({ ...args, droppableContainers: args.droppableContainers.filter((c) => c.id !== SCHEMA_DROP_ID) });
};

/** How many skipped columns the status names before it only counts the rest. */
const MAX_NAMES_SHOWN = 5;

function indexOf(state: MapperState, id: UniqueIdentifier): number {
  return state.rows.findIndex((row) => row.id === id);
}

/** The Parquet schema mapper: source columns on the left, the output schema on the right. */
export function Mapper({ columns, sampledRows, rules, schema, onChange, issues, dirtyCounts }: MapperProps): JSX.Element {
  const { t, i18n } = useTranslation();
  const book = useMemo(() => new RuleBook(rules), [rules]);
  const columnsByName = useMemo(() => new Map(columns.map((column) => [column.name, column])), [columns]);
  const { state, apply, undo, redo, closeStep, canUndo, canRedo } = useMapperHistory(schema, onChange);
  const counts = useMemo(() => mappedCounts(state), [state]);
  const sortedIssues = useMemo(() => sortIssues(issues), [issues]);
  const dirtyIndex = useMemo(() => indexDirtyCounts(dirtyCounts), [dirtyCounts]);
  const [status, setStatus] = useState("");
  const [drag, setDrag] = useState<DragState | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  const [positions] = useState(() => new Positions());

  const latest = useRef({ state, columns, columnsByName });
  useLayoutEffect(() => {
    latest.current = { state, columns, columnsByName };
    positions.update(state.rows);
  });

  const add = useCallback(
    (column: ColumnProfile, at?: number) => {
      const { rows } = latest.current.state;
      const position = at === undefined || at < 0 || at > rows.length ? rows.length : at;
      apply((current) => addColumn(current, column, book, position));
      positions.noteDrop(position + 1);
      setStatus(t("mapper.status.added", { name: column.name, position: position + 1 }));
    },
    [apply, book, t, positions],
  );

  /** Names a few columns; the rest are counted. */
  const nameList = (names: readonly string[]) => {
    const shown = names.slice(0, MAX_NAMES_SHOWN).join(t("mapper.status.nameSeparator"));
    const more = names.length - MAX_NAMES_SHOWN;
    return more > 0 ? t("mapper.status.moreNames", { names: shown, count: more }) : shown;
  };

  const fill = (how: typeof addAll) => {
    const current = latest.current.state;
    const next = how(current, latest.current.columns, book);
    const added = next.rows.length - current.rows.length;
    // Only "Add all" leaves columns out; say which and why, since the reason is otherwise only in the button's tooltip.
    const skipped = how === addAll ? skippedByAddAll(current, latest.current.columns, book) : { mixed: [], untyped: [] };
    const skippedText = [
      skipped.mixed.length > 0 ? t("mapper.status.skippedMixed", { count: skipped.mixed.length, names: nameList(skipped.mixed) }) : "",
      skipped.untyped.length > 0 ? t("mapper.status.skippedUntyped", { count: skipped.untyped.length, names: nameList(skipped.untyped) }) : "",
    ];
    const anySkipped = skippedText.some(Boolean);
    if (added === 0 && !anySkipped) {
      setStatus(t("mapper.status.nothingToAdd"));
      return;
    }
    if (added > 0) apply(() => next);
    const remedy = anySkipped ? t("mapper.status.skippedRemedy") : "";
    // Chinese runs sentences together; English separates them with a space.
    const between = i18n.language.startsWith("zh") ? "" : " ";
    setStatus([t("mapper.status.addedMany", { count: added }), ...skippedText, remedy].filter(Boolean).join(between));
  };

  const edits = useMemo<SchemaEdits>(
    () => ({
      rename: (id, outputName) => {
        apply((current) => renameRow(current, id, outputName), `rename:${id}`);
      },
      renameDone: closeStep,
      setType: (id, parquetType) => {
        apply((current) => setRowType(current, id, parquetType));
      },
      remove: (id) => {
        const row = latest.current.state.rows.find((r) => r.id === id);
        apply((current) => removeRow(current, id));
        if (row) setStatus(t("mapper.status.removed", { name: row.entry.outputName || row.entry.sourceColumn }));
      },
      move: (id, to) => {
        const current = latest.current.state;
        const row = current.rows[indexOf(current, id)];
        apply((present) => moveRow(present, indexOf(present, id), to));
        if (row) setStatus(t("mapper.status.moved", { name: row.entry.outputName || row.entry.sourceColumn, position: to + 1, total: current.rows.length }));
      },
    }),
    [apply, closeStep, t],
  );

  const undoStep = useCallback(() => {
    undo();
    setStatus(t("mapper.status.undone"));
  }, [undo, t]);
  const redoStep = useCallback(() => {
    redo();
    setStatus(t("mapper.status.redone"));
  }, [redo, t]);

  // Ctrl/Cmd+Z and Ctrl+Shift+Z / Ctrl+Y anywhere in the mapper, the rename fields included
  // (their keystrokes are steps of this history); the filter boxes keep their own undo.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (event.target instanceof HTMLElement && event.target.classList.contains("mapper-filter")) return;
      const key = event.key.toLowerCase();
      if (key === "z" && !event.shiftKey) {
        event.preventDefault();
        undoStep();
      } else if ((key === "z" && event.shiftKey) || key === "y") {
        event.preventDefault();
        redoStep();
      }
    };
    root.addEventListener("keydown", onKeyDown);
    return () => {
      root.removeEventListener("keydown", onKeyDown);
    };
  }, [undoStep, redoStep]);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const accessibility = useMemo(
    () => ({
      screenReaderInstructions: dndInstructions(t),
      announcements: dndAnnouncements(t, positions),
    }),
    [t, positions],
  );

  const onDragStart = ({ active }: DragStartEvent) => {
    const data: unknown = active.data.current;
    positions.noteDrop(null);
    setDrag({ source: isDragData(data) && data.kind === "source" ? data.name : null, overRowId: null });
  };

  const onDragOver = ({ over }: DragOverEvent) => {
    setDrag((current) => current && current.source !== null ? { ...current, overRowId: over && over.id !== SCHEMA_DROP_ID ? String(over.id) : null } : current);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDrag(null);
    if (!over) return;
    const data: unknown = active.data.current;
    const current = latest.current.state;
    if (isDragData(data) && data.kind === "source") {
      const column = latest.current.columnsByName.get(data.name);
      if (column) add(column, over.id === SCHEMA_DROP_ID ? undefined : indexOf(current, over.id));
      return;
    }
    const from = indexOf(current, active.id);
    const to = over.id === SCHEMA_DROP_ID ? current.rows.length - 1 : indexOf(current, over.id);
    if (from < 0 || to < 0) return;
    positions.noteDrop(to + 1);
    if (from !== to) edits.move(String(active.id), to);
  };

  return (
    <section ref={rootRef} className="mapper" aria-label={t("mapper.label")}>
      <div className="mapper-toolbar">
        <button type="button" className="secondary" title={t("mapper.addAllHint")} onClick={() => { fill(addAll); }}>
          {t("mapper.addAll")}
        </button>
        <button type="button" className="secondary" title={t("mapper.autoMapHint")} onClick={() => { fill(autoMap); }}>
          {t("mapper.autoMap")}
        </button>
        <span className="mapper-toolbar-gap" />
        <button type="button" className="secondary" aria-keyshortcuts="Control+Z Meta+Z" aria-disabled={!canUndo} onClick={canUndo ? undoStep : undefined}>
          {t("mapper.undo")}
        </button>
        <button
          type="button"
          className="secondary"
          aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z"
          aria-disabled={!canRedo}
          onClick={canRedo ? redoStep : undefined}
        >
          {t("mapper.redo")}
        </button>
      </div>
      <p className="mapper-status" role="status">
        {status}
      </p>
      {sortedIssues.schema.length > 0 && (
        <ul className="schema-issues" aria-label={t("mapper.schemaProblems")}>
          {sortedIssues.schema.map((issue, index) => (
            <li key={index} className="row-problem" data-severity={issue.severity === "error" ? "error" : "warning"}>
              <IssueText issue={issue} />
            </li>
          ))}
        </ul>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        accessibility={accessibility}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          setDrag(null);
        }}
      >
        <div className="mapper-panes">
          <SourcePane columns={columns} sampled={sampledRows > 0} mappedCounts={counts} onAdd={add} />
          <SchemaPane
            rows={state.rows}
            columnsByName={columnsByName}
            book={book}
            issues={sortedIssues}
            dirtyIndex={dirtyIndex}
            sampledRows={sampledRows}
            edits={edits}
            dropTargetId={drag?.overRowId ?? null}
            sourceDragging={drag?.source != null}
          />
        </div>
        {/* Only source columns use an overlay (they leave their scrolled list); a schema row moves itself. */}
        {drag?.source != null && (
          <DragOverlay dropAnimation={null}>
            <div className="mapper-drag-overlay">{drag.source}</div>
          </DragOverlay>
        )}
      </DndContext>
      <p className="mapper-keys">{t("mapper.keys")}</p>
    </section>
  );
}
