import { useEffect, useRef } from "react";
import type { ReactNode } from "react";

interface Props {
  id?: string;
  children: ReactNode;
}

/**
 * A screen's h1. When a screen replaces another, the button that had the focus is gone and
 * the focus falls back to the page body; the new title takes it, so keyboard and screen-reader
 * users continue from the top of the new screen instead of from nowhere.
 */
export function PageTitle({ id, children }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const focused = document.activeElement;
    if (focused === null || focused === document.body) ref.current?.focus();
  }, []);
  return (
    <h1 id={id} ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
