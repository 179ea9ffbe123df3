import { useId } from "react";
import { useTranslation } from "react-i18next";

export type Step = "profile" | "pick" | "schema" | "mapper" | "settings" | "review" | "tasks" | "drafts";

const WIZARD: readonly Step[] = ["profile", "pick", "schema", "mapper", "settings", "review"];
/** Steps that need a profile to show anything. */
const NEEDS_PROFILE: ReadonlySet<Step> = new Set(["pick", "tasks", "drafts"]);
/** Steps that work on the chosen source table. */
const NEEDS_TABLE: ReadonlySet<Step> = new Set(["schema", "mapper", "settings", "review"]);

interface Props {
  current: Step;
  hasProfile: boolean;
  /** A source table is chosen, so its schema can be read and a task drafted. */
  hasTable: boolean;
  /** Errors that block creating the task, per step where they are fixed. */
  blocking?: Partial<Record<Step, number>>;
  onGo: (step: Step) => void;
}

/** Where the user is in the path from a profile to a delivery task, the tasks view and drafts. */
export function Stepper({ current, hasProfile, hasTable, blocking = {}, onGo }: Props) {
  const { t } = useTranslation();
  const needsProfileId = useId();
  const needsTableId = useId();

  const label = (step: Step) => (step === "drafts" ? t("delivery.drafts.step") : t(`steps.${step}`));

  const item = (step: Step, index: number | null) => {
    const reasonId =
      NEEDS_PROFILE.has(step) && !hasProfile
        ? needsProfileId
        : NEEDS_TABLE.has(step) && !hasTable
          ? needsTableId
          : undefined;
    const blocked = reasonId !== undefined;
    const errors = blocked ? 0 : (blocking[step] ?? 0);
    return (
      <li key={step} className="step" data-step={step} data-blocked={blocked}>
        <button
          type="button"
          className="step-button"
          aria-current={step === current ? "step" : undefined}
          aria-disabled={blocked ? true : undefined}
          aria-describedby={reasonId}
          onClick={() => {
            if (!blocked) onGo(step);
          }}
        >
          {index !== null && (
            <span className="step-number" aria-hidden="true">
              {index + 1}
            </span>
          )}
          {label(step)}
          {errors > 0 && (
            <>
              <span className="step-badge" data-testid={`step-badge-${step}`} aria-hidden="true">
                {errors}
              </span>
              <span className="visually-hidden">{t("delivery.stepper.blocking", { count: errors })}</span>
            </>
          )}
        </button>
      </li>
    );
  };

  return (
    <nav className="stepper" aria-label={t("steps.label")}>
      <ol className="step-list">{WIZARD.map((step, index) => item(step, index))}</ol>
      <ul className="step-list step-extra">
        {item("tasks", null)}
        {item("drafts", null)}
      </ul>
      {!hasProfile && (
        <p id={needsProfileId} className="visually-hidden">
          {t("steps.needsProfile")}
        </p>
      )}
      {!hasTable && (
        <p id={needsTableId} className="visually-hidden">
          {t("steps.needsTable")}
        </p>
      )}
    </nav>
  );
}
