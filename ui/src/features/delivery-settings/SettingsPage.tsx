import { useTranslation } from "react-i18next";

import { issuesOf } from "../../app/issueSteps";
import type { ColumnProfile } from "../../bindings/ColumnProfile";
import type { DeliveryRoleStatus } from "../../bindings/DeliveryRoleStatus";
import type { DraftReview } from "../../bindings/DraftReview";
import type { IpcError } from "../../bindings/IpcError";
import type { TaskDraft } from "../../bindings/TaskDraft";
import { ErrorNotice } from "../../components/ErrorNotice";
import { PageTitle } from "../../components/PageTitle";
import { DestinationFields } from "./DestinationFields";
import { EventTimeField } from "./EventTimeField";
import { PrefixField } from "./PrefixField";
import { RoleField } from "./RoleField";
import { TaskNameField } from "./TaskNameField";
import { TaskTypeField } from "./TaskTypeField";

interface Props {
  profile: string;
  draft: TaskDraft;
  review: DraftReview | null;
  reviewError: IpcError | null;
  /** The source columns, for the event-time choice. */
  columns: readonly ColumnProfile[];
  role: DeliveryRoleStatus | null;
  roleError: IpcError | null;
  onChange: (patch: Partial<TaskDraft>) => void;
  onRoleChanged: (role: DeliveryRoleStatus) => void;
}

/** Task name and type, destination, prefix, event time and role, each checked live in Rust. */
export function SettingsPage({ profile, draft, review, reviewError, columns, role, roleError, onChange, onRoleChanged }: Props) {
  const { t } = useTranslation();
  const issues = review?.issues ?? [];
  return (
    <main className="settings-page" aria-labelledby="settings-title">
      <PageTitle id="settings-title">{t("delivery.settings.title", { table: draft.tableName })}</PageTitle>
      {reviewError && <ErrorNotice error={reviewError} />}
      <form
        className="settings-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <TaskNameField
          value={draft.taskName}
          issues={issuesOf(issues, "taskName")}
          onChange={(taskName) => {
            onChange({ taskName });
          }}
        />
        <TaskTypeField
          value={draft.taskType}
          onChange={(taskType) => {
            onChange({ taskType });
          }}
        />
        <DestinationFields
          bucket={draft.ossBucket}
          endpoint={draft.ossEndpoint}
          bucketIssues={issuesOf(issues, "ossBucket")}
          endpointIssues={issuesOf(issues, "ossEndpoint")}
          instanceRegion={review?.instanceRegion ?? null}
          bucketRegion={review?.bucketRegion ?? null}
          onBucket={(ossBucket) => {
            onChange({ ossBucket });
          }}
          onEndpoint={(ossEndpoint) => {
            onChange({ ossEndpoint });
          }}
        />
        <PrefixField
          value={draft.ossPrefix}
          issues={issuesOf(issues, "ossPrefix")}
          preview={review?.prefixPreview ?? null}
          onChange={(ossPrefix) => {
            onChange({ ossPrefix });
          }}
        />
        <EventTimeField
          value={draft.eventTime}
          columns={columns}
          issues={issuesOf(issues, "eventTime")}
          check={review?.eventTimeCheck ?? null}
          onChange={(eventTime) => {
            onChange({ eventTime });
          }}
        />
        <RoleField
          profile={profile}
          value={draft.roleArn}
          issues={issuesOf(issues, "roleArn")}
          role={role}
          roleError={roleError}
          onChange={(roleArn) => {
            onChange({ roleArn });
          }}
          onRoleCreated={onRoleChanged}
        />
      </form>
    </main>
  );
}
