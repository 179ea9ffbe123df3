import { useId, useState } from "react";
import type { ReactNode, SyntheticEvent } from "react";
import { useTranslation } from "react-i18next";

import { queryKeys } from "../../app/queryKeys";
import { useLoad } from "../../app/useLoad";
import type { IpcError } from "../../bindings/IpcError";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldError } from "../../components/FieldError";
import { CommandFailed, knownRegions } from "../../ipc";
import type { ErrorPlace, FieldName, FormMode, InputProps, ProfileFormValues } from "./formModel";
import { checkValues, emptyValues, ENDPOINT_FIELDS, placeOf, valuesFrom } from "./formModel";
import { RegionField } from "./RegionField";
import type { Problem } from "./validation";
import { PageTitle } from "../../components/PageTitle";

interface Props {
  mode: FormMode;
  /** Sends the values to Rust; a rejected `CommandFailed` is shown next to its field. */
  onSubmit: (values: ProfileFormValues) => Promise<void>;
  onCancel?: () => void;
}

/** The profile form for adding and editing, checking each field as the user types. */
export function ProfileForm({ mode, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const [values, setValues] = useState<ProfileFormValues>(() =>
    mode.kind === "edit" ? valuesFrom(mode.profile) : emptyValues(),
  );
  const [touched, setTouched] = useState<ReadonlySet<FieldName>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<{ place: ErrorPlace; error: IpcError } | null>(null);
  const [advancedOpen, setAdvancedOpen] = useState(
    () => mode.kind === "edit" && ENDPOINT_FIELDS.some((field) => valuesFrom(mode.profile)[field] !== ""),
  );
  const [regions] = useLoad(queryKeys.knownRegions, knownRegions);

  const problems = checkValues(values, mode);
  const editing = mode.kind === "edit";

  const set = (field: FieldName, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setTouched((current) => new Set(current).add(field));
    if (serverError && (serverError.place === field || (serverError.place === "endpoints" && field.endsWith("Endpoint")))) {
      setServerError(null);
    }
  };

  const problemText = (problem: Problem | undefined) =>
    problem ? t(`validation.${problem.key}`, problem.params ?? {}) : null;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setServerError(null);
    if (Object.keys(problems).length > 0) {
      if (ENDPOINT_FIELDS.some((field) => problems[field])) setAdvancedOpen(true);
      const first = Object.keys(problems)[0];
      if (first) document.getElementById(`${formId}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    onSubmit(values)
      .then(() => {
        // The secret and token are not kept in memory once Rust has them.
        setValues((current) => ({ ...current, accessKeySecret: "", securityToken: "" }));
      })
      .catch((reason: unknown) => {
        if (!(reason instanceof CommandFailed)) throw reason;
        const place = placeOf(reason.error.code);
        if (place === "endpoints") setAdvancedOpen(true);
        setServerError({ place, error: reason.error });
      })
      .finally(() => {
        setBusy(false);
      });
  };

  const field = (name: FieldName, label: string, hint: string | null, input: (props: InputProps) => ReactNode) => {
    const shown = submitted || touched.has(name) ? problems[name] : undefined;
    const server = serverError?.place === name ? serverError.error : null;
    const id = `${formId}-${name}`;
    const hintId = `${id}-hint`;
    const errorId = `${id}-error`;
    const describedBy = [hint ? hintId : null, shown || server ? errorId : null].filter(Boolean).join(" ");
    return (
      <div className="form-field" data-field={name}>
        <label htmlFor={id}>{label}</label>
        {input({
          id,
          name,
          value: values[name],
          "aria-invalid": shown || server ? true : undefined,
          "aria-describedby": describedBy || undefined,
          onChange: (event) => {
            set(name, event.target.value);
          },
        })}
        {hint && (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        )}
        <FieldError id={errorId} text={problemText(shown)} error={server} />
      </div>
    );
  };

  const text = (props: InputProps) => <input type="text" autoComplete="off" spellCheck={false} {...props} />;
  const secret = (props: InputProps) => <input type="password" autoComplete="off" spellCheck={false} {...props} />;
  const endpointError = serverError?.place === "endpoints" ? serverError.error : null;
  const hasProblems = submitted && Object.keys(problems).length > 0;

  return (
    <form className="profile-form" noValidate onSubmit={submit} aria-labelledby={`${formId}-title`}>
      <PageTitle id={`${formId}-title`}>
        {editing ? t("form.editTitle", { name: mode.profile.name }) : t("form.addTitle")}
      </PageTitle>
      {field("name", t("form.name"), t("form.nameHint"), text)}
      {field("accessKeyId", t("form.accessKeyId"), null, text)}
      {field(
        "accessKeySecret",
        t("form.accessKeySecret"),
        editing ? t("form.secretKeepHint") : t("form.secretHint"),
        secret,
      )}
      {field("securityToken", t("form.securityToken"), editing ? t("form.tokenKeepHint") : t("form.tokenHint"), secret)}
      {editing && mode.profile.hasSecurityToken && (
        <div className="form-field checkbox-field">
          <input
            type="checkbox"
            id={`${formId}-removeToken`}
            checked={values.removeSecurityToken}
            onChange={(event) => {
              setValues((current) => ({ ...current, removeSecurityToken: event.target.checked }));
            }}
          />
          <label htmlFor={`${formId}-removeToken`}>{t("form.removeToken")}</label>
        </div>
      )}
      {field("region", t("form.region"), t("form.regionHint"), (props) => (
        <RegionField
          {...props}
          regions={regions.status === "ready" ? regions.value : []}
          onPick={(id) => {
            set("region", id);
          }}
        />
      ))}
      {field("instanceName", t("form.instanceName"), t("form.instanceHint"), text)}
      <details
        className="advanced"
        open={advancedOpen}
        onToggle={(event) => {
          setAdvancedOpen(event.currentTarget.open);
        }}
      >
        <summary>{t("form.advanced")}</summary>
        <p className="field-hint">{t("form.advancedHint")}</p>
        {field("tablestoreEndpoint", t("form.tablestoreEndpoint"), null, text)}
        {field("ossEndpoint", t("form.ossEndpoint"), null, text)}
        {field("stsEndpoint", t("form.stsEndpoint"), null, text)}
        <FieldError id={`${formId}-endpoints-error`} error={endpointError} />
      </details>
      {serverError?.place === "form" && <ErrorNotice error={serverError.error} />}
      {hasProblems && (
        <p className="form-problems" role="status">
          {t("form.fixFirst")}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {editing ? (busy ? t("form.saving") : t("form.save")) : busy ? t("form.creating") : t("form.create")}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t("form.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
