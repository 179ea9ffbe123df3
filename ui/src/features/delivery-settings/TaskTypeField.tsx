import { useId } from "react";
import { useTranslation } from "react-i18next";

import type { TaskType } from "../../bindings/TaskType";

const TYPES: readonly TaskType[] = ["BASE_INC", "BASE", "INC"];

interface Props {
  value: TaskType;
  onChange: (value: TaskType) => void;
}

/** Full, incremental, or full then incremental; each explained in one line. */
export function TaskTypeField({ value, onChange }: Props) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="form-field task-types">
      <legend>{t("delivery.settings.taskType")}</legend>
      {TYPES.map((type) => {
        const id = `${name}-${type}`;
        return (
          <div key={type} className="choice">
            <input
              type="radio"
              id={id}
              name={name}
              value={type}
              checked={value === type}
              aria-describedby={`${id}-hint`}
              onChange={() => {
                onChange(type);
              }}
            />
            <label htmlFor={id}>{t(`delivery.settings.types.${type}`)}</label>
            <p id={`${id}-hint`} className="field-hint">
              {t(`delivery.settings.typeHints.${type}`)}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
