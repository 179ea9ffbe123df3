import { useId } from "react";
import { useTranslation } from "react-i18next";

import type { AppInfo } from "../../bindings/AppInfo";

interface Props {
  info: AppInfo;
  /** Starts the sandbox; resolves when it runs (errors are shown by the caller). */
  onTrySandbox: () => void;
  sandboxStarting: boolean;
}

/** The screen a user sees before any profile exists: the two ways to begin. */
export function FirstStart({ info, onTrySandbox, sandboxStarting }: Props) {
  const { t } = useTranslation();
  const pendingId = useId();
  const sandbox = info.sandbox.endpoints
    ? t("status.sandboxRunning", { endpoint: info.sandbox.endpoints.tablestore })
    : t("status.sandboxStopped");
  return (
    <main className="first-start" aria-labelledby="first-start-title">
      <h1 id="first-start-title">{t("start.title")}</h1>
      <p className="lead">{t("start.lead")}</p>
      <p id={pendingId} className="visually-hidden">
        {t("start.notYetAvailable")}
      </p>
      <div className="start-choices">
        <StartChoice id="add-profile" label={t("start.addProfile")} hint={t("start.addProfileHint")} pendingId={pendingId} />
        <div className="start-choice">
          <button type="button" id="try-sandbox" onClick={onTrySandbox} disabled={sandboxStarting}>
            {sandboxStarting ? t("start.sandboxStarting") : t("start.trySandbox")}
          </button>
          <p>{t("start.trySandboxHint")}</p>
        </div>
      </div>
      <p className="sandbox-status" data-running={info.sandbox.running}>
        {sandbox}
      </p>
    </main>
  );
}

interface StartChoiceProps {
  id: string;
  label: string;
  hint: string;
  /** The element explaining why the choice cannot be taken yet. */
  pendingId: string;
}

function StartChoice({ id, label, hint, pendingId }: StartChoiceProps) {
  return (
    <div className="start-choice">
      <button type="button" id={id} disabled aria-describedby={pendingId}>
        {label}
      </button>
      <p>{hint}</p>
    </div>
  );
}
