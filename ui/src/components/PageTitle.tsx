import { useEffect, useRef } from "react";
import type { ReactNode } from "react";

interface Props {
  id?: string;
  children: ReactNode;
}

/**
 * Whether the focus is on nothing the user still needs: the page body, or a control in a
 * navigation landmark (the step list), whose job is done once the new screen is shown.
 */
function focusIsStale(focused: Element | null): boolean {
  return focused === null || focused === document.body || focused.closest("nav") !== null;
}

/**
 * A screen's h1. When a screen replaces another, the button that had the focus is gone (the
 * focus falls back to the page body) or was a step in the step list; the new title takes it,
 * so keyboard and screen-reader users continue from the top of the new screen instead of from
 * nowhere, or from a control that has done its job.
 */
export function PageTitle({ id, children }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusIsStale(document.activeElement)) ref.current?.focus();
  }, []);
  return (
    <h1 id={id} ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
