import { useTranslation } from "react-i18next";

import type { AppInfo } from "../../bindings/AppInfo";
import { PageTitle } from "../../components/PageTitle";

interface Props {
  info: AppInfo;
  /** Starts the sandbox; resolves when it runs (errors are shown by the caller). */
  onTrySandbox: () => void;
  sandboxStarting: boolean;
  onAddProfile: () => void;
  onImport: () => void;
}

/** The screen a user sees before any profile exists: the ways to begin. */
export function FirstStart({ info, onTrySandbox, sandboxStarting, onAddProfile, onImport }: Props) {
  const { t } = useTranslation();
  const sandbox = info.sandbox.endpoints
    ? t("status.sandboxRunning", { endpoint: info.sandbox.endpoints.tablestore })
    : t("status.sandboxStopped");
  return (
    <main className="first-start" aria-labelledby="first-start-title">
      <PageTitle id="first-start-title">{t("start.title")}</PageTitle>
      <p className="lead">{t("start.lead")}</p>
      <div className="start-choices">
        <div className="start-choice">
          <button type="button" id="add-profile" onClick={onAddProfile}>
            {t("start.addProfile")}
          </button>
          <p>{t("start.addProfileHint")}</p>
          <button type="button" id="import-profile" className="link-button" onClick={onImport}>
            {t("importDialog.open")}
          </button>
        </div>
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
