import { useId, useMemo, useState } from "react";
import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

import type { KnownRegion } from "../../bindings/KnownRegion";
import type { InputProps } from "./formModel";

interface Props extends InputProps {
  regions: readonly KnownRegion[];
  /** A known region chosen from the list. */
  onPick: (id: string) => void;
}

/** Known regions whose ID or name (in either language) contains what was typed. */
export function matchRegions(regions: readonly KnownRegion[], typed: string): KnownRegion[] {
  const needle = typed.trim().toLowerCase();
  if (!needle) return [...regions];
  return regions.filter(
    (region) =>
      region.id.includes(needle) || region.nameEn.toLowerCase().includes(needle) || region.nameZh.includes(needle),
  );
}

/**
 * A region combobox: typing filters the known regions (by ID, English or Chinese name), arrows
 * and Enter pick one, Escape closes the list. Any well-formed ID may be typed, since Alibaba
 * Cloud adds regions; the form checks its shape.
 */
export function RegionField({ regions, onChange, onPick, ...input }: Props) {
  const { i18n } = useTranslation();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const chinese = i18n.language === "zh-CN";
  const nameOf = (region: KnownRegion) => (chinese ? region.nameZh : region.nameEn);
  const matches = useMemo(() => matchRegions(regions, input.value), [regions, input.value]);
  const known = regions.find((region) => region.id === input.value.trim());
  const expanded = open && matches.length > 0;
  const optionId = (index: number) => `${listId}-${String(index)}`;

  const pick = (region: KnownRegion) => {
    onPick(region.id);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(event.key === "ArrowDown" ? 0 : matches.length - 1);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((now) => (now + step + matches.length) % Math.max(matches.length, 1));
    } else if (event.key === "Enter" && expanded && active >= 0) {
      const region = matches[active];
      if (region) {
        event.preventDefault();
        pick(region);
      }
    } else if (event.key === "Escape" && expanded) {
      // Closes only the list, not a dialog around the form.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="region-field">
      <input
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        {...input}
        onChange={(event) => {
          onChange(event);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
      />
      <div id={listId} role="listbox" className="region-options" hidden={!expanded}>
        {expanded &&
          matches.map((region, index) => (
            <div
              key={region.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? "region-option active" : "region-option"}
              tabIndex={-1}
              // mousedown, not click: the input keeps the focus, so blur does not close first.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(region);
              }}
            >
              <span className="region-id">{region.id}</span>
              <span className="region-option-name">{nameOf(region)}</span>
            </div>
          ))}
      </div>
      {known && (
        <span className="region-name" data-region={known.id}>
          {nameOf(known)}
        </span>
      )}
    </div>
  );
}
