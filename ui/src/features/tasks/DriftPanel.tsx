import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { DriftReport } from "../../bindings/DriftReport";
import type { IpcError } from "../../bindings/IpcError";
import type { SchemaSample } from "../../bindings/SchemaSample";
import type { TaskDraft } from "../../bindings/TaskDraft";
import { ErrorNotice } from "../../components/ErrorNotice";
import { CommandFailed, driftWatch } from "../../ipc";

/** How many rows a drift check samples: enough to meet rare columns, quick on a big table. */
export const DRIFT_SAMPLE_ROWS = 5000;

interface Props {
  profile: string;
  table: string;
  task: string;
  /** Opens the wizard on a draft of a new task; without it the report offers no such step. */
  onDraftFromTask?: (draft: TaskDraft, sample: SchemaSample) => void;
}

type DriftState = { step: "idle" } | { step: "busy" } | { step: "ready"; report: DriftReport } | { step: "failed"; error: IpcError };

/** Samples the table afresh and lists the columns the task does not deliver. */
export function DriftPanel({ profile, table, task, onDraftFromTask }: Props) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<DriftState>({ step: "idle" });
  const number = new Intl.NumberFormat(i18n.language);
  const titleId = `drift-${table}-${task}`;

  const check = () => {
    setState({ step: "busy" });
    driftWatch(profile, table, task, DRIFT_SAMPLE_ROWS).then(
      (report) => {
        setState({ step: "ready", report });
      },
      (reason: unknown) => {
        if (reason instanceof CommandFailed) setState({ step: "failed", error: reason.error });
        else throw reason;
      },
    );
  };

  return (
    <section className="drift-panel" aria-labelledby={titleId} data-task={task}>
      <div className="tasks-heading">
        <h3 id={titleId}>{t("watch.drift.title", { task })}</h3>
        <button
          type="button"
          className="secondary drift-check"
          id={`drift-check-${table}-${task}`}
          onClick={check}
          disabled={state.step === "busy"}
        >
          {t("watch.drift.check")}
        </button>
      </div>
      <p className="field-hint">{t("watch.drift.lead")}</p>
      <div aria-live="polite">
        {state.step === "busy" && <p className="loading">{t("watch.drift.checking", { rows: number.format(DRIFT_SAMPLE_ROWS) })}</p>}
        {state.step === "ready" && (
          <p className="drift-summary">
            {t("watch.drift.sampled", {
              rows: number.format(state.report.sampledRows),
              delivered: number.format(state.report.deliveredColumns.length),
            })}{" "}
            {state.report.undelivered.length === 0
              ? t("watch.drift.allDelivered")
              : t("watch.drift.undelivered", { count: state.report.undelivered.length })}
          </p>
        )}
      </div>
      {state.step === "failed" && <ErrorNotice error={state.error} onRetry={check} />}
      {state.step === "ready" && state.report.undelivered.length > 0 && (
        <UndeliveredColumns report={state.report} table={table} task={task} onDraftFromTask={onDraftFromTask} />
      )}
    </section>
  );
}

function UndeliveredColumns({
  report,
  table,
  task,
  onDraftFromTask,
}: {
  report: DriftReport;
  table: string;
  task: string;
  onDraftFromTask?: (draft: TaskDraft, sample: SchemaSample) => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const hintId = `drift-create-hint-${table}-${task}`;
  return (
    <>
      <div className="details-table-scroll">
        <table className="tasks-table drift-table">
          <thead>
            <tr>
              <th scope="col">{t("watch.drift.column")}</th>
              <th scope="col">{t("watch.drift.types")}</th>
              <th scope="col">{t("watch.drift.presence")}</th>
            </tr>
          </thead>
          <tbody>
            {report.undelivered.map((column) => (
              <tr key={column.name} data-column={column.name}>
                <th scope="row">
                  <code>{column.name}</code>
                </th>
                <td>
                  <ul className="type-counts">
                    {column.types.map(({ tablestoreType, rows }) => (
                      <li key={tablestoreType}>{t("watch.drift.typeCount", { type: tablestoreType, rows: number.format(rows) })}</li>
                    ))}
                  </ul>
                </td>
                <td data-percent={column.presencePercent}>
                  {t("watch.drift.presencePercent", { percent: percent.format(column.presencePercent) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {onDraftFromTask && (
        <div className="form-actions">
          <button
            type="button"
            id={`drift-create-${table}-${task}`}
            className="drift-create"
            aria-describedby={hintId}
            onClick={() => {
              onDraftFromTask(report.suggestedDraft, report.sample);
            }}
          >
            {t("watch.drift.createTask")}
          </button>
          <p id={hintId} className="field-hint">
            {t("watch.drift.createHint")}
          </p>
        </div>
      )}
    </>
  );
}
