// The mapper's schema as pure data: rows with stable ids (drag and drop and focus follow a
// row, not a position) and the edits the user can make. Every function returns a new state
// and leaves its input untouched, so the history can keep old states as they are.
import type { ColumnProfile } from "../../bindings/ColumnProfile";
import type { ParquetType } from "../../bindings/ParquetType";
import type { SchemaEntryDraft } from "../../bindings/SchemaEntryDraft";
import { fitOf, isMixed, type RuleBook } from "./columnFit";

export interface MappedRow {
  readonly id: string;
  readonly entry: SchemaEntryDraft;
}

export interface MapperState {
  readonly rows: readonly MappedRow[];
  /** The next row id to hand out; ids are never reused within one state's lineage. */
  readonly nextId: number;
}

export const EMPTY_STATE: MapperState = { rows: [], nextId: 1 };

function sameEntry(a: SchemaEntryDraft, b: SchemaEntryDraft): boolean {
  return a.sourceColumn === b.sourceColumn && a.outputName === b.outputName && a.parquetType === b.parquetType;
}

/** Whether the state holds exactly `schema` (same entries, same order). */
export function holdsSchema(state: MapperState, schema: readonly SchemaEntryDraft[]): boolean {
  if (state.rows.length !== schema.length) return false;
  return state.rows.every((row, index) => {
    const entry = schema[index];
    return entry !== undefined && (row.entry === entry || sameEntry(row.entry, entry));
  });
}

/**
 * A state holding `schema`; rows whose entry is unchanged at the same position keep their id
 * from `previous`, so a schema set from outside does not remount every row.
 */
export function stateFromSchema(schema: readonly SchemaEntryDraft[], previous: MapperState = EMPTY_STATE): MapperState {
  let nextId = previous.nextId;
  const rows = schema.map((entry, index) => {
    const old = previous.rows[index];
    if (old && sameEntry(old.entry, entry)) return { id: old.id, entry };
    return { id: `r${String(nextId++)}`, entry };
  });
  return { rows, nextId };
}

export function entriesOf(state: MapperState): SchemaEntryDraft[] {
  return state.rows.map((row) => row.entry);
}

/** The entry a newly added column gets: its own name, and the default target when one fits. */
export function newEntry(column: ColumnProfile, book: RuleBook): SchemaEntryDraft {
  return { sourceColumn: column.name, outputName: column.name, parquetType: fitOf(column, book).defaultTarget };
}

/** Inserts entries at `at` (end when omitted or out of range). */
export function insertEntries(state: MapperState, entries: readonly SchemaEntryDraft[], at?: number): MapperState {
  if (entries.length === 0) return state;
  let nextId = state.nextId;
  const added = entries.map((entry) => ({ id: `r${String(nextId++)}`, entry }));
  const index = at === undefined || at < 0 || at > state.rows.length ? state.rows.length : at;
  return { rows: [...state.rows.slice(0, index), ...added, ...state.rows.slice(index)], nextId };
}

export function addColumn(state: MapperState, column: ColumnProfile, book: RuleBook, at?: number): MapperState {
  return insertEntries(state, [newEntry(column, book)], at);
}

function mappedNames(state: MapperState): Set<string> {
  return new Set(state.rows.map((row) => row.entry.sourceColumn));
}

/** Every unmapped column that has a default target, in source order. */
export function addAll(state: MapperState, columns: readonly ColumnProfile[], book: RuleBook): MapperState {
  const mapped = mappedNames(state);
  const entries = columns
    .filter((column) => !mapped.has(column.name))
    .map((column) => newEntry(column, book))
    .filter((entry) => entry.parquetType !== null);
  return insertEntries(state, entries);
}

/** Why "Add all" leaves a column out: seen with several types, or with no type that has a default target. */
export interface SkippedColumns {
  readonly mixed: readonly string[];
  readonly untyped: readonly string[];
}

/** The unmapped columns `addAll` leaves out (no default target), by reason, in source order. */
export function skippedByAddAll(state: MapperState, columns: readonly ColumnProfile[], book: RuleBook): SkippedColumns {
  const mapped = mappedNames(state);
  const mixed: string[] = [];
  const untyped: string[] = [];
  for (const column of columns) {
    if (mapped.has(column.name) || fitOf(column, book).defaultTarget !== null) continue;
    (isMixed(column) ? mixed : untyped).push(column.name);
  }
  return { mixed, untyped };
}

/** The output name a column gets by name: kept as is, since any Tablestore column name is a valid output name. */
export function outputNameFor(columnName: string): string {
  return columnName;
}

/** Every unmapped column, named after itself; its type is the default target, or left to choose. */
export function autoMap(state: MapperState, columns: readonly ColumnProfile[], book: RuleBook): MapperState {
  const mapped = mappedNames(state);
  const entries = columns
    .filter((column) => !mapped.has(column.name))
    .map((column) => ({ ...newEntry(column, book), outputName: outputNameFor(column.name) }));
  return insertEntries(state, entries);
}

/** Moves the row at `from` so that it ends up at index `to`. */
export function moveRow(state: MapperState, from: number, to: number): MapperState {
  const count = state.rows.length;
  if (from === to || from < 0 || from >= count || to < 0 || to >= count) return state;
  const rows = [...state.rows];
  const [moved] = rows.splice(from, 1);
  if (!moved) return state;
  rows.splice(to, 0, moved);
  return { ...state, rows };
}

function updateRow(state: MapperState, id: string, change: (entry: SchemaEntryDraft) => SchemaEntryDraft): MapperState {
  const index = state.rows.findIndex((row) => row.id === id);
  const row = state.rows[index];
  if (!row) return state;
  const entry = change(row.entry);
  if (sameEntry(entry, row.entry)) return state;
  const rows = [...state.rows];
  rows[index] = { id, entry };
  return { ...state, rows };
}

export function renameRow(state: MapperState, id: string, outputName: string): MapperState {
  return updateRow(state, id, (entry) => ({ ...entry, outputName }));
}

export function setRowType(state: MapperState, id: string, parquetType: ParquetType | null): MapperState {
  return updateRow(state, id, (entry) => ({ ...entry, parquetType }));
}

export function removeRow(state: MapperState, id: string): MapperState {
  const rows = state.rows.filter((row) => row.id !== id);
  return rows.length === state.rows.length ? state : { ...state, rows };
}

/** How many times each source column is mapped. */
export function mappedCounts(state: MapperState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of state.rows) counts.set(row.entry.sourceColumn, (counts.get(row.entry.sourceColumn) ?? 0) + 1);
  return counts;
}

/** Indexes of `items` whose name contains `filter`, ignoring case; null when the filter is blank (all). */
export function filterIndexes<T>(items: readonly T[], filter: string, nameOf: (item: T) => string): number[] | null {
  const needle = filter.trim().toLowerCase();
  if (!needle) return null;
  const found: number[] = [];
  items.forEach((item, index) => {
    if (nameOf(item).toLowerCase().includes(needle)) found.push(index);
  });
  return found;
}
