import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { Step } from "../../app/Stepper";
import type { DeliveryTaskView } from "../../bindings/DeliveryTaskView";
import type { DraftReview } from "../../bindings/DraftReview";
import type { IpcError } from "../../bindings/IpcError";
import type { TaskDraft } from "../../bindings/TaskDraft";
import { queryKeys } from "../../app/queryKeys";
import { ErrorNotice } from "../../components/ErrorNotice";
import { PageTitle } from "../../components/PageTitle";
import { CommandFailed, createDeliveryTask } from "../../ipc";
import { CopyButton } from "./CopyButton";
import { ExportPanel } from "./ExportPanel";
import { IssueList } from "./IssueList";
import { ParquetPreviewTable } from "./ParquetPreviewTable";
import { prettyJson } from "./prettyJson";
import { DraftSummaryList } from "./DraftSummaryList";

interface Props {
  profile: string;
  draft: TaskDraft;
  review: DraftReview | null;
  reviewError: IpcError | null;
  /** A check for the latest change has not answered yet. */
  checking: boolean;
  onGoTo: (step: Step) => void;
  onSaveDraft: () => void;
  onCreated: (task: DeliveryTaskView) => void;
}

/** The draft as it will be sent, what it will write, and the one button that creates it. */
export function ReviewPage({ profile, draft, review, reviewError, checking, onGoTo, onSaveDraft, onCreated }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<IpcError | null>(null);
  const errors = review?.issues.filter((issue) => issue.severity === "error").length ?? 0;

  const blockedBecause =
    review === null || checking
      ? checking
        ? t("delivery.review.waitCheck")
        : t("delivery.review.noCheck")
      : errors > 0
        ? t("delivery.review.fixErrors", { count: errors })
        : review.requestJson === null
          ? t("delivery.review.noRequest")
          : null;

  const create = () => {
    if (creating || blockedBecause !== null) return;
    setCreating(true);
    setCreateError(null);
    createDeliveryTask(profile, draft)
      .then((created) => {
        // The new task shows in every list of the profile's tasks, cached or not.
        void queryClient.invalidateQueries({ queryKey: queryKeys.tasksOf(profile) });
        onCreated(created);
      }, (reason: unknown) => {
        // The draft stays exactly as it is: fix the cause, then create again.
        if (reason instanceof CommandFailed) setCreateError(reason.error);
        else throw reason;
      })
      .finally(() => {
        setCreating(false);
      });
  };

  return (
    <main className="review-page" aria-labelledby="review-title">
      <PageTitle id="review-title">{t("delivery.review.title", { table: draft.tableName })}</PageTitle>
      {reviewError && <ErrorNotice error={reviewError} />}
      <section aria-labelledby="review-summary-title">
        <h2 id="review-summary-title">{t("delivery.review.summary")}</h2>
        <DraftSummaryList draft={draft} />
      </section>
      <section aria-labelledby="review-issues-title">
        <h2 id="review-issues-title">{t("delivery.review.issues")}</h2>
        {review ? <IssueList issues={review.issues} onGoTo={onGoTo} /> : <p className="loading">{t("app.loading")}</p>}
      </section>
      <section aria-labelledby="review-create-title" className="create-section">
        <h2 id="review-create-title">{t("delivery.review.createTitle")}</h2>
        <div className="form-actions">
          <button
            type="button"
            id="create-task"
            onClick={create}
            disabled={creating || blockedBecause !== null}
            aria-describedby={blockedBecause !== null ? "create-blocked" : undefined}
          >
            {creating ? t("delivery.review.creating") : t("delivery.review.create")}
          </button>
          <button type="button" className="secondary" id="save-draft" onClick={onSaveDraft}>
            {t("delivery.drafts.save")}
          </button>
        </div>
        {blockedBecause !== null && !creating && (
          <p id="create-blocked" className="field-hint">
            {blockedBecause}
          </p>
        )}
        {creating && (
          <p role="status" className="creating">
            <progress aria-label={t("delivery.review.creating")} /> {t("delivery.review.creatingLong")}
          </p>
        )}
        {createError && <ErrorNotice error={createError} />}
      </section>
      <section aria-labelledby="review-request-title">
        <h2 id="review-request-title">{t("delivery.review.request")}</h2>
        {review?.requestJson ? (
          <>
            <p className="field-hint">{t("delivery.review.requestHint")}</p>
            <CopyButton text={prettyJson(review.requestJson)} label={t("delivery.review.copyRequest")} />
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable block must be reachable by keyboard (axe: scrollable-region-focusable) */}
            <pre className="code-block" id="request-json" role="group" tabIndex={0} aria-labelledby="review-request-title">
              <code>{prettyJson(review.requestJson)}</code>
            </pre>
          </>
        ) : (
          <p className="field-hint">{t("delivery.review.requestBlocked")}</p>
        )}
      </section>
      <section aria-labelledby="review-parquet-title">
        <h2 id="review-parquet-title">{t("delivery.review.parquet")}</h2>
        {draft.schema.length === 0 ? (
          <p className="field-hint">{t("delivery.review.parquetEmpty")}</p>
        ) : review !== null && review.sampledRows === 0 ? (
          <p className="field-hint">
            {t("delivery.review.parquetNoSample")}{" "}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onGoTo("schema");
              }}
            >
              {t("delivery.review.goTo", { step: t("steps.schema") })}
            </button>
          </p>
        ) : (
          <ParquetPreviewTable profile={profile} draft={draft} />
        )}
      </section>
      <section aria-labelledby="review-export-title">
        <h2 id="review-export-title">{t("delivery.review.export")}</h2>
        {review?.requestJson ? (
          <ExportPanel profile={profile} draft={draft} />
        ) : (
          <p className="field-hint">{t("delivery.review.exportBlocked")}</p>
        )}
      </section>
    </main>
  );
}
