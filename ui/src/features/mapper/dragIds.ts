// Identifiers and payloads of what can be dragged in the mapper.

/** What a drag carries: a source column to add, or a schema row to move. */
export type DragData = { kind: "source"; name: string } | { kind: "row"; name: string };

/** The schema pane as a whole: dropping a column on it (not on a row) appends it. */
export const SCHEMA_DROP_ID = "schema-drop";

export function sourceDragId(columnName: string): string {
  return `source:${columnName}`;
}

export function isDragData(value: unknown): value is DragData {
  if (typeof value !== "object" || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === "source" || kind === "row";
}
