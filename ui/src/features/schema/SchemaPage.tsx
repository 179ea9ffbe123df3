import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import type { Load } from "../../app/useLoad";
import type { ColumnProfile } from "../../bindings/ColumnProfile";
import type { IpcError } from "../../bindings/IpcError";
import type { SamplingProgress } from "../../bindings/SamplingProgress";
import type { SchemaSample } from "../../bindings/SchemaSample";
import type { SourceColumn } from "../../bindings/SourceColumn";
import { ErrorNotice } from "../../components/ErrorNotice";
import { PageTitle } from "../../components/PageTitle";
import { cancelSampling, CommandFailed, sampleSchema } from "../../ipc";

interface Props {
  profile: string;
  table: string;
  /** The primary-key and defined columns from the table's metadata, shown before any sampling. */
  declared: Load<SourceColumn[]>;
  onRetryDeclared: () => void;
  /** The last sample of this table, kept by the app while the user moves between steps. */
  sample: SchemaSample | null;
  onSampled: (sample: SchemaSample) => void;
}

const DEFAULT_ROWS = 10_000;

/** Declared columns from metadata at once; the rest and the types each holds by sampling rows. */
export function SchemaPage({ profile, table, declared, onRetryDeclared, sample, onSampled }: Props) {
  const { t, i18n } = useTranslation();
  const rowsId = useId();
  // The text as typed; clamping while typing would fight the user's keystrokes.
  const [rowsText, setRowsText] = useState(String(DEFAULT_ROWS));
  const maxRows = Math.max(1, Math.min(1_000_000, Number.parseInt(rowsText, 10) || DEFAULT_ROWS));
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<SamplingProgress | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const number = new Intl.NumberFormat(i18n.language);

  const run = () => {
    setRunning(true);
    setError(null);
    setProgress(null);
    sampleSchema(profile, table, maxRows, setProgress)
      .then(onSampled, (reason: unknown) => {
        if (reason instanceof CommandFailed) setError(reason.error);
        else throw reason;
      })
      .finally(() => {
        setRunning(false);
      });
  };

  return (
    <main className="schema-page" aria-labelledby="schema-title">
      <PageTitle id="schema-title">{t("schema.title", { table })}</PageTitle>
      <p className="schema-lead">{t("schema.lead")}</p>
      <div className="schema-controls">
        <label htmlFor={rowsId}>{t("schema.rows")}</label>
        <input
          id={rowsId}
          type="number"
          min={1}
          max={1_000_000}
          step={1000}
          value={rowsText}
          disabled={running}
          onChange={(event) => {
            setRowsText(event.target.value);
          }}
        />
        <button type="button" id="sample-rows" onClick={run} disabled={running}>
          {t("schema.sample")}
        </button>
        {running && (
          <button
            type="button"
            className="secondary"
            id="cancel-sampling"
            onClick={() => {
              void cancelSampling(profile, table);
            }}
          >
            {t("schema.cancel")}
          </button>
        )}
      </div>
      {running && (
        <div className="sampling-progress">
          <progress max={maxRows} value={progress?.rows ?? 0} aria-label={t("schema.progressLabel")} />
          <span>
            {t("schema.progress", {
              rows: number.format(progress?.rows ?? 0),
              megabytes: ((progress?.bytes ?? 0) / 1_048_576).toFixed(1),
            })}
          </span>
        </div>
      )}
      {/* The user's own Cancel is news, not a failure. */}
      {error?.code === "cancelled" ? (
        <p role="status" id="sampling-cancelled">
          {t("schema.cancelled")}
        </p>
      ) : (
        error && <ErrorNotice error={error} />
      )}
      {!sample && <DeclaredColumns declared={declared} onRetry={onRetryDeclared} />}
      {sample && (
        <>
          <p id="sample-summary">
            {t(sample.reachedEnd ? "schema.summaryAll" : "schema.summarySome", {
              rows: number.format(sample.report.rowsSeen),
              columns: sample.report.columns.length,
            })}
          </p>
          <ColumnTable columns={sample.report.columns} rowsSeen={sample.report.rowsSeen} />
        </>
      )}
    </main>
  );
}

/** The metadata's columns with their declared types, before any row is read. */
function DeclaredColumns({ declared, onRetry }: { declared: Load<SourceColumn[]>; onRetry: () => void }) {
  const { t } = useTranslation();
  if (declared.status === "loading") return <p className="loading">{t("app.loading")}</p>;
  if (declared.status === "failed") return <ErrorNotice error={declared.error} onRetry={onRetry} />;
  return (
    <>
      <p id="declared-summary">{t("delivery.schema.declared", { columns: declared.value.length })}</p>
      <table className="schema-table" id="declared-columns">
        <thead>
          <tr>
            <th scope="col">{t("schema.column")}</th>
            <th scope="col">{t("schema.origin")}</th>
            <th scope="col">{t("delivery.schema.declaredType")}</th>
          </tr>
        </thead>
        <tbody>
          {declared.value.map((column) => (
            <tr key={column.name} data-column={column.name}>
              <th scope="row">{column.name}</th>
              <td>{t(`schema.origins.${column.origin}`)}</td>
              <td>
                <span className="type-name">{column.typesSeen.join(", ")}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function ColumnTable({ columns, rowsSeen }: { columns: ColumnProfile[]; rowsSeen: number }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <table className="schema-table">
      <thead>
        <tr>
          <th scope="col">{t("schema.column")}</th>
          <th scope="col">{t("schema.origin")}</th>
          <th scope="col">{t("schema.types")}</th>
          <th scope="col">{t("schema.presence")}</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((column) => (
          <tr key={column.name} data-column={column.name} data-mixed={column.types.length > 1}>
            <th scope="row">{column.name}</th>
            <td>{t(`schema.origins.${column.origin}`)}</td>
            <td>
              <ul className="type-counts">
                {column.types.map((count) => (
                  <li key={count.tablestoreType}>
                    <span className="type-name">{count.tablestoreType}</span>{" "}
                    <meter min={0} max={Math.max(rowsSeen, 1)} value={count.rows} aria-label={count.tablestoreType} />{" "}
                    {number.format(count.rows)}
                  </li>
                ))}
              </ul>
            </td>
            <td>{t("schema.percent", { value: column.presencePercent.toFixed(1) })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
