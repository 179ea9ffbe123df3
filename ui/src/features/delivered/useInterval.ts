import { useEffect, useRef } from "react";

/** Calls `tick` every `ms` milliseconds while `ms` is not null. */
export function useInterval(tick: () => void, ms: number | null): void {
  const latest = useRef(tick);
  useEffect(() => {
    latest.current = tick;
  }, [tick]);
  useEffect(() => {
    if (ms === null) return;
    const timer = setInterval(() => {
      latest.current();
    }, ms);
    return () => {
      clearInterval(timer);
    };
  }, [ms]);
}
