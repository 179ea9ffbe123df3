import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/ConfirmDialog";
import { deleteProfile } from "../../ipc";

interface Props {
  name: string;
  onDeleted: (name: string) => void;
  onClose: () => void;
}

/** Asks before deleting a profile, naming it. */
export function DeleteProfileDialog({ name, onDeleted, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t("deleteDialog.title", { name })}
      body={t("deleteDialog.body")}
      confirmLabel={t("deleteDialog.confirm")}
      action={() => deleteProfile(name)}
      onDone={() => {
        onDeleted(name);
      }}
      onClose={onClose}
    />
  );
}
