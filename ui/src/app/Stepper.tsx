import { useId } from "react";
import { useTranslation } from "react-i18next";

export type Step = "profile" | "pick" | "schema" | "mapper" | "settings" | "review" | "tasks";

const WIZARD: readonly Step[] = ["profile", "pick", "schema", "mapper", "settings", "review"];
/** Steps that later issues build; shown so the user sees the whole path. */
const LATER: ReadonlySet<Step> = new Set(["mapper", "settings", "review"]);
/** Steps that need a profile to show anything. */
const NEEDS_PROFILE: ReadonlySet<Step> = new Set(["pick", "tasks"]);

interface Props {
  current: Step;
  hasProfile: boolean;
  /** A source table is chosen, so its schema can be read. */
  hasTable: boolean;
  onGo: (step: Step) => void;
}

/** Where the user is in the path from a profile to a delivery task, and the tasks view. */
export function Stepper({ current, hasProfile, hasTable, onGo }: Props) {
  const { t } = useTranslation();
  const laterId = useId();
  const needsProfileId = useId();
  const needsTableId = useId();

  const item = (step: Step, index: number | null) => {
    const reasonId = LATER.has(step)
      ? laterId
      : NEEDS_PROFILE.has(step) && !hasProfile
        ? needsProfileId
        : step === "schema" && !hasTable
          ? needsTableId
          : undefined;
    const blocked = reasonId !== undefined;
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
          {t(`steps.${step}`)}
        </button>
      </li>
    );
  };

  return (
    <nav className="stepper" aria-label={t("steps.label")}>
      <ol className="step-list">{WIZARD.map((step, index) => item(step, index))}</ol>
      <p id={laterId} className="step-reason">
        {t("steps.later")}
      </p>
      <ul className="step-list step-extra">{item("tasks", null)}</ul>
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
