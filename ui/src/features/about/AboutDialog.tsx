import { useDeferredValue, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { queryKeys } from "../../app/queryKeys";
import { useLoad } from "../../app/useLoad";
import { Dialog } from "../../components/Dialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { thirdPartyLicences } from "../../ipc";
import type { ThirdPartyPackage } from "../../ipc";
import { PackageRow } from "./PackageRow";
import "./about.css";

interface Props {
  version: string;
  onClose: () => void;
}

function packageKey(p: ThirdPartyPackage): string {
  return `${p.ecosystem}/${p.name}/${p.version}`;
}

/** How many packages come with each licence text, so a shared text says so. */
function countPackagesPerText(packages: ThirdPartyPackage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of packages) {
    for (const id of new Set(p.licenceTexts.map((text) => text.id))) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

/** The app's name and version, and every third-party package it ships with its licence texts. */
export function AboutDialog({ version, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const filterId = useId();
  const [licences, reload] = useLoad(queryKeys.licences, thirdPartyLicences);
  const [filter, setFilter] = useState("");
  const [openTexts, setOpenTexts] = useState<ReadonlySet<string>>(new Set());
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
  const packagesPerText = useMemo(
    () => (licences.status === "ready" ? countPackagesPerText(licences.value) : new Map<string, number>()),
    [licences],
  );
  const toggleTexts = (key: string) => {
    setOpenTexts((open) => {
      const next = new Set(open);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  };

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
                  <th scope="col">{t("about.licenceText")}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <PackageRow
                    key={packageKey(p)}
                    pkg={p}
                    open={openTexts.has(packageKey(p))}
                    onToggle={() => {
                      toggleTexts(packageKey(p));
                    }}
                    packagesPerText={packagesPerText}
                  />
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
