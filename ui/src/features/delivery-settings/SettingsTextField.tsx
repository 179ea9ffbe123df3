import { useId } from "react";
import type { ReactNode } from "react";

import type { Issue } from "../../bindings/Issue";
import { describedBy, FieldIssues, hasError } from "./FieldIssues";

interface Props {
  label: string;
  /** The draft field's name, also a stable hook for tests (`input[name=taskName]`). */
  name: string;
  value: string;
  /** A line under the field that says what goes in it (or its current state). */
  hint: ReactNode;
  issues: readonly Issue[];
  onChange: (value: string) => void;
  /** Anything shown after the issues, e.g. an action that fixes the field. */
  children?: ReactNode;
  className?: string;
}

/** One text setting: label, input, hint, and Rust's findings right under it. */
export function SettingsTextField({ label, name, value, hint, issues, onChange, children, className }: Props) {
  const id = useId();
  const hintId = useId();
  const issuesId = useId();
  return (
    <div className={className ? `form-field ${className}` : "form-field"}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={hasError(issues) ? true : undefined}
        aria-describedby={describedBy(hintId, issues.length > 0 && issuesId)}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      <p id={hintId} className="field-hint">
        {hint}
      </p>
      <FieldIssues id={issuesId} issues={issues} />
      {children}
    </div>
  );
}
