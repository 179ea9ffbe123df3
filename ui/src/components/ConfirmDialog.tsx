import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import type { IpcError } from "../bindings/IpcError";
import { CommandFailed } from "../ipc";
import { Dialog } from "./Dialog";
import { ErrorNotice } from "./ErrorNotice";

interface Props {
  title: string;
  body: string;
  confirmLabel: string;
  /** The destructive action; its coded error is shown in the dialog, which stays open. */
  action: () => Promise<void>;
  onDone: () => void;
  onClose: () => void;
}

/** Asks before a destructive action; Cancel has the focus so Enter is harmless. */
export function ConfirmDialog({ title, body, confirmLabel, action, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const confirm = () => {
    setBusy(true);
    setError(null);
    action()
      .then(onDone, (reason: unknown) => {
        if (reason instanceof CommandFailed) setError(reason.error);
        else throw reason;
      })
      .finally(() => {
        setBusy(false);
      });
  };

  return (
    <Dialog labelledBy={titleId} describedBy={bodyId} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      <p id={bodyId}>{body}</p>
      {error && <ErrorNotice error={error} />}
      <div className="form-actions">
        <button type="button" className="secondary" data-autofocus onClick={onClose}>
          {t("deleteDialog.cancel")}
        </button>
        <button type="button" className="danger" onClick={confirm} disabled={busy}>
          {busy ? t("deleteDialog.deleting") : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
