import { useEffect, useRef } from "react";
import type { ReactNode } from "react";

interface Props {
  /** The id of the element naming the dialog (its heading). */
  labelledBy: string;
  describedBy?: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
}

/**
 * A modal dialog: focus moves in when it opens, Tab stays inside, Escape closes it, and focus
 * returns to whatever had it before (usually the button that opened it).
 */
export function Dialog({ labelledBy, describedBy, onClose, children, className }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  // The latest onClose without re-running the effect (which would steal focus again).
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const autofocus = box.querySelector<HTMLElement>("[data-autofocus]");
    (autofocus ?? focusables(box)[0] ?? box).focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        closeRef.current();
        return;
      }
      if (event.key !== "Tab") return;
      const items = focusables(box);
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      const inside = box.contains(document.activeElement);
      if (event.shiftKey && (document.activeElement === first || !inside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  return (
    <div className="dialog-backdrop">
      <div
        ref={boxRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        className={className ? `dialog ${className}` : "dialog"}
        tabIndex={-1}
      >
        {children}
      </div>
    </div>
  );
}
