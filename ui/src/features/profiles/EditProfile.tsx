import { ProfileForm } from "./ProfileForm";
import type { ProfileSummary } from "../../bindings/ProfileSummary";
import { updateProfile } from "../../ipc";
import { toUpdateRequest } from "./formModel";

interface Props {
  profile: ProfileSummary;
  /** The profile as Rust stored it (its name may have changed). */
  onSaved: (before: ProfileSummary, after: ProfileSummary) => void;
  onCancel: () => void;
}

/** Editing a stored profile; an empty secret field keeps the stored secret. */
export function EditProfile({ profile, onSaved, onCancel }: Props) {
  return (
    <main className="page">
      <ProfileForm
        mode={{ kind: "edit", profile }}
        onCancel={onCancel}
        onSubmit={(values) =>
          updateProfile(profile.name, toUpdateRequest(values, profile)).then((saved) => {
            onSaved(profile, saved);
          })
        }
      />
    </main>
  );
}
