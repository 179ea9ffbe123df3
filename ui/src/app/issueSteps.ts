import type { Issue } from "../bindings/Issue";
import type { Step } from "./Stepper";

/** The steps where a finding can be fixed. */
export type FixStep = Extract<Step, "pick" | "mapper" | "settings" | "review">;

/** The wizard step where the user fixes a draft field (`schema[2].outputName` → mapper). */
export function stepOfField(field: string): FixStep {
  if (field === "schema" || field.startsWith("schema[") || field.startsWith("schema.")) return "mapper";
  if (field === "tableName") return "pick";
  if (field === "") return "review";
  return "settings";
}

/** How many errors (not warnings) each step holds. */
export function blockingByStep(issues: readonly Issue[]): Partial<Record<Step, number>> {
  const counts: Partial<Record<Step, number>> = {};
  for (const issue of issues) {
    if (issue.severity !== "error") continue;
    const step = stepOfField(issue.field);
    counts[step] = (counts[step] ?? 0) + 1;
  }
  return counts;
}

/** The findings about one field and the fields below it (`eventTime` → `eventTime.columnName`). */
export function issuesOf(issues: readonly Issue[], field: string): Issue[] {
  return issues.filter(
    (issue) => issue.field === field || issue.field.startsWith(`${field}.`) || issue.field.startsWith(`${field}[`),
  );
}
