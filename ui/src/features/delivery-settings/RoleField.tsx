import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { DeliveryRoleStatus } from "../../bindings/DeliveryRoleStatus";
import type { IpcError } from "../../bindings/IpcError";
import type { Issue } from "../../bindings/Issue";
import { ErrorNotice } from "../../components/ErrorNotice";
import { CommandFailed, createDeliveryRole } from "../../ipc";
import { SettingsTextField } from "./SettingsTextField";

interface Props {
  profile: string;
  value: string;
  issues: readonly Issue[];
  role: DeliveryRoleStatus | null;
  roleError: IpcError | null;
  onChange: (value: string) => void;
  onRoleCreated: (role: DeliveryRoleStatus) => void;
}

/** The service-linked role's ARN: found from the account, editable, and created on request. */
export function RoleField({ profile, value, issues, role, roleError, onChange, onRoleCreated }: Props) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<IpcError | null>(null);

  const create = () => {
    setCreating(true);
    setCreateError(null);
    createDeliveryRole(profile)
      .then(
        (created) => {
          onRoleCreated(created);
          if (value === "" && created.roleArn) onChange(created.roleArn);
        },
        (reason: unknown) => {
          if (reason instanceof CommandFailed) setCreateError(reason.error);
          else throw reason;
        },
      )
      .finally(() => {
        setCreating(false);
      });
  };

  const status =
    role === null
      ? roleError
        ? t("delivery.settings.roleUnknown", { reason: roleError.message })
        : t("delivery.settings.roleLooking")
      : role.exists === true
        ? t("delivery.settings.roleExists", { account: role.accountId ?? "?" })
        : role.exists === false
          ? t("delivery.settings.roleMissing")
          : t("delivery.settings.roleUnknown", { reason: role.problem?.message ?? "" });

  return (
    <SettingsTextField
      className="role-field"
      label={t("delivery.settings.roleArn")}
      name="roleArn"
      value={value}
      hint={<span className="role-status" data-exists={String(role?.exists ?? "unknown")}>{status}</span>}
      issues={issues}
      onChange={onChange}
    >
      {role?.exists === false && (
        <div className="form-actions">
          <button type="button" id="create-role" onClick={create} disabled={creating}>
            {creating ? t("delivery.settings.roleCreating") : t("delivery.settings.roleCreate")}
          </button>
        </div>
      )}
      {createError && <ErrorNotice error={createError} />}
      {role && role.exists !== true && (
        <p className="field-hint">
          {t("delivery.settings.roleDoc")} <code className="doc-url">{role.docUrl}</code>
        </p>
      )}
    </SettingsTextField>
  );
}
