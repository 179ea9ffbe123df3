import { useTranslation } from "react-i18next";

import { isEnglish } from "./EnglishDetail";

interface Props {
  /** `errors` for IPC errors, `issues` for draft findings. */
  kind: "errors" | "issues";
  code: string;
  /** Rust's sentence, which names the specifics (always English). */
  message: string;
}

/**
 * Rust's sentence for a coded error or finding. In English it is shown as it is; in another
 * language the translated summary of its code leads, and Rust's sentence follows as the detail,
 * marked as English for screen readers.
 */
export function CodedMessage({ kind, code, message }: Props) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const summary: unknown = english ? undefined : i18n.getResource(i18n.language, "translation", `codes.${kind}.${code}`);
  if (typeof summary !== "string") {
    return (
      <span className="coded-message" lang={english ? undefined : "en"}>
        {message}
      </span>
    );
  }
  return (
    <>
      <span className="coded-summary">{summary}</span>{" "}
      <span className="coded-detail" lang="en">
        {t("codes.detail", { text: message })}
      </span>
    </>
  );
}
