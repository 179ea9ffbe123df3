import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/ConfirmDialog";
import { deleteDeliveryTask } from "../../ipc";

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
  return (
    <ConfirmDialog
      title={t("tasks.deleteTitle", { task })}
      body={t("tasks.deleteBody")}
      confirmLabel={t("tasks.deleteConfirm")}
      action={() => deleteDeliveryTask(profile, table, task)}
      onDone={onDeleted}
      onClose={onClose}
    />
  );
}
