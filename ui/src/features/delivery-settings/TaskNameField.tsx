import { useTranslation } from "react-i18next";

import type { Issue } from "../../bindings/Issue";
import { SettingsTextField } from "./SettingsTextField";

interface Props {
  value: string;
  issues: readonly Issue[];
  onChange: (value: string) => void;
}

/** The task name, checked by Rust's rules as the user types. */
export function TaskNameField({ value, issues, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <SettingsTextField
      label={t("delivery.settings.taskName")}
      name="taskName"
      value={value}
      hint={t("delivery.settings.taskNameHint")}
      issues={issues}
      onChange={onChange}
    />
  );
}
