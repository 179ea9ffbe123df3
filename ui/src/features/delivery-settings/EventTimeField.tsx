import { useId } from "react";
import { useTranslation } from "react-i18next";

import type { ColumnProfile } from "../../bindings/ColumnProfile";
import type { EventTimeCheck } from "../../bindings/EventTimeCheck";
import type { EventTimeDraft } from "../../bindings/EventTimeDraft";
import type { EventTimeFormat } from "../../bindings/EventTimeFormat";
import type { Issue } from "../../bindings/Issue";
import { EnglishDetail } from "../../components/EnglishDetail";
import { describedBy, FieldIssues, hasError } from "./FieldIssues";

const FORMATS: readonly EventTimeFormat[] = ["RFC822", "RFC850", "RFC1123", "RFC3339", "Unix"];
const NONE = "";

interface Props {
  value: EventTimeDraft | null;
  columns: readonly ColumnProfile[];
  issues: readonly Issue[];
  check: EventTimeCheck | null;
  onChange: (value: EventTimeDraft | null) => void;
}

/** The optional column whose value (instead of the write time) fills the prefix's time variables. */
export function EventTimeField({ value, columns, issues, check, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const columnId = useId();
  const formatId = useId();
  const hintId = useId();
  const issuesId = useId();
  const checkId = useId();
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 });
  const invalid = hasError(issues) ? true : undefined;
  const described = describedBy(hintId, issues.length > 0 && issuesId, check && checkId);

  return (
    <fieldset className="form-field event-time">
      <legend>{t("delivery.settings.eventTime")}</legend>
      <div className="inline-fields">
        <div className="form-field">
          <label htmlFor={columnId}>{t("delivery.settings.eventColumn")}</label>
          <select
            id={columnId}
            value={value?.columnName ?? NONE}
            aria-invalid={invalid}
            aria-describedby={described}
            onChange={(event) => {
              const columnName = event.target.value;
              onChange(columnName === NONE ? null : { columnName, timeFormat: value?.timeFormat ?? null });
            }}
          >
            <option value={NONE}>{t("delivery.settings.eventNone")}</option>
            {columns.map((column) => (
              <option key={column.name} value={column.name}>
                {column.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={formatId}>{t("delivery.settings.eventFormat")}</label>
          <select
            id={formatId}
            value={value?.timeFormat ?? NONE}
            disabled={value === null}
            aria-invalid={invalid}
            aria-describedby={described}
            onChange={(event) => {
              const format = FORMATS.find((f) => f === event.target.value) ?? null;
              if (value) onChange({ ...value, timeFormat: format });
            }}
          >
            <option value={NONE}>{t("delivery.settings.chooseFormat")}</option>
            {FORMATS.map((format) => (
              <option key={format} value={format}>
                {format}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={hintId} className="field-hint">
        {t("delivery.settings.eventHint")}
      </p>
      <FieldIssues id={issuesId} issues={issues} />
      {check && (
        <div id={checkId} className="event-check" data-failure-rate={check.failureRate}>
          <p>
            {t("delivery.settings.eventCheck", {
              parsed: check.parsed,
              present: check.present,
              failed: check.failed,
              rate: percent.format(check.failureRate),
              missing: check.missing,
            })}
          </p>
          {check.examples.length > 0 && (
            <ul className="event-examples">
              {check.examples.map((example) => (
                <li key={example.value}>
                  <code>{example.value}</code> <EnglishDetail kind="detail" text={example.reason} />
                </li>
              ))}
            </ul>
          )}
          {check.notes.map((note) => (
            <p key={note} className="field-hint">
              <EnglishDetail kind="detail" text={note} />
            </p>
          ))}
        </div>
      )}
    </fieldset>
  );
}
