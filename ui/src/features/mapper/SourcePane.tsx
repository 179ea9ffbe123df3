import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

import type { ColumnProfile } from "../../bindings/ColumnProfile";
import { filterIndexes } from "./mapperModel";
import { PaneHeader } from "./PaneHeader";
import { SOURCE_ROW_HEIGHT, SourceRow } from "./SourceRow";

interface Props {
  columns: readonly ColumnProfile[];
  sampled: boolean;
  mappedCounts: ReadonlyMap<string, number>;
  onAdd: (column: ColumnProfile) => void;
}

const nameOf = (column: ColumnProfile) => column.name;

function rowButton(list: HTMLElement | null, index: number): HTMLButtonElement | null {
  return list?.querySelector<HTMLButtonElement>(`[data-source-index="${String(index)}"] button`) ?? null;
}

/** The source columns, filterable and virtualised; one row is in the Tab order, arrows move between rows. */
export function SourcePane({ columns, sampled, mappedCounts, onAdd }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const hintId = useId();
  const [filter, setFilter] = useState("");
  const [active, setActive] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef<number | null>(null);

  const shown = useMemo(() => filterIndexes(columns, filter, nameOf), [columns, filter]);
  const count = shown ? shown.length : columns.length;
  const activeIndex = Math.min(active, Math.max(0, count - 1));

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions change every render; nothing memoises on them.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => SOURCE_ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 300, height: 320 },
  });

  // Focus follows the active row once it is rendered (it may have just scrolled into view).
  useLayoutEffect(() => {
    const index = focusNext.current;
    if (index === null) return;
    const button = rowButton(scrollRef.current, index);
    if (button) {
      focusNext.current = null;
      button.focus();
    }
  });

  const latestCount = useRef(count);
  useLayoutEffect(() => {
    latestCount.current = count;
  });
  const scrollToIndex = virtualizer.scrollToIndex;
  const latestScroll = useRef(scrollToIndex);
  useLayoutEffect(() => {
    latestScroll.current = scrollToIndex;
  });

  const goTo = useCallback((index: number) => {
    const clamped = Math.max(0, Math.min(latestCount.current - 1, index));
    setActive(clamped);
    latestScroll.current(clamped);
    // A row already on screen takes focus now; one scrolled into view takes it once rendered.
    const button = rowButton(scrollRef.current, clamped);
    if (button) button.focus();
    else focusNext.current = clamped;
  }, []);

  const onNavigate = useCallback(
    (index: number, event: KeyboardEvent) => {
      const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 320) / SOURCE_ROW_HEIGHT));
      const targets: Record<string, number> = {
        ArrowDown: index + 1,
        ArrowUp: index - 1,
        Home: 0,
        End: latestCount.current - 1,
        PageDown: index + page,
        PageUp: index - page,
      };
      const to = targets[event.key];
      if (to === undefined) return;
      event.preventDefault();
      goTo(to);
    },
    [goTo],
  );

  const items = virtualizer.getVirtualItems();
  // When the active row scrolled out of view, the first row shown keeps the list in the Tab order.
  const activeRendered = items.some((item) => item.index === activeIndex);

  const onFilterKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowDown" || count === 0) return;
    event.preventDefault();
    goTo(activeIndex);
  };

  return (
    <section className="mapper-pane source-pane" aria-labelledby={titleId}>
      <PaneHeader
        titleId={titleId}
        title={t("mapper.sourceTitle")}
        shown={count}
        total={columns.length}
        filterLabel={t("mapper.filterSource")}
        filter={filter}
        onFilter={(text) => {
          setFilter(text);
          setActive(0);
        }}
        onFilterKeyDown={onFilterKeyDown}
      />
      <p id={hintId} className="mapper-sr-only">
        {t("mapper.sourceHint")}
      </p>
      <div ref={scrollRef} className="list-scroll mapper-scroll source-scroll">
        {count === 0 ? (
          <p className="mapper-empty">{columns.length === 0 ? t("mapper.noSource") : t("mapper.noSourceMatch")}</p>
        ) : (
          <div role="list" aria-labelledby={titleId} className="mapper-list" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const column = shown ? columns[shown[item.index] ?? -1] : columns[item.index];
              if (!column) return null;
              return (
                <SourceRow
                  key={column.name}
                  column={column}
                  index={item.index}
                  start={item.start}
                  mappedCount={mappedCounts.get(column.name) ?? 0}
                  sampled={sampled}
                  tabbable={item.index === (activeRendered ? activeIndex : items[0]?.index)}
                  onAdd={onAdd}
                  onNavigate={onNavigate}
                  onFocusRow={setActive}
                  describedBy={hintId}
                />
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
