import { useTranslation } from "react-i18next";

import type { Locale } from "../bindings/Locale";
import { ErrorNotice } from "../components/ErrorNotice";
import { FirstStart } from "../features/start/FirstStart";
import { LanguagePicker } from "../features/settings/LanguagePicker";
import { i18next, systemLocale } from "../i18n";
import { CommandFailed, setLocale } from "../ipc";
import { useAppInfo } from "./useAppInfo";

export function App() {
  const { t } = useTranslation();
  const [state, retry] = useAppInfo();

  const chooseLocale = (locale: Locale | null) => {
    void i18next.changeLanguage(locale ?? systemLocale());
    setLocale(locale).then(retry, (reason: unknown) => {
      if (!(reason instanceof CommandFailed)) throw reason;
      console.error(reason.error.code, reason.error.message);
    });
  };

  return (
    <div className="app-frame">
      <header className="app-header">
        <img src="/favicon.png" alt="" width={24} height={24} />
        <span className="app-name">{t("app.name")}</span>
        {state.status === "ready" && (
          <LanguagePicker value={state.info.locale} onChange={chooseLocale} />
        )}
      </header>
      {state.status === "loading" && <p className="loading">{t("app.loading")}</p>}
      {state.status === "failed" && <ErrorNotice error={state.error} onRetry={retry} />}
      {state.status === "ready" && <FirstStart info={state.info} />}
      {state.status === "ready" && (
        <footer className="app-footer">
          <span id="app-version">{t("status.version", { version: state.info.version })}</span>
          <span id="data-dir">{t("status.dataDir", { path: state.info.dataDir })}</span>
        </footer>
      )}
    </div>
  );
}
