import { useTranslation } from "react-i18next";

/** Whether the UI speaks English, where Rust's English texts need no label. */
export const isEnglish = (language: string) => language === "en" || language.startsWith("en-");

interface Props {
  /** What the text is: a remedy ("what to do next") or the detail of a problem. */
  kind: "remedy" | "detail";
  /** Rust's or the service's text (always English). */
  text: string;
  className?: string;
}

/**
 * An English text from Rust or the cloud service. In English it is shown as it is; in another
 * language a translated label says what it is and that it is in English, and the text itself
 * is marked `lang="en"` so screen readers read it with an English voice.
 */
export function EnglishDetail({ kind, text, className }: Props) {
  const { t, i18n } = useTranslation();
  if (isEnglish(i18n.language)) return <span className={className}>{text}</span>;
  return (
    <span className={className} data-english-detail={kind}>
      {t(`codes.english.${kind}`)}
      <span lang="en">{text}</span>
    </span>
  );
}
