import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import type { IpcError } from "../../bindings/IpcError";
import { Dialog } from "../../components/Dialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { CommandFailed, deleteProfile } from "../../ipc";

interface Props {
  name: string;
  onDeleted: (name: string) => void;
  onClose: () => void;
}

/** Asks before deleting a profile, naming it; Cancel has the focus so Enter is harmless. */
export function DeleteProfileDialog({ name, onDeleted, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const confirm = () => {
    setBusy(true);
    setError(null);
    deleteProfile(name)
      .then(
        () => {
          onDeleted(name);
        },
        (reason: unknown) => {
          if (reason instanceof CommandFailed) setError(reason.error);
          else throw reason;
        },
      )
      .finally(() => {
        setBusy(false);
      });
  };

  return (
    <Dialog labelledBy={titleId} describedBy={bodyId} onClose={onClose}>
      <h2 id={titleId}>{t("deleteDialog.title", { name })}</h2>
      <p id={bodyId}>{t("deleteDialog.body")}</p>
      {error && <ErrorNotice error={error} />}
      <div className="form-actions">
        <button type="button" className="secondary" data-autofocus onClick={onClose}>
          {t("deleteDialog.cancel")}
        </button>
        <button type="button" className="danger" onClick={confirm} disabled={busy}>
          {busy ? t("deleteDialog.deleting") : t("deleteDialog.confirm")}
        </button>
      </div>
    </Dialog>
  );
}
