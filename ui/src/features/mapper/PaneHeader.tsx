import type { KeyboardEvent, Ref } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  titleId: string;
  title: string;
  shown: number;
  total: number;
  filterLabel: string;
  filter: string;
  onFilter: (filter: string) => void;
  onFilterKeyDown?: (event: KeyboardEvent) => void;
  filterRef?: Ref<HTMLInputElement>;
}

/** A pane's title with how many of its rows the filter shows, and the filter box. */
export function PaneHeader({ titleId, title, shown, total, filterLabel, filter, onFilter, onFilterKeyDown, filterRef }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <header className="mapper-pane-header">
        <h2 id={titleId}>{title}</h2>
        <span className="mapper-pane-count">{t("mapper.shownOf", { shown, total })}</span>
      </header>
      <input
        ref={filterRef}
        type="search"
        className="mapper-filter"
        aria-label={filterLabel}
        placeholder={t("mapper.filterPlaceholder")}
        value={filter}
        onChange={(event) => {
          onFilter(event.target.value);
        }}
        onKeyDown={onFilterKeyDown}
      />
    </>
  );
}
