import { useId } from "react";
import { useTranslation } from "react-i18next";

import type { KnownRegion } from "../../bindings/KnownRegion";
import type { InputProps } from "./ProfileForm";

interface Props extends InputProps {
  regions: readonly KnownRegion[];
}

/**
 * A region input with the known regions as suggestions (searchable by ID and by name in the UI
 * language); any well-formed ID may be typed, since Alibaba Cloud adds regions.
 */
export function RegionField({ regions, ...input }: Props) {
  const { i18n } = useTranslation();
  const listId = useId();
  const chinese = i18n.language === "zh-CN";
  const nameOf = (region: KnownRegion) => (chinese ? region.nameZh : region.nameEn);
  const known = regions.find((region) => region.id === input.value.trim());
  return (
    <>
      <input type="text" autoComplete="off" spellCheck={false} list={listId} {...input} />
      <datalist id={listId}>
        {regions.map((region) => (
          <option key={region.id} value={region.id} label={nameOf(region)} />
        ))}
      </datalist>
      {known && (
        <span className="region-name" data-region={known.id}>
          {nameOf(known)}
        </span>
      )}
    </>
  );
}
