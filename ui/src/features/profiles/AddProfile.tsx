import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { ProfileSummary } from "../../bindings/ProfileSummary";
import { createProfile } from "../../ipc";
import { ConnectionCheck } from "../workspace/ConnectionCheck";
import { toNewProfileRequest } from "./formModel";
import { ProfileForm } from "./ProfileForm";
import { PageTitle } from "../../components/PageTitle";

interface Props {
  /** Called as soon as Rust has stored the profile (it becomes the current one). */
  onCreated: (profile: ProfileSummary) => void;
  /** Goes on to the workspace with the new profile. */
  onContinue: (profile: ProfileSummary) => void;
  onCancel: () => void;
}

/** "Add a profile": the form, then a connection test and the way into the workspace. */
export function AddProfile({ onCreated, onContinue, onCancel }: Props) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<ProfileSummary | null>(null);

  if (created) {
    return (
      <main className="page profile-created" aria-labelledby="profile-created-title">
        <PageTitle id="profile-created-title">{t("form.created", { name: created.name })}</PageTitle>
        <p className="profile-summary">
          {t("profiles.summary", {
            keyId: created.accessKeyIdMasked,
            region: created.region,
            instance: created.instanceName,
          })}
        </p>
        <ConnectionCheck profile={created.name} />
        <button
          type="button"
          id="continue-to-workspace"
          onClick={() => {
            onContinue(created);
          }}
        >
          {t("form.continue")}
        </button>
      </main>
    );
  }

  return (
    <main className="page">
      <ProfileForm
        mode={{ kind: "create" }}
        onCancel={onCancel}
        onSubmit={(values) =>
          createProfile(toNewProfileRequest(values)).then((profile) => {
            setCreated(profile);
            onCreated(profile);
          })
        }
      />
    </main>
  );
}
