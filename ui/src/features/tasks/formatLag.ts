const UNITS = [
  { unit: "day", ms: 86_400_000 },
  { unit: "hour", ms: 3_600_000 },
  { unit: "minute", ms: 60_000 },
  { unit: "second", ms: 1000 },
] as const;

/** How far delivery is behind now, in the largest whole unit: "3 min", "2 hr", "5 天". */
export function formatLag(lagMs: number, locale: string): string {
  const lag = Math.max(0, lagMs);
  const { unit, ms } = UNITS.find((candidate) => lag >= candidate.ms) ?? UNITS[3];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 0 }).format(
    Math.floor(lag / ms),
  );
}
