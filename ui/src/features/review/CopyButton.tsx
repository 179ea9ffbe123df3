import { useState } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  text: string;
  label: string;
}

/** Copies `text` to the clipboard and says so (or says that the clipboard refused). */
export function CopyButton({ text, label }: Props) {
  const { t } = useTranslation();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <span className="copy-button">
      <button
        type="button"
        className="secondary"
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => {
              setState("copied");
            },
            () => {
              setState("failed");
            },
          );
        }}
      >
        {label}
      </button>
      <span role="status" className="field-hint">
        {state === "copied" ? t("delivery.review.copied") : state === "failed" ? t("delivery.review.copyFailed") : ""}
      </span>
    </span>
  );
}
