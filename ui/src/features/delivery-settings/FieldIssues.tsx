import type { Issue } from "../../bindings/Issue";
import { CodedMessage } from "../../components/CodedMessage";
import { EnglishDetail } from "../../components/EnglishDetail";

interface Props {
  id: string;
  issues: readonly Issue[];
}

/** Rust's findings about one field, right under it; the field points here with aria-describedby. */
export function FieldIssues({ id, issues }: Props) {
  if (issues.length === 0) return null;
  return (
    <ul id={id} className="field-issues">
      {issues.map((issue) => (
        <li key={`${issue.field}/${issue.code}/${issue.message}`} className={`field-issue ${issue.severity}`} data-issue-code={issue.code}>
          <CodedMessage kind="issues" code={issue.code} message={issue.message} />
          {issue.remedy && (
            <>
              {" "}
              <EnglishDetail kind="remedy" className="remedy" text={issue.remedy} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The ids an input is described by: its hint, and its issues when there are any. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return present.length > 0 ? present.join(" ") : undefined;
}

export const hasError = (issues: readonly Issue[]) => issues.some((issue) => issue.severity === "error");
