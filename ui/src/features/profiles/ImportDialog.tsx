import { useId, useState } from "react";
import type { SyntheticEvent } from "react";
import { useTranslation } from "react-i18next";

import { queryKeys } from "../../app/queryKeys";
import { useLoad } from "../../app/useLoad";
import type { ImportCandidatePreview } from "../../bindings/ImportCandidatePreview";
import type { IpcError } from "../../bindings/IpcError";
import type { ProfileSummary } from "../../bindings/ProfileSummary";
import { Dialog } from "../../components/Dialog";
import { EnglishDetail } from "../../components/EnglishDetail";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldError } from "../../components/FieldError";
import { CommandFailed, importPreview, importProfile, knownRegions } from "../../ipc";
import { placeOf } from "./formModel";
import { RegionField } from "./RegionField";
import type { Problem } from "./validation";
import { checkInstanceName, checkProfileName, checkRegion } from "./validation";

interface Props {
  onImported: (profile: ProfileSummary) => void;
  onClose: () => void;
}

type ImportField = "name" | "instanceName" | "region";

const keyOf = (candidate: ImportCandidatePreview) => `${candidate.source}:${candidate.sourceName}`;

/** What can be imported changes outside the app (and with each import): read it anew at every opening. */
const FRESH_EACH_TIME = { staleTime: 0, gcTime: 0 };

/** Lists what the aliyun CLI config, credentials file and environment hold, and imports one. */
export function ImportDialog({ onImported, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const formId = useId();
  const [preview, reload] = useLoad(queryKeys.importPreview, importPreview, FRESH_EACH_TIME);
  const [regions] = useLoad(queryKeys.knownRegions, knownRegions);
  const [chosen, setChosen] = useState<ImportCandidatePreview | null>(null);
  const [name, setName] = useState("");
  const [instanceName, setInstanceName] = useState("");
  const [region, setRegion] = useState("");
  const [touched, setTouched] = useState<ReadonlySet<ImportField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<{ place: ImportField | "form"; error: IpcError } | null>(null);

  const needsRegion = chosen !== null && chosen.region === null;
  const problems: Partial<Record<ImportField, Problem | null>> = {
    name: checkProfileName(name),
    instanceName: checkInstanceName(instanceName),
    region: needsRegion ? checkRegion(region) : null,
  };

  const choose = (candidate: ImportCandidatePreview) => {
    setChosen(candidate);
    setName(candidate.suggestedName);
    setServerError(null);
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!chosen || Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setServerError(null);
    importProfile({
      source: chosen.source,
      sourceName: chosen.sourceName,
      name: name.trim(),
      instanceName: instanceName.trim(),
      region: needsRegion ? region.trim() : null,
    })
      .then(onImported, (reason: unknown) => {
        if (!(reason instanceof CommandFailed)) throw reason;
        const place = placeOf(reason.error.code);
        setServerError({ place: place === "name" || place === "instanceName" || place === "region" ? place : "form", error: reason.error });
      })
      .finally(() => {
        setBusy(false);
      });
  };

  const field = (key: ImportField, label: string, value: string, onChange: (value: string) => void) => {
    const id = `${formId}-${key}`;
    const problem = submitted || touched.has(key) ? problems[key] : null;
    const server = serverError?.place === key ? serverError.error : null;
    const update = (text: string) => {
      onChange(text);
      setTouched((current) => new Set(current).add(key));
      if (serverError?.place === key) setServerError(null);
    };
    const props = {
      id,
      name: key,
      value,
      "aria-invalid": problem || server ? true : undefined,
      "aria-describedby": problem || server ? `${id}-error` : undefined,
      onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
        update(event.target.value);
      },
    };
    return (
      <div className="form-field">
        <label htmlFor={id}>{label}</label>
        {key === "region" ? (
          <RegionField
            {...props}
            regions={regions.status === "ready" ? regions.value : []}
            onPick={update}
          />
        ) : (
          <input type="text" autoComplete="off" spellCheck={false} {...props} />
        )}
        <FieldError
          id={`${id}-error`}
          text={problem ? t(`validation.${problem.key}`, problem.params ?? {}) : null}
          error={server}
        />
      </div>
    );
  };

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="import-dialog">
      <h2 id={titleId}>{t("importDialog.title")}</h2>
      {preview.status === "loading" && <p className="loading">{t("importDialog.loading")}</p>}
      {preview.status === "failed" && <ErrorNotice error={preview.error} onRetry={reload} />}
      {preview.status === "ready" && (
        <form noValidate onSubmit={submit}>
          {preview.value.candidates.length === 0 ? (
            <p>{t("importDialog.none")}</p>
          ) : (
            <fieldset className="import-candidates">
              <legend>{t("importDialog.candidates")}</legend>
              {preview.value.candidates.map((candidate) => {
                const key = keyOf(candidate);
                const id = `${formId}-candidate-${key}`;
                return (
                  <div key={key} className="import-candidate">
                    <input
                      type="radio"
                      id={id}
                      name={`${formId}-candidate`}
                      checked={chosen !== null && keyOf(chosen) === key}
                      onChange={() => {
                        choose(candidate);
                      }}
                    />
                    <label htmlFor={id}>
                      <strong>{candidate.sourceName}</strong>{" "}
                      <span className="candidate-source">{t(`importDialog.source_${candidate.source}`)}</span>{" "}
                      <code>{candidate.accessKeyIdMasked}</code>{" "}
                      <span>{candidate.region ?? t("importDialog.noRegion")}</span>
                      {candidate.hasSecurityToken && <span className="badge">{t("importDialog.withToken")}</span>}
                      {candidate.isCurrent && <span className="badge">{t("importDialog.current")}</span>}
                      {/* The source's own name for the credential (AK, StsToken, variable names): no prose to label. */}
                      <span className="candidate-detail" lang="en">
                        {candidate.detail}
                      </span>
                    </label>
                  </div>
                );
              })}
            </fieldset>
          )}
          {preview.value.unsupported.length > 0 && (
            <section className="import-unsupported" aria-labelledby={`${formId}-unsupported`}>
              <h3 id={`${formId}-unsupported`}>{t("importDialog.unsupported")}</h3>
              <ul>
                {preview.value.unsupported.map((entry) => (
                  <li key={`${entry.source}:${entry.sourceName}`}>
                    {t("importDialog.unsupportedItem", {
                      name: entry.sourceName,
                      source: t(`importDialog.source_${entry.source}`),
                      mode: entry.mode,
                    })}{" "}
                    <EnglishDetail kind="detail" text={entry.reason} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          {submitted && !chosen && preview.value.candidates.length > 0 && (
            <p className="field-error" role="status">
              {t("importDialog.pickFirst")}
            </p>
          )}
          {chosen && (
            <div className="import-fields">
              {field("name", t("form.name"), name, setName)}
              {field("instanceName", t("form.instanceName"), instanceName, setInstanceName)}
              {needsRegion && (
                <>
                  <p className="field-hint">{t("importDialog.regionNeeded")}</p>
                  {field("region", t("form.region"), region, setRegion)}
                </>
              )}
            </div>
          )}
          {serverError?.place === "form" && <ErrorNotice error={serverError.error} />}
          <div className="form-actions">
            {preview.value.candidates.length > 0 && (
              <button type="submit" disabled={busy}>
                {busy ? t("importDialog.importing") : t("importDialog.import")}
              </button>
            )}
            <button type="button" className="secondary" onClick={onClose}>
              {t("importDialog.close")}
            </button>
          </div>
        </form>
      )}
      {preview.status !== "ready" && (
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t("importDialog.close")}
          </button>
        </div>
      )}
    </Dialog>
  );
}
