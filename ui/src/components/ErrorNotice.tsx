import { useTranslation } from "react-i18next";

import type { IpcError } from "../bindings/IpcError";
import { CodedMessage } from "./CodedMessage";
import { EnglishDetail } from "./EnglishDetail";

interface Props {
  error: IpcError;
  onRetry?: () => void;
}

/** Shows a coded error the way the user needs it: what happened and what to do next. */
export function ErrorNotice({ error, onRetry }: Props) {
  const { t } = useTranslation();
  return (
    <section role="alert" className="error-notice" data-error-code={error.code}>
      <h2>{t("errors.title")}</h2>
      <p>
        <CodedMessage kind="errors" code={error.code} message={error.message} />
      </p>
      {error.remedy && (
        <p className="remedy">
          <EnglishDetail kind="remedy" text={error.remedy} />
        </p>
      )}
      {error.requestId && (
        <p className="request-id">
          {t("errors.requestId")} {/* Selected whole with one click, for pasting into a ticket. */}
          <code className="request-id-value">{error.requestId}</code>
        </p>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t("errors.retry")}
        </button>
      )}
    </section>
  );
}
