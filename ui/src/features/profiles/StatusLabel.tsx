import { useTranslation } from "react-i18next";

import type { ProfileStatus } from "../../bindings/ProfileStatus";

/** A profile's usability as a short label; anything but "ready" is marked as a warning. */
export function StatusLabel({ status }: { status: ProfileStatus }) {
  const { t } = useTranslation();
  return (
    <span className="profile-status" data-status={status}>
      {t(`profileStatus.${status}`)}
    </span>
  );
}
