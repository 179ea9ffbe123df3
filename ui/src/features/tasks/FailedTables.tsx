import { useTranslation } from "react-i18next";

import type { ErrorCode } from "../../bindings/ErrorCode";
import type { TableFailure } from "../../bindings/TableFailure";
import { CodedMessage } from "../../components/CodedMessage";
import { EnglishDetail } from "../../components/EnglishDetail";

/** Failures that share an error code, in the order their first table was listed. */
export function groupByCode(failures: readonly TableFailure[]): { code: ErrorCode; failures: TableFailure[] }[] {
  const groups = new Map<ErrorCode, TableFailure[]>();
  for (const failure of failures) {
    const group = groups.get(failure.error.code);
    if (group) group.push(failure);
    else groups.set(failure.error.code, [failure]);
  }
  return [...groups].map(([code, grouped]) => ({ code, failures: grouped }));
}

/**
 * Tables whose tasks could not be listed: one compact notice per error code naming its tables
 * (twelve tables refused for the same permission are one notice, not twelve), with each table's
 * own message and request ID folded away for a support ticket.
 */
export function FailedTables({ failures }: { failures: readonly TableFailure[] }) {
  const { t } = useTranslation();
  if (failures.length === 0) return null;
  return (
    <section className="failed-tables" aria-labelledby="failed-tables-title">
      <h3 id="failed-tables-title">{t("watch.failedTitle", { count: failures.length })}</h3>
      {groupByCode(failures).map(({ code, failures: grouped }) => {
        const remedy = grouped.find(({ error }) => error.remedy)?.error.remedy;
        return (
          <div key={code} className="failed-group" role="alert" data-error-code={code}>
            <p className="failed-summary">
              <strong>{t(`codes.errors.${code}`, { defaultValue: code })}</strong>{" "}
              {remedy && <EnglishDetail kind="remedy" text={remedy} />}
            </p>
            <p className="failed-names">
              {t("watch.failedTables", { count: grouped.length, tables: grouped.map(({ tableName }) => tableName).join(t("mapper.status.nameSeparator")) })}
            </p>
            <details>
              <summary>{t("watch.failedDetails")}</summary>
              <ul>
                {grouped.map(({ tableName, error }) => (
                  <li key={tableName} data-table={tableName}>
                    <code>{tableName}</code>: <CodedMessage kind="errors" code={error.code} message={error.message} />
                    {error.requestId && (
                      <>
                        {" "}
                        {t("errors.requestId")} <code className="request-id-value">{error.requestId}</code>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </details>
          </div>
        );
      })}
    </section>
  );
}
