import { useCallback, useEffect, useState } from "react";

import type { IpcError } from "../bindings/IpcError";
import type { ProfileSummary } from "../bindings/ProfileSummary";
import { CommandFailed, listProfiles } from "../ipc";

export interface ProfilesState {
  /** `null` until the first answer arrives; later reloads keep showing the previous list. */
  list: ProfileSummary[] | null;
  error: IpcError | null;
  /** Loads the list again and resolves with it (an empty list after a failure). */
  reload: () => Promise<ProfileSummary[]>;
}

/** The profile list from Rust, reloaded after every change the UI makes. */
export function useProfiles(): ProfilesState {
  const [list, setList] = useState<ProfileSummary[] | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  const reload = useCallback(
    () =>
      listProfiles().then(
        (profiles) => {
          setList(profiles);
          setError(null);
          return profiles;
        },
        (reason: unknown) => {
          if (!(reason instanceof CommandFailed)) throw reason;
          setError(reason.error);
          setList((current) => current ?? []);
          return [];
        },
      ),
    [],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  return { list, error, reload };
}
