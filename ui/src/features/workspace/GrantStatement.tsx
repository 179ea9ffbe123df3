import { useId } from "react";
import { useTranslation } from "react-i18next";

import { CopyButton } from "../review/CopyButton";
import { prettyJson } from "../review/prettyJson";

interface Props {
  action: string;
  /** The policy statement as Rust sends it (JSON on one line). */
  statement: string;
}

/** What to grant for a denied action: the sentence, then the statement to paste, with a way to copy it. */
export function GrantStatement({ action, statement }: Props) {
  const { t } = useTranslation();
  const sentenceId = useId();
  const pretty = prettyJson(statement);
  return (
    <div className="grant">
      <p id={sentenceId} className="grant-sentence">
        {t("connection.grant", { action })}
      </p>
      {/* A group, so the name is allowed (a bare <pre> has a role that may not be named). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable block must be reachable by keyboard (axe: scrollable-region-focusable) */}
      <pre className="code-block grant-statement" role="group" tabIndex={0} aria-labelledby={sentenceId}>
        <code>{pretty}</code>
      </pre>
      <CopyButton text={pretty} label={t("connection.copyStatement")} />
    </div>
  );
}
