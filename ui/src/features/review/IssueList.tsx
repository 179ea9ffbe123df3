import { useTranslation } from "react-i18next";

import { stepOfField } from "../../app/issueSteps";
import type { Step } from "../../app/Stepper";
import type { Issue } from "../../bindings/Issue";
import { CodedMessage } from "../../components/CodedMessage";
import { EnglishDetail } from "../../components/EnglishDetail";

interface Props {
  issues: readonly Issue[];
  onGoTo: (step: Step) => void;
}

/** Every remaining finding, errors first, each with a way to the step that fixes it. */
export function IssueList({ issues, onGoTo }: Props) {
  const { t } = useTranslation();
  if (issues.length === 0) return <p className="no-issues">{t("delivery.review.noIssues")}</p>;
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return (
    <ul className="review-issues">
      {sorted.map((issue) => {
        const step = stepOfField(issue.field);
        return (
          <li key={`${issue.field}/${issue.code}/${issue.message}`} className={`review-issue ${issue.severity}`} data-issue-code={issue.code}>
            <span className="issue-severity">{t(`delivery.review.severity.${issue.severity}`)}</span>{" "}
            <span className="issue-message">
              <CodedMessage kind="issues" code={issue.code} message={issue.message} />
            </span>
            {issue.remedy && (
              <>
                {" "}
                <EnglishDetail kind="remedy" className="remedy" text={issue.remedy} />
              </>
            )}{" "}
            {step !== "review" && (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onGoTo(step);
                }}
              >
                {t("delivery.review.goTo", { step: t(`steps.${step}`) })}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
