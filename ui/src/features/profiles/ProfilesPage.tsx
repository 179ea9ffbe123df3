import { useTranslation } from "react-i18next";

import type { ProfileSummary } from "../../bindings/ProfileSummary";
import { StatusLabel } from "./StatusLabel";
import { PageTitle } from "../../components/PageTitle";
import "./profiles.css";

interface Props {
  profiles: readonly ProfileSummary[];
  current: string | null;
  onUse: (profile: ProfileSummary) => void;
  onAdd: () => void;
  onImport: () => void;
  onEdit: (profile: ProfileSummary) => void;
  onDelete: (profile: ProfileSummary) => void;
}

/** Every profile with its status, and the ways to add, import, use, edit and delete them. */
export function ProfilesPage({ profiles, current, onUse, onAdd, onImport, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <main className="page profiles-page" aria-labelledby="profiles-title">
      <PageTitle id="profiles-title">{t("profiles.title")}</PageTitle>
      <p className="lead">{t("profiles.lead")}</p>
      <div className="form-actions">
        <button type="button" id="profiles-add" onClick={onAdd}>
          {t("frame.addProfile")}
        </button>
        <button type="button" id="profiles-import" className="secondary" onClick={onImport}>
          {t("importDialog.open")}
        </button>
      </div>
      {profiles.length === 0 ? (
        <p>{t("profiles.empty")}</p>
      ) : (
        <ul className="profile-list">
          {profiles.map((profile) => (
            <li key={profile.name} className="profile-row" data-profile={profile.name}>
              <div className="profile-row-text">
                <strong>{profile.name}</strong>{" "}
                {profile.name === current && <span className="badge">{t("profiles.current")}</span>}
                {profile.kind === "sandbox" && <span className="badge">{t("profiles.sandboxKind")}</span>}{" "}
                <StatusLabel status={profile.status} />
                <span className="profile-summary">
                  {t("profiles.summary", {
                    keyId: profile.accessKeyIdMasked,
                    region: profile.region,
                    instance: profile.instanceName,
                  })}
                </span>
                {profile.hasSecurityToken && <span className="badge">{t("profiles.token")}</span>}
              </div>
              <div className="profile-row-actions">
                {/* Short visible labels, so the buttons never crowd out a long name; the accessible
                    names still say which profile (and start with the visible word). */}
                <button
                  type="button"
                  aria-label={t("profiles.use", { name: profile.name })}
                  onClick={() => {
                    onUse(profile);
                  }}
                >
                  {t("profiles.useShort")}
                </button>
                {profile.kind === "stored" && (
                  <>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t("profiles.edit", { name: profile.name })}
                      onClick={() => {
                        onEdit(profile);
                      }}
                    >
                      {t("profiles.editShort")}
                    </button>
                    <button
                      type="button"
                      className="secondary danger"
                      aria-label={t("profiles.delete", { name: profile.name })}
                      onClick={() => {
                        onDelete(profile);
                      }}
                    >
                      {t("profiles.deleteShort")}
                    </button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
