import { useTranslation } from "react-i18next";

import type { Issue } from "../../bindings/Issue";
import { CodedMessage } from "../../components/CodedMessage";
import { EnglishDetail, isEnglish } from "../../components/EnglishDetail";
import { isBlocking, type Problem } from "./rowProblems";

interface Props {
  id: string;
  /** Each item gets `${idPrefix}-${index}`, so controls can point at their own problems. */
  idPrefix: string;
  problems: readonly Problem[];
  sampledRows: number;
}

function severityOf(problem: Problem): "error" | "warning" | "note" {
  if (isBlocking(problem)) return "error";
  if (problem.kind === "dirty" && problem.dirtyRows === 0) return "note";
  return "warning";
}

/** The message and, when Rust knows one, the remedy of a finding (labelled as English outside English). */
export function IssueText({ issue }: { issue: Issue }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <span className="problem-message">
        <CodedMessage kind="issues" code={issue.code} message={issue.message} />
      </span>
      {issue.remedy && " "}
      {issue.remedy &&
        (isEnglish(i18n.language) ? (
          <span className="problem-remedy">{t("mapper.problems.remedy", { remedy: issue.remedy })}</span>
        ) : (
          <EnglishDetail kind="remedy" className="problem-remedy" text={issue.remedy} />
        ))}
    </>
  );
}

function ProblemText({ problem, sampledRows }: { problem: Problem; sampledRows: number }) {
  const { t } = useTranslation();
  switch (problem.kind) {
    case "unknownColumn":
      return <>{t("mapper.problems.unknownColumn")}</>;
    case "mixed":
      return <>{t("mapper.problems.mixed", { types: problem.types.map((c) => t("mapper.typeCount", { type: c.tablestoreType, rows: c.rows })).join(", ") })}</>;
    case "noTarget":
      return <>{t("mapper.problems.noTarget", { types: problem.types.join(", ") })}</>;
    case "incompatible":
      return <>{t("mapper.problems.incompatible", { type: problem.type, reason: problem.reason })}</>;
    case "issue":
      return <IssueText issue={problem.issue} />;
    case "dirty":
      return (
        <>
          {problem.dirtyRows > 0 && <span className="problem-message">{t("mapper.problems.dirty", { dirty: problem.dirtyRows, total: sampledRows })} </span>}
          {problem.missingRows > 0 && <span className="problem-note">{t("mapper.problems.missing", { count: problem.missingRows })}</span>}
        </>
      );
  }
}

/** A row's problems, each addressable by id for `aria-describedby`. */
export function ProblemList({ id, idPrefix, problems, sampledRows }: Props) {
  return (
    <ul id={id} className="row-problems">
      {problems.map((problem, index) => (
        <li key={index} id={`${idPrefix}-${String(index)}`} className="row-problem" data-severity={severityOf(problem)} data-kind={problem.kind}>
          <ProblemText problem={problem} sampledRows={sampledRows} />
        </li>
      ))}
    </ul>
  );
}
