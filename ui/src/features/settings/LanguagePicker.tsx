import { useId } from "react";
import { useTranslation } from "react-i18next";

import type { Locale } from "../../bindings/Locale";
import { LOCALES } from "../../i18n";

interface Props {
  /** The stored choice; `null` follows the operating system. */
  value: Locale | null;
  onChange: (locale: Locale | null) => void;
}

const SYSTEM = "system";

export function LanguagePicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t("language.label")}</label>
      <select
        id={id}
        value={value ?? SYSTEM}
        onChange={(event) => {
          const chosen = LOCALES.find((locale) => locale === event.target.value);
          onChange(chosen ?? null);
        }}
      >
        <option value={SYSTEM}>{t("language.system")}</option>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale}>
            {t(`language.${locale}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
