import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { memo, useCallback } from "react";
import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

import type { ParquetType } from "../../bindings/ParquetType";
import type { ColumnFit } from "./columnFit";
import type { DragData } from "./dragIds";
import type { MappedRow } from "./mapperModel";
import { ProblemList } from "./ProblemList";
import { isBlocking, type Problem, type ProblemTarget } from "./rowProblems";

/** What a row can ask of the mapper; one stable object shared by every row. */
export interface RowActions {
  rename: (id: string, outputName: string) => void;
  renameDone: () => void;
  setType: (id: string, parquetType: ParquetType | null) => void;
  remove: (id: string) => void;
  /** Moves the row one place up (-1) or down (+1) among the rows shown. */
  step: (id: string, delta: -1 | 1) => void;
}

interface Props {
  row: MappedRow;
  /** Position in the whole schema (not the filtered view). */
  index: number;
  total: number;
  start: number;
  fit: ColumnFit;
  problems: readonly Problem[];
  sampledRows: number;
  idPrefix: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** A dragged source column would be inserted here. */
  dropTarget: boolean;
  measure: (element: Element | null) => void;
  actions: RowActions;
}

function problemIds(problems: readonly Problem[], idPrefix: string, target: ProblemTarget): string[] {
  return problems.flatMap((problem, i) => (problem.target === target ? [`${idPrefix}-${String(i)}`] : []));
}

function blocks(problems: readonly Problem[], target: ProblemTarget): boolean {
  return problems.some((problem) => problem.target === target && isBlocking(problem));
}

function joinIds(...ids: (string | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

/** One output column: handle to drag or move from the keyboard, output name, Parquet type, problems. */
export const SchemaRow = memo(function SchemaRow(props: Props) {
  const { row, index, total, start, fit, problems, sampledRows, idPrefix, canMoveUp, canMoveDown, dropTarget, measure, actions } = props;
  const { t } = useTranslation();
  const { entry } = row;
  const label = entry.sourceColumn;
  const data: DragData = { kind: "row", name: entry.outputName || entry.sourceColumn };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: row.id,
    data,
    attributes: { roleDescription: t("mapper.roleRow") },
  });
  const ref = useCallback(
    (element: HTMLDivElement | null) => {
      setNodeRef(element);
      measure(element);
    },
    [setNodeRef, measure],
  );
  const dndKeyDown = listeners?.onKeyDown as ((event: KeyboardEvent) => void) | undefined;

  const onHandleKeyDown = (event: KeyboardEvent) => {
    if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      event.preventDefault();
      actions.step(row.id, event.key === "ArrowUp" ? -1 : 1);
      return;
    }
    if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      actions.remove(row.id);
      return;
    }
    dndKeyDown?.(event);
  };

  const onNameKeyDown = (event: KeyboardEvent) => {
    if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      event.preventDefault();
      actions.step(row.id, event.key === "ArrowUp" ? -1 : 1);
    }
  };

  const current = entry.parquetType;
  const offered = current === null || fit.compatible.includes(current) || fit.partial.some((p) => p.target === current);
  const listId = `${idPrefix}-problems`;

  return (
    <div
      ref={ref}
      role="listitem"
      className="schema-row"
      data-index={index}
      data-row-id={row.id}
      data-dragging={isDragging}
      data-drop-target={dropTarget}
      data-invalid={problems.some(isBlocking)}
      // The virtual position is `top`, not a transform: dnd-kit measures rows without their transforms.
      style={{ top: start, transform: CSS.Translate.toString(transform), transition }}
    >
      <div className="schema-row-main">
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="drag-handle"
          {...attributes}
          {...listeners}
          onKeyDown={onHandleKeyDown}
          aria-label={t("mapper.handle", { name: label, position: index + 1, total })}
          aria-describedby={joinIds(attributes["aria-describedby"], ...problemIds(problems, idPrefix, "row"))}
        >
          <span aria-hidden="true">⠿</span>
          <span className="schema-position">{index + 1}</span>
        </button>
        <span className="schema-source" title={label}>
          {label}
        </span>
        <span className="schema-arrow" aria-hidden="true">
          →
        </span>
        <input
          className="schema-output"
          aria-label={t("mapper.outputName", { name: label })}
          value={entry.outputName}
          spellCheck={false}
          onChange={(event) => {
            actions.rename(row.id, event.target.value);
          }}
          onBlur={actions.renameDone}
          onKeyDown={onNameKeyDown}
          aria-invalid={blocks(problems, "outputName")}
          aria-describedby={joinIds(...problemIds(problems, idPrefix, "outputName"))}
        />
        <select
          className="schema-type"
          aria-label={t("mapper.parquetType", { name: label })}
          value={current ?? ""}
          onChange={(event) => {
            actions.setType(row.id, event.target.value === "" ? null : (event.target.value as ParquetType));
          }}
          aria-invalid={blocks(problems, "parquetType")}
          aria-describedby={joinIds(...problemIds(problems, idPrefix, "parquetType"))}
        >
          {current === null && <option value="">{t("mapper.chooseType")}</option>}
          {!offered && <option value={current}>{t("mapper.incompatibleOption", { target: current })}</option>}
          {fit.partial.length === 0
            ? fit.compatible.map((target) => (
                <option key={target} value={target}>
                  {target}
                </option>
              ))
            : fit.compatible.length > 0 && (
                <optgroup label={t("mapper.compatible")}>
                  {fit.compatible.map((target) => (
                    <option key={target} value={target}>
                      {target}
                    </option>
                  ))}
                </optgroup>
              )}
          {fit.partial.length > 0 && (
            <optgroup label={t("mapper.partial")}>
              {fit.partial.map((partial) => (
                <option key={partial.target} value={partial.target}>
                  {t("mapper.partialOption", { target: partial.target, types: partial.keeps.join(", "), rows: partial.keptRows })}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <span className="schema-actions">
          {([-1, 1] as const).map((delta) => (
            <button
              key={delta}
              type="button"
              className="icon-button"
              aria-label={delta < 0 ? t("mapper.moveUp", { name: label }) : t("mapper.moveDown", { name: label })}
              aria-disabled={delta < 0 ? !canMoveUp : !canMoveDown}
              onClick={() => {
                actions.step(row.id, delta);
              }}
            >
              {delta < 0 ? "↑" : "↓"}
            </button>
          ))}
          <button
            type="button"
            className="icon-button remove"
            aria-label={t("mapper.remove", { name: label })}
            onClick={() => {
              actions.remove(row.id);
            }}
          >
            ✕
          </button>
        </span>
      </div>
      {problems.length > 0 && <ProblemList id={listId} idPrefix={idPrefix} problems={problems} sampledRows={sampledRows} />}
    </div>
  );
});
