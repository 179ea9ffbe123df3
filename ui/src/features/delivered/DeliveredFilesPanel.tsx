import { useTranslation } from "react-i18next";

import { queryKeys } from "../../app/queryKeys";
import { useLoad } from "../../app/useLoad";
import { ErrorNotice } from "../../components/ErrorNotice";
import { listDeliveredFiles } from "../../ipc";
import { formatBytes } from "./formatBytes";
import { ossUrl } from "./ossUrl";

interface Props {
  profile: string;
  table: string;
  task: string;
  /** Reload every this many milliseconds (while the task runs), or never. */
  refreshMs: number | null;
}

/** The objects a task delivered: key, size, and when each was last written (local and UTC). */
export function DeliveredFilesPanel({ profile, table, task, refreshMs }: Props) {
  const { t, i18n } = useTranslation();
  const [files, reload] = useLoad(queryKeys.deliveredFiles(profile, table, task), () => listDeliveredFiles(profile, table, task), {
    refetchInterval: refreshMs ?? false,
  });
  const local = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "medium" });
  const utc = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  const titleId = `delivered-${task}`;

  return (
    <section className="delivered-files" aria-labelledby={titleId} data-task={task}>
      <div className="tasks-heading">
        <h3 id={titleId}>{t("delivery.delivered.title", { task })}</h3>
        <button type="button" className="secondary" onClick={reload}>
          {t("delivery.delivered.refresh")}
        </button>
      </div>
      {files.status === "loading" && <p className="loading">{t("app.loading")}</p>}
      {files.status === "failed" && <ErrorNotice error={files.error} onRetry={reload} />}
      {files.status === "ready" && (
        <>
          <p className="field-hint">
            {t("delivery.delivered.listed", { url: ossUrl(files.value.bucket, files.value.listedPrefix) })}
          </p>
          {files.value.objects.length === 0 ? (
            <p className="no-files">{t("delivery.delivered.none")}</p>
          ) : (
            // Long object keys wrap, and the table scrolls inside its own frame rather than widen the task list.
            <div className="details-table-scroll">
              <table className="tasks-table delivered-table">
                <thead>
                  <tr>
                    <th scope="col">{t("delivery.delivered.key")}</th>
                    <th scope="col">{t("delivery.delivered.size")}</th>
                    <th scope="col">{t("delivery.delivered.modifiedLocal")}</th>
                    <th scope="col">{t("delivery.delivered.modifiedUtc")}</th>
                  </tr>
                </thead>
                <tbody>
                  {files.value.objects.map((object) => {
                    const when = new Date(object.lastModified);
                    const valid = !Number.isNaN(when.getTime());
                    return (
                      <tr key={object.key} data-key={object.key}>
                        <th scope="row">
                          <code>{object.key}</code>
                        </th>
                        <td data-bytes={object.size}>{formatBytes(object.size, i18n.language)}</td>
                        <td>{valid ? local.format(when) : object.lastModified}</td>
                        <td>
                          {valid ? t("delivery.delivered.utc", { time: utc.format(when) }) : object.lastModified}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {files.value.truncated && <p className="field-hint">{t("delivery.delivered.truncated")}</p>}
          <p className="field-hint">{t("delivery.delivered.noExtension")}</p>
        </>
      )}
    </section>
  );
}
