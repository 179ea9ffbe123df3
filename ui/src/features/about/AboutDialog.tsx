import { useDeferredValue, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { queryKeys } from "../../app/queryKeys";
import { useLoad } from "../../app/useLoad";
import { Dialog } from "../../components/Dialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { thirdPartyLicences } from "../../ipc";
import "./about.css";

interface Props {
  version: string;
  onClose: () => void;
}

/** The app's name and version, and every third-party package it ships with its licence. */
export function AboutDialog({ version, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const filterId = useId();
  const [licences, reload] = useLoad(queryKeys.licences, thirdPartyLicences);
  const [filter, setFilter] = useState("");
  // Typing stays responsive while ~500 rows re-filter.
  const deferred = useDeferredValue(filter.trim().toLowerCase());
  const shown = useMemo(
    () =>
      licences.status === "ready"
        ? licences.value.filter(
            (p) => p.name.toLowerCase().includes(deferred) || p.licence.toLowerCase().includes(deferred),
          )
        : [],
    [licences, deferred],
  );

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="about-dialog">
      <h2 id={titleId}>{t("about.title")}</h2>
      <p>{t("about.version", { version })}</p>
      <p>{t("about.lead")}</p>
      {licences.status === "failed" && <ErrorNotice error={licences.error} onRetry={reload} />}
      {licences.status === "loading" && <p className="loading">{t("app.loading")}</p>}
      {licences.status === "ready" && (
        <>
          <label htmlFor={filterId}>{t("about.filter")}</label>
          <input
            id={filterId}
            type="search"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
            }}
          />
          <p id="licence-count" aria-live="polite">
            {t("about.count", { shown: shown.length, total: licences.value.length })}
          </p>
          <div className="about-table">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("about.package")}</th>
                  <th scope="col">{t("about.packageVersion")}</th>
                  <th scope="col">{t("about.licence")}</th>
                  <th scope="col">{t("about.source")}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={`${p.ecosystem}/${p.name}/${p.version}`} data-package={p.name}>
                    <td>{p.name}</td>
                    <td>{p.version}</td>
                    <td>{p.licence}</td>
                    <td className="about-source">{p.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t("about.close")}
        </button>
      </div>
    </Dialog>
  );
}
