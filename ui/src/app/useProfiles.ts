import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";

import type { IpcError } from "../bindings/IpcError";
import type { ProfileSummary } from "../bindings/ProfileSummary";
import { CommandFailed, listProfiles } from "../ipc";
import { queryKeys } from "./queryKeys";

export interface ProfilesState {
  /** `null` until the first answer arrives; later reloads keep showing the previous list. */
  list: ProfileSummary[] | null;
  error: IpcError | null;
  /** Loads the list again and resolves with it (an empty list after a failure). */
  reload: () => Promise<ProfileSummary[]>;
  /** Forgets what was read for `profile` (its instance or keys changed, or it is gone). */
  forget: (profile: string) => void;
}

const isBug = (error: Error) => !(error instanceof CommandFailed);

/** The profile list from Rust through the query cache, read again after every change the UI makes. */
export function useProfiles(): ProfilesState {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.profiles, queryFn: listProfiles, throwOnError: isBug });

  const reload = useCallback(
    () =>
      queryClient.query({ queryKey: queryKeys.profiles, queryFn: listProfiles, staleTime: 0 }).catch((reason: unknown) => {
        if (!(reason instanceof CommandFailed)) throw reason;
        return [];
      }),
    [queryClient],
  );
  const forget = useCallback(
    (profile: string) => {
      queryClient.removeQueries({ queryKey: queryKeys.profile(profile) });
    },
    [queryClient],
  );

  const error = query.error instanceof CommandFailed ? query.error.error : null;
  const list = query.data ?? (error ? [] : null);
  return { list, error, reload, forget };
}
