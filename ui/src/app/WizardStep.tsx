import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { DeliveryTaskView } from "../bindings/DeliveryTaskView";
import type { TaskDraft } from "../bindings/TaskDraft";
import type { TypeRule } from "../bindings/TypeRule";
import { ErrorNotice } from "../components/ErrorNotice";
import { SettingsPage } from "../features/delivery-settings/SettingsPage";
import { DraftsPage } from "../features/drafts/DraftsPage";
import { SaveDraftDialog } from "../features/drafts/SaveDraftDialog";
import { ReviewPage } from "../features/review/ReviewPage";
import { SchemaPage } from "../features/schema/SchemaPage";
import { MapperStep } from "./MapperStep";
import type { Step } from "./Stepper";
import type { Load } from "./useLoad";
import type { TableSource } from "./useTableSource";
import type { TaskDraftState } from "./useTaskDraft";

export type WizardView = "schema" | "mapper" | "settings" | "review" | "drafts";

const NEXT: Partial<Record<WizardView, "mapper" | "settings" | "review">> = { schema: "mapper", mapper: "settings", settings: "review" };

interface Props {
  view: WizardView;
  profile: string;
  table: string | null;
  source: TableSource;
  wizard: TaskDraftState;
  rules: Load<TypeRule[]>;
  onRetryRules: () => void;
  onGo: (step: Step) => void;
  onReopen: (draft: TaskDraft) => void;
  onCreated: (task: DeliveryTaskView) => void;
}

/** The steps from the table's columns to the created task, sharing one draft and its review. */
export function WizardStep({ view, profile, table, source, wizard, rules, onRetryRules, onGo, onReopen, onCreated }: Props) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const { draft } = wizard;

  if (view === "drafts") return <DraftsPage onOpen={onReopen} />;
  if (table === null || draft === null) return <p>{t("delivery.wizard.chooseTable")}</p>;

  const next = NEXT[view];
  return (
    <>
      {view === "schema" && (
        <SchemaPage
          key={`${profile}/${table}`}
          profile={profile}
          table={table}
          declared={source.declared}
          onRetryDeclared={source.reloadDeclared}
          sample={source.sample}
          onSampled={source.setSample}
        />
      )}
      {view === "mapper" &&
        (rules.status === "failed" ? (
          <ErrorNotice error={rules.error} onRetry={onRetryRules} />
        ) : (
          <MapperStep
            table={table}
            columns={source.columns}
            sampledRows={source.sampledRows}
            rules={rules.status === "ready" ? rules.value : []}
            draft={draft}
            review={wizard.review}
            onChange={(schema) => {
              wizard.update({ schema });
            }}
          />
        ))}
      {view === "settings" && (
        <SettingsPage
          profile={profile}
          draft={draft}
          review={wizard.review}
          reviewError={wizard.reviewError}
          columns={source.columns}
          role={wizard.role}
          roleError={wizard.roleError}
          onChange={wizard.update}
          onRoleChanged={wizard.setRole}
        />
      )}
      {view === "review" && (
        <ReviewPage
          profile={profile}
          draft={draft}
          review={wizard.review}
          reviewError={wizard.reviewError}
          checking={wizard.checking}
          onGoTo={onGo}
          onSaveDraft={() => {
            setSavedAs(null);
            setSaving(true);
          }}
          onCreated={onCreated}
        />
      )}
      {savedAs && (
        <p role="status" className="saved-draft">
          {t("delivery.drafts.saved", { name: savedAs })}
        </p>
      )}
      {next && (
        <div className="wizard-next">
          {/* One button per step (keyed): the pressed one leaves with its step, so the focus
              cannot stay on the next step's button and a second Enter cannot skip that step. */}
          <button
            key={view}
            type="button"
            id="wizard-next"
            onClick={() => {
              onGo(next);
            }}
          >
            {t("delivery.wizard.next", { step: t(`steps.${next}`) })}
          </button>
        </div>
      )}
      {saving && (
        <SaveDraftDialog
          draft={draft}
          onSaved={(summary) => {
            setSaving(false);
            setSavedAs(summary.name);
          }}
          onClose={() => {
            setSaving(false);
          }}
        />
      )}
    </>
  );
}
