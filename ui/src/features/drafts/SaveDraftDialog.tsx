import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import type { DraftSummary } from "../../bindings/DraftSummary";
import type { IpcError } from "../../bindings/IpcError";
import type { TaskDraft } from "../../bindings/TaskDraft";
import { Dialog } from "../../components/Dialog";
import { queryKeys } from "../../app/queryKeys";
import { ErrorNotice } from "../../components/ErrorNotice";
import { CommandFailed, listDrafts, saveDraft } from "../../ipc";

interface Props {
  draft: TaskDraft;
  onSaved: (summary: DraftSummary) => void;
  onClose: () => void;
}

/** Asks for a name and saves the draft; an existing name is overwritten only after a second yes. */
export function SaveDraftDialog({ draft, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const titleId = useId();
  const nameId = useId();
  const problemId = useId();
  const [name, setName] = useState(draft.taskName || draft.tableName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  // The name the user agreed to overwrite; typing another name asks again.
  const [overwrite, setOverwrite] = useState<string | null>(null);
  const [exists, setExists] = useState<string | null>(null);
  const trimmed = name.trim();

  const fail = (reason: unknown) => {
    if (reason instanceof CommandFailed) setError(reason.error);
    else throw reason;
  };

  const save = (confirmed: boolean) => {
    if (trimmed === "") return;
    setBusy(true);
    setError(null);
    // Asked anew (not from the cache): another window may have saved one by that name meanwhile.
    const check = confirmed
      ? Promise.resolve(false)
      : queryClient
          .query({ queryKey: queryKeys.drafts, queryFn: listDrafts, staleTime: 0 })
          .then((all) => all.some((d) => d.name === trimmed));
    check
      .then((taken) => {
        if (taken) {
          setExists(trimmed);
          return;
        }
        return saveDraft(trimmed, draft).then((saved) => {
          void queryClient.invalidateQueries({ queryKey: queryKeys.drafts });
          onSaved(saved);
        });
      })
      .catch(fail)
      .finally(() => {
        setBusy(false);
      });
  };

  const asking = exists !== null && exists === trimmed && overwrite !== trimmed;

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="save-draft-dialog">
      <h2 id={titleId}>{t("delivery.drafts.saveTitle")}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save(false);
        }}
      >
        <div className="form-field">
          <label htmlFor={nameId}>{t("delivery.drafts.name")}</label>
          <input
            id={nameId}
            type="text"
            value={name}
            autoComplete="off"
            data-autofocus
            aria-invalid={trimmed === "" ? true : undefined}
            aria-describedby={trimmed === "" || asking ? problemId : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setOverwrite(null);
            }}
          />
          {trimmed === "" && (
            <p id={problemId} className="field-error">
              {t("delivery.drafts.nameEmpty")}
            </p>
          )}
          {asking && (
            <p id={problemId} className="field-error" role="alert">
              {t("delivery.drafts.exists", { name: trimmed })}
            </p>
          )}
        </div>
        {error && <ErrorNotice error={error} />}
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t("delivery.drafts.cancel")}
          </button>
          {asking ? (
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => {
                setOverwrite(trimmed);
                save(true);
              }}
            >
              {t("delivery.drafts.overwrite")}
            </button>
          ) : (
            <button type="submit" disabled={busy || trimmed === ""}>
              {busy ? t("delivery.drafts.saving") : t("delivery.drafts.saveConfirm")}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
