import { useId, useLayoutEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

import type { Issue } from "../../bindings/Issue";
import type { PrefixPreview } from "../../bindings/PrefixPreview";
import { describedBy, FieldIssues, hasError } from "./FieldIssues";
import { insertAtCaret } from "./insertAtCaret";

/** The five documented time variables, in the order they usually nest. */
const VARIABLES = [
  { token: "$yyyy", meaning: "year" },
  { token: "$MM", meaning: "month" },
  { token: "$dd", meaning: "day" },
  { token: "$HH", meaning: "hour" },
  { token: "$mm", meaning: "minute" },
] as const;

interface Props {
  value: string;
  issues: readonly Issue[];
  preview: PrefixPreview | null;
  onChange: (value: string) => void;
}

/** The OSS prefix with time-variable chips that insert at the caret, and example object paths. */
export function PrefixField({ value, issues, preview, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const issuesId = useId();
  const previewId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // Where the caret goes once the inserted text is on screen (a controlled input moves it to the end).
  const pendingCaret = useRef<number | null>(null);

  useLayoutEffect(() => {
    const input = inputRef.current;
    if (input && pendingCaret.current !== null) {
      input.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  }, [value]);

  const insert = (token: string) => {
    const input = inputRef.current;
    const start = input?.selectionStart ?? value.length;
    const end = input?.selectionEnd ?? start;
    const next = insertAtCaret(value, token, start, end);
    pendingCaret.current = next.caret;
    onChange(next.text);
    input?.focus();
  };

  // The preview's own findings and the draft's findings about the prefix often agree; show each once.
  const shown = new Map<string, Issue>();
  for (const issue of [...issues, ...(preview?.issues ?? [])]) shown.set(`${issue.code}/${issue.message}`, issue);
  const allIssues = [...shown.values()];

  return (
    <div className="form-field prefix-field">
      <label htmlFor={id}>{t("delivery.settings.prefix")}</label>
      <input
        ref={inputRef}
        id={id}
        name="ossPrefix"
        type="text"
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={hasError(allIssues) ? true : undefined}
        aria-describedby={describedBy(hintId, allIssues.length > 0 && issuesId, preview && previewId)}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      <div className="time-chips" role="group" aria-label={t("delivery.settings.chipsLabel")}>
        {VARIABLES.map(({ token, meaning }) => (
          <button
            key={token}
            type="button"
            className="chip"
            data-token={token}
            aria-label={t("delivery.settings.insertVariable", { token, meaning: t(`delivery.settings.variables.${meaning}`) })}
            // Keep the caret in the field: a mouse press would otherwise move the focus first.
            onMouseDown={(event) => {
              event.preventDefault();
            }}
            onClick={() => {
              insert(token);
            }}
          >
            {token}
          </button>
        ))}
      </div>
      <p id={hintId} className="field-hint">
        {t("delivery.settings.prefixHint")}
      </p>
      <FieldIssues id={issuesId} issues={allIssues} />
      {preview && preview.keys.length > 0 && (
        <section id={previewId} className="prefix-preview" aria-label={t("delivery.settings.previewLabel")}>
          <p className="field-hint">{t("delivery.settings.previewLead")}</p>
          <ul className="preview-keys">
            {preview.keys.map((key) => (
              <li key={key.objectKey}>
                <code>{key.ossUrl}</code>
                {key.instantCount > 1 && (
                  <span className="field-hint"> {t("delivery.settings.previewCount", { count: key.instantCount })}</span>
                )}
              </li>
            ))}
          </ul>
          {preview.partitionColumns.length > 0 && (
            <p className="field-hint">{t("delivery.settings.partitions", { columns: preview.partitionColumns.join(", ") })}</p>
          )}
          <p className="field-hint">{t("delivery.settings.previewNotes")}</p>
        </section>
      )}
    </div>
  );
}
