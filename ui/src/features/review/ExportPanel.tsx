import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { queryKeys } from "../../app/queryKeys";
import { useLoad } from "../../app/useLoad";
import type { ExportFormat } from "../../bindings/ExportFormat";
import type { IpcError } from "../../bindings/IpcError";
import type { TaskDraft } from "../../bindings/TaskDraft";
import { ErrorNotice } from "../../components/ErrorNotice";
import { CommandFailed, exportTask, saveExport } from "../../ipc";
import { CopyButton } from "./CopyButton";

const FORMATS: readonly ExportFormat[] = ["json", "go", "java"];

interface Props {
  profile: string;
  draft: TaskDraft;
}

/** The task as JSON or as Go / Java SDK code: shown, copied, or saved through a native dialog. */
export function ExportPanel({ profile, draft }: Props) {
  const { t } = useTranslation();
  const name = useId();
  const [format, setFormat] = useState<ExportFormat>("json");
  const [exported, reload] = useLoad(queryKeys.exported(profile, draft, format), () => exportTask(profile, draft, format));
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<IpcError | null>(null);

  const save = () => {
    setSaved(null);
    setSaveError(null);
    saveExport(profile, draft, format).then(
      (path) => {
        setSaved(path);
      },
      (reason: unknown) => {
        if (reason instanceof CommandFailed) setSaveError(reason.error);
        else throw reason;
      },
    );
  };

  return (
    <div className="export-panel">
      <fieldset className="export-formats">
        <legend>{t("delivery.review.exportFormat")}</legend>
        {FORMATS.map((choice) => (
          <label key={choice} className="inline-choice">
            <input
              type="radio"
              name={name}
              value={choice}
              checked={format === choice}
              onChange={() => {
                setFormat(choice);
                setSaved(null);
              }}
            />
            {t(`delivery.review.formats.${choice}`)}
          </label>
        ))}
      </fieldset>
      {exported.status === "loading" && <p className="loading">{t("app.loading")}</p>}
      {exported.status === "failed" && <ErrorNotice error={exported.error} onRetry={reload} />}
      {exported.status === "ready" && (
        <>
          <div className="form-actions">
            <CopyButton text={exported.value.text} label={t("delivery.review.copyExport")} />
            <button type="button" className="secondary" id="save-export" onClick={save}>
              {t("delivery.review.saveExport")}
            </button>
          </div>
          {saved && (
            <p role="status" className="field-hint">
              {t("delivery.review.savedTo", { path: saved })}
            </p>
          )}
          {saveError && <ErrorNotice error={saveError} />}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable block must be reachable by keyboard (axe: scrollable-region-focusable) */}
          <pre className="code-block" data-format={exported.value.format} role="group" tabIndex={0} aria-label={exported.value.fileName}>
            <code>{exported.value.text}</code>
          </pre>
        </>
      )}
    </div>
  );
}
