import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { ConnectionReport } from "../../bindings/ConnectionReport";
import type { IpcError } from "../../bindings/IpcError";
import { CodedMessage } from "../../components/CodedMessage";
import { EnglishDetail } from "../../components/EnglishDetail";
import { ErrorNotice } from "../../components/ErrorNotice";
import { CommandFailed, testConnection } from "../../ipc";
import { GrantStatement } from "./GrantStatement";
import "./workspace.css";

interface Props {
  profile: string;
}

/** "Test connection": each permission the app needs, probed and reported by its RAM action. */
export function ConnectionCheck({ profile }: Props) {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  const run = () => {
    setRunning(true);
    setError(null);
    testConnection(profile)
      .then(setReport, (reason: unknown) => {
        if (reason instanceof CommandFailed) setError(reason.error);
        else throw reason;
      })
      .finally(() => {
        setRunning(false);
      });
  };

  return (
    <section className="connection-check" aria-labelledby="connection-check-title">
      <h2 id="connection-check-title">{t("connection.title")}</h2>
      <button type="button" id="test-connection" onClick={run} disabled={running}>
        {running ? t("connection.running") : t("connection.run")}
      </button>
      {error && <ErrorNotice error={error} />}
      {report && (
        <ul className="permission-checks">
          {report.accountId && <li>{t("connection.account", { account: report.accountId })}</li>}
          {report.checks.map((check) => (
            <li key={check.action} data-ok={check.ok} className="permission-check">
              <span className="check-mark" aria-hidden="true">
                {check.ok ? "✓" : "✗"}
              </span>
              <code>{check.action}</code>{" "}
              {check.ok ? (
                check.found !== null && (
                  <span>
                    {check.action === "oss:ListBuckets"
                      ? t("connection.buckets", { count: check.found })
                      : t("connection.tables", { count: check.found })}
                  </span>
                )
              ) : (
                <>
                  {check.error && <CodedMessage kind="errors" code={check.error.code} message={check.error.message} />}
                  {check.grant ? (
                    <GrantStatement action={check.action} statement={check.grant} />
                  ) : (
                    check.error?.remedy && (
                      <>
                        {" "}
                        <EnglishDetail kind="remedy" text={check.error.remedy} />
                      </>
                    )
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
