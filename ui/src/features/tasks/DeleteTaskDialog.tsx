import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import type { IpcError } from "../../bindings/IpcError";
import { Dialog } from "../../components/Dialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { CommandFailed, deleteDeliveryTask } from "../../ipc";

interface Props {
  profile: string;
  table: string;
  task: string;
  onDeleted: () => void;
  onClose: () => void;
}

/** Asks before deleting a delivery task; files already delivered stay in the bucket. */
export function DeleteTaskDialog({ profile, table, task, onDeleted, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const confirm = () => {
    setBusy(true);
    setError(null);
    deleteDeliveryTask(profile, table, task)
      .then(onDeleted, (reason: unknown) => {
        if (reason instanceof CommandFailed) setError(reason.error);
        else throw reason;
      })
      .finally(() => {
        setBusy(false);
      });
  };

  return (
    <Dialog labelledBy={titleId} describedBy={bodyId} onClose={onClose}>
      <h2 id={titleId}>{t("tasks.deleteTitle", { task })}</h2>
      <p id={bodyId}>{t("tasks.deleteBody")}</p>
      {error && <ErrorNotice error={error} />}
      <div className="form-actions">
        <button type="button" className="secondary" data-autofocus onClick={onClose}>
          {t("deleteDialog.cancel")}
        </button>
        <button type="button" className="danger" onClick={confirm} disabled={busy}>
          {busy ? t("deleteDialog.deleting") : t("tasks.deleteConfirm")}
        </button>
      </div>
    </Dialog>
  );
}
