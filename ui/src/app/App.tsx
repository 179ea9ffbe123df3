import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { IpcError } from "../bindings/IpcError";
import type { Locale } from "../bindings/Locale";
import { ErrorNotice } from "../components/ErrorNotice";
import { LanguagePicker } from "../features/settings/LanguagePicker";
import { FirstStart } from "../features/start/FirstStart";
import { Workspace } from "../features/workspace/Workspace";
import { i18next, systemLocale } from "../i18n";
import { CommandFailed, listProfiles, setLocale, startSandbox } from "../ipc";
import { useAppInfo } from "./useAppInfo";

interface ActiveProfile {
  name: string;
  region: string;
  instance: string;
}

export function App() {
  const { t } = useTranslation();
  const [state, retry] = useAppInfo();
  const [profile, setProfile] = useState<ActiveProfile | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<IpcError | null>(null);

  const chooseLocale = (locale: Locale | null) => {
    void i18next.changeLanguage(locale ?? systemLocale());
    setLocale(locale).then(retry, (reason: unknown) => {
      if (!(reason instanceof CommandFailed)) throw reason;
      console.error(reason.error.code, reason.error.message);
    });
  };

  const trySandbox = () => {
    setStarting(true);
    setStartError(null);
    startSandbox()
      .then(() => listProfiles())
      .then((profiles) => {
        const sandbox = profiles.find((p) => p.kind === "sandbox");
        if (sandbox) {
          setProfile({ name: sandbox.name, region: sandbox.region, instance: sandbox.instanceName });
        }
        retry();
      })
      .catch((reason: unknown) => {
        if (reason instanceof CommandFailed) setStartError(reason.error);
        else throw reason;
      })
      .finally(() => {
        setStarting(false);
      });
  };

  return (
    <div className="app-frame">
      <header className="app-header">
        <img src="/favicon.png" alt="" width={24} height={24} />
        <span className="app-name">{t("app.name")}</span>
        {state.status === "ready" && <LanguagePicker value={state.info.locale} onChange={chooseLocale} />}
      </header>
      {state.status === "loading" && <p className="loading">{t("app.loading")}</p>}
      {state.status === "failed" && <ErrorNotice error={state.error} onRetry={retry} />}
      {startError && <ErrorNotice error={startError} />}
      {state.status === "ready" && !profile && (
        <FirstStart info={state.info} onTrySandbox={trySandbox} sandboxStarting={starting} />
      )}
      {profile && <Workspace profile={profile.name} region={profile.region} instance={profile.instance} />}
      {state.status === "ready" && (
        <footer className="app-footer">
          <span id="app-version">{t("status.version", { version: state.info.version })}</span>
          <span id="data-dir">{t("status.dataDir", { path: state.info.dataDir })}</span>
        </footer>
      )}
    </div>
  );
}
