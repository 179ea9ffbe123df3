import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import type { ProfileSummary } from "../../bindings/ProfileSummary";
import { StatusLabel } from "./StatusLabel";

interface Props {
  profiles: readonly ProfileSummary[];
  current: ProfileSummary | null;
  onSwitch: (profile: ProfileSummary) => void;
  onAdd: () => void;
  onImport: () => void;
  onManage: () => void;
}

/**
 * The header's current profile and region, opening a list of all profiles with their status.
 * A disclosure (button + list of buttons): Tab moves through it, Escape closes it.
 */
export function ProfileSwitcher({ profiles, current, onSwitch, onAdd, onImport, onManage }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open]);

  const act = (action: () => void) => () => {
    setOpen(false);
    action();
  };

  return (
    <div className="profile-switcher" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        id="current-profile"
        className="switcher-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => {
          setOpen((now) => !now);
        }}
      >
        <span className="visually-hidden">{t("frame.switcher")} </span>
        {current ? t("frame.currentProfile", { profile: current.name, region: current.region }) : t("frame.noProfile")}
      </button>
      {open && (
        <div id={panelId} className="switcher-panel">
          <p className="switcher-heading">{t("frame.profilesMenu")}</p>
          <ul className="switcher-list">
            {profiles.map((profile) => (
              <li key={profile.name}>
                <button
                  type="button"
                  className="switcher-item"
                  aria-current={profile.name === current?.name ? "true" : undefined}
                  onClick={act(() => {
                    onSwitch(profile);
                  })}
                >
                  <span className="switcher-name">{profile.name}</span>
                  <span className="switcher-region">{profile.region}</span>
                  <StatusLabel status={profile.status} />
                </button>
              </li>
            ))}
          </ul>
          <div className="switcher-actions">
            <button type="button" className="secondary" onClick={act(onAdd)}>
              {t("frame.addProfile")}
            </button>
            <button type="button" className="secondary" onClick={act(onImport)}>
              {t("frame.importProfile")}
            </button>
            <button type="button" className="secondary" onClick={act(onManage)}>
              {t("frame.manageProfiles")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
