import { useVirtualizer } from "@tanstack/react-virtual";
import { useId, useMemo, useRef, useState } from "react";
import type { KeyboardEvent } from "react";

export interface ListItem {
  id: string;
  label: string;
  /** Secondary text, e.g. a bucket's region. */
  detail?: string;
  /** Why the item cannot be chosen; the item is shown but disabled. */
  disabledReason?: string;
}

interface Props {
  label: string;
  filterPlaceholder: string;
  emptyText: string;
  items: readonly ListItem[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** A one-line row; taller rows are measured. */
const ROW_HEIGHT = 34;

/** A filterable list that stays smooth with 10,000 items: only visible rows are rendered. */
export function SearchableList({ label, filterPlaceholder, emptyText, items, selectedId, onSelect }: Props) {
  const [filter, setFilter] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);

  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return needle ? items.filter((item) => item.label.toLowerCase().includes(needle)) : items;
  }, [items, filter]);

  // The virtualizer's functions change every render; nothing below memoizes on them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    // Measured sizes follow the item, not its position: after filtering, a row React keeps
    // (same key) at a new index would otherwise take the size measured for another item.
    getItemKey: (index) => visible[index]?.id ?? index,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows are measured: the reason an item cannot be chosen wraps onto more lines.
    // jsdom measures every box as 0 high; keep the estimate there.
    measureElement: (element) => element.getBoundingClientRect().height || ROW_HEIGHT,
    overscan: 8,
    // jsdom has no layout; start with a window's worth of rows so tests see some.
    initialRect: { width: 300, height: 320 },
  });

  const move = (to: number) => {
    const clamped = Math.max(0, Math.min(visible.length - 1, to));
    setActive(clamped);
    virtualizer.scrollToIndex(clamped);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown") move(active + 1);
    else if (event.key === "ArrowUp") move(active - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(visible.length - 1);
    else if (event.key === "Enter") {
      const item = visible[active];
      if (item && !item.disabledReason) onSelect(item.id);
    } else return;
    event.preventDefault();
  };

  const activeItem = visible[active];
  return (
    <div className="searchable-list">
      <input
        type="search"
        aria-label={label}
        aria-controls={listId}
        aria-activedescendant={activeItem ? `${listId}-${activeItem.id}` : undefined}
        placeholder={filterPlaceholder}
        value={filter}
        onChange={(event) => {
          setFilter(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {visible.length === 0 ? (
        <p className="list-empty">{emptyText}</p>
      ) : (
        <div ref={scrollRef} className="list-scroll">
          <div
            id={listId}
            role="listbox"
            aria-label={label}
            style={{ height: virtualizer.getTotalSize(), position: "relative" }}
          >
            {virtualizer.getVirtualItems().map((row) => {
              const item = visible[row.index];
              if (!item) return null;
              const disabled = item.disabledReason !== undefined;
              return (
                <div
                  key={item.id}
                  ref={virtualizer.measureElement}
                  data-index={row.index}
                  id={`${listId}-${item.id}`}
                  role="option"
                  aria-selected={item.id === selectedId}
                  aria-disabled={disabled}
                  className={row.index === active ? "list-row active" : "list-row"}
                  style={{ position: "absolute", top: 0, transform: `translateY(${row.start}px)`, minHeight: ROW_HEIGHT }}
                  title={[item.label, item.detail, item.disabledReason].filter(Boolean).join(" — ")}
                  onClick={() => {
                    setActive(row.index);
                    if (!disabled) onSelect(item.id);
                  }}
                  onKeyDown={onKeyDown}
                  tabIndex={-1}
                >
                  <span className="list-label">{item.label}</span>
                  {item.detail && <span className="list-detail">{item.detail}</span>}
                  {item.disabledReason && <span className="list-reason">{item.disabledReason}</span>}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
