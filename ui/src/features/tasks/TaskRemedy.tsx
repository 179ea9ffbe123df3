import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { DeliveryRoleStatus } from "../../bindings/DeliveryRoleStatus";
import type { IpcError } from "../../bindings/IpcError";
import { queryKeys } from "../../app/queryKeys";
import { ErrorNotice } from "../../components/ErrorNotice";
import { CommandFailed, createDeliveryRole, deliveryRole } from "../../ipc";

interface Props {
  profile: string;
  table: string;
  task: string;
  /** The code the service reported for the task (`UNAUTHORIZED`, `INVALID_OSS_BUCKET`). */
  errorCode: string;
  /** The instance's region, named in the bucket remedy when known. */
  region?: string | null;
  /** Opens the wizard's source and destination step for `table`. */
  onOpenWizard?: (table: string) => void;
}

/** The one-click way out of a task's reported problem, next to the problem itself. */
export function TaskRemedy({ profile, table, task, errorCode, region = null, onOpenWizard }: Props) {
  const { t } = useTranslation();
  if (errorCode === "UNAUTHORIZED") return <RoleRemedy profile={profile} task={task} />;
  if (errorCode !== "INVALID_OSS_BUCKET") return null;
  return (
    <div className="task-remedy">
      <p>{region ? t("watch.remedy.bucketRegion", { region }) : t("watch.remedy.bucketAnyRegion")}</p>
      {onOpenWizard && (
        <button
          type="button"
          className="secondary"
          data-remedy="bucket"
          onClick={() => {
            onOpenWizard(table);
          }}
        >
          {t("watch.remedy.chooseBucket", { table })}
        </button>
      )}
    </div>
  );
}

type RoleState =
  | { step: "idle" }
  | { step: "busy"; label: string }
  | { step: "known"; role: DeliveryRoleStatus; created: boolean }
  | { step: "failed"; error: IpcError; role: DeliveryRoleStatus | null };

/** Looks the delivery role up and, when it is missing and the keys may, creates it here. */
function RoleRemedy({ profile, task }: { profile: string; task: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [state, setState] = useState<RoleState>({ step: "idle" });
  const role = state.step === "known" || state.step === "failed" ? state.role : null;

  const run = (label: string, command: () => Promise<DeliveryRoleStatus>, created: boolean) => {
    setState({ step: "busy", label });
    command().then(
      (found) => {
        // What the user just asked for is the freshest answer: the wizard's role field uses it too.
        queryClient.setQueryData(queryKeys.roleStatus(profile), found);
        setState({ step: "known", role: found, created });
      },
      (reason: unknown) => {
        if (reason instanceof CommandFailed) setState({ step: "failed", error: reason.error, role });
        else throw reason;
      },
    );
  };

  return (
    <div className="task-remedy">
      {state.step === "idle" && (
        <button
          type="button"
          className="secondary"
          data-remedy="role"
          onClick={() => {
            run(t("watch.remedy.checkingRole"), () => deliveryRole(profile), false);
          }}
        >
          {t("watch.remedy.fixRole")}
        </button>
      )}
      <div aria-live="polite" data-task={task}>
        {state.step === "busy" && <p className="loading">{state.label}</p>}
        {role && <RoleStatusText role={role} created={state.step === "known" && state.created} />}
      </div>
      {role?.exists === false && state.step !== "busy" && (
        <button
          type="button"
          data-remedy="create-role"
          onClick={() => {
            run(t("watch.remedy.creatingRole"), () => createDeliveryRole(profile), true);
          }}
        >
          {t("watch.remedy.createRole")}
        </button>
      )}
      {state.step === "failed" && <ErrorNotice error={state.error} />}
    </div>
  );
}

function RoleStatusText({ role, created }: { role: DeliveryRoleStatus; created: boolean }) {
  const { t } = useTranslation();
  const arn = role.roleArn ?? "";
  if (role.exists === true) {
    return <p className="role-status">{created ? t("watch.remedy.roleCreated", { arn }) : t("watch.remedy.roleExists", { arn })}</p>;
  }
  return (
    <>
      <p className="role-status">
        {role.exists === false
          ? t("watch.remedy.roleMissing", { account: role.accountId ?? "?" })
          : t("watch.remedy.roleUnknown", { reason: role.problem?.message ?? "" })}
      </p>
      <p className="field-hint">
        {t("watch.remedy.roleDoc")} <code className="doc-url">{role.docUrl}</code>
      </p>
    </>
  );
}
