import { useState } from "react";
import { useTranslation } from "react-i18next";

import { queryKeys } from "../../app/queryKeys";
import { useLoad } from "../../app/useLoad";
import type { IpcError } from "../../bindings/IpcError";
import type { TaskDraft } from "../../bindings/TaskDraft";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EnglishDetail } from "../../components/EnglishDetail";
import { ErrorNotice } from "../../components/ErrorNotice";
import { PageTitle } from "../../components/PageTitle";
import { CommandFailed, deleteDraft, listDrafts, openDraft } from "../../ipc";

interface Props {
  /** Loads the draft into the wizard. */
  onOpen: (draft: TaskDraft) => void;
}

/** Saved drafts: which table, task and columns, when; reopen or delete each. */
export function DraftsPage({ onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const [drafts, reload] = useLoad(queryKeys.drafts, listDrafts);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [openError, setOpenError] = useState<IpcError | null>(null);
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });

  const open = (name: string) => {
    setOpenError(null);
    openDraft(name).then(onOpen, (reason: unknown) => {
      if (reason instanceof CommandFailed) setOpenError(reason.error);
      else throw reason;
    });
  };

  return (
    <main className="drafts-page" aria-labelledby="drafts-title">
      <PageTitle id="drafts-title">{t("delivery.drafts.title")}</PageTitle>
      <p className="field-hint">{t("delivery.drafts.lead")}</p>
      {openError && <ErrorNotice error={openError} />}
      {drafts.status === "loading" && <p className="loading">{t("app.loading")}</p>}
      {drafts.status === "failed" && <ErrorNotice error={drafts.error} onRetry={reload} />}
      {drafts.status === "ready" && drafts.value.length === 0 && <p id="no-drafts">{t("delivery.drafts.none")}</p>}
      {drafts.status === "ready" && drafts.value.length > 0 && (
        <table className="tasks-table drafts-table">
          <thead>
            <tr>
              <th scope="col">{t("delivery.drafts.name")}</th>
              <th scope="col">{t("delivery.drafts.table")}</th>
              <th scope="col">{t("delivery.drafts.taskName")}</th>
              <th scope="col">{t("delivery.drafts.columns")}</th>
              <th scope="col">{t("delivery.drafts.savedAt")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("tasks.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {drafts.value.map((draft) => (
              <tr key={draft.name} data-draft={draft.name}>
                <th scope="row">
                  {draft.name}
                  {draft.problem && (
                    <p className="field-error">
                      <EnglishDetail kind="detail" text={draft.problem} />
                    </p>
                  )}
                </th>
                <td>{draft.tableName}</td>
                <td>{draft.taskName || "—"}</td>
                <td>{draft.columnCount}</td>
                <td>
                  <time dateTime={draft.savedAt}>{format.format(new Date(draft.savedAt))}</time>
                </td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      disabled={draft.problem !== null}
                      onClick={() => {
                        open(draft.name);
                      }}
                    >
                      {t("delivery.drafts.open", { name: draft.name })}
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => {
                        setDeleting(draft.name);
                      }}
                    >
                      {t("delivery.drafts.delete", { name: draft.name })}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting && (
        <ConfirmDialog
          title={t("delivery.drafts.deleteTitle", { name: deleting })}
          body={t("delivery.drafts.deleteBody")}
          confirmLabel={t("delivery.drafts.deleteConfirm")}
          action={() => deleteDraft(deleting)}
          onDone={() => {
            setDeleting(null);
            reload();
          }}
          onClose={() => {
            setDeleting(null);
          }}
        />
      )}
    </main>
  );
}
