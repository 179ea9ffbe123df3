import { useTranslation } from "react-i18next";

import type { TypeCount } from "../../bindings/TypeCount";

/** The types a column holds as a stacked bar, one segment per type, and the counts as text. */
export function TypeBars({ types }: { types: readonly TypeCount[] }) {
  const { t } = useTranslation();
  const total = types.reduce((sum, count) => sum + count.rows, 0);
  if (types.length === 0) return <span className="type-bars-empty">{t("mapper.noTypes")}</span>;
  return (
    <span className="type-bars">
      {total > 0 && (
        <span className="type-bar" aria-hidden="true">
          {types.map((count) => (
            <span key={count.tablestoreType} className="type-bar-segment" data-type={count.tablestoreType} style={{ width: `${String((count.rows / total) * 100)}%` }} />
          ))}
        </span>
      )}
      <span className="type-legend">
        {types.map((count, index) => (
          <span key={count.tablestoreType} className="type-legend-item" data-type={count.tablestoreType}>
            {index > 0 && " · "}
            {total > 0 ? t("mapper.typeCount", { type: count.tablestoreType, rows: count.rows }) : count.tablestoreType}
          </span>
        ))}
      </span>
    </span>
  );
}
