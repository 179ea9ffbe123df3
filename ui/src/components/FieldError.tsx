import type { IpcError } from "../bindings/IpcError";

interface Props {
  id: string;
  /** A message already in the user's language (a local check), or a coded error from Rust. */
  text?: string | null;
  error?: IpcError | null;
}

/** The problem with one form field, placed right under it and linked by `aria-describedby`. */
export function FieldError({ id, text, error }: Props) {
  if (error) {
    return (
      <p id={id} className="field-error" data-error-code={error.code}>
        {error.message}
        {error.remedy && (
          <>
            {" "}
            <span className="remedy">{error.remedy}</span>
          </>
        )}
      </p>
    );
  }
  if (!text) return null;
  return (
    <p id={id} className="field-error">
      {text}
    </p>
  );
}
