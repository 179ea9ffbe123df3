import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { QueryKey } from "@tanstack/react-query";
import { useCallback } from "react";

import type { IpcError } from "../bindings/IpcError";
import { CommandFailed } from "../ipc";

export type Load<T> =
  | { status: "loading" }
  | { status: "ready"; value: T }
  | { status: "failed"; error: IpcError };

export interface LoadOptions {
  /** False keeps it loading without asking (e.g. until the answer is needed). */
  enabled?: boolean;
  /** Asks again every so many milliseconds while this is a number. */
  refetchInterval?: number | false;
  /** How long an answer stays fresh, when not the app's default. */
  staleTime?: number;
  /** How long an answer no screen shows is kept, when not the library's default (0: forget at once). */
  gcTime?: number;
}

/** Only failures Rust reported are shown on screen; anything else is a bug and goes up. */
const isBug = (error: Error) => !(error instanceof CommandFailed);

/**
 * One answer from Rust through the query cache under `key`, as the screens show it; the second
 * value asks again. A new key keeps showing what is on screen until its answer arrives.
 */
export function useLoad<T>(key: QueryKey, load: () => Promise<T>, options: LoadOptions = {}): [Load<T>, () => void] {
  const query = useQuery({
    queryKey: key,
    queryFn: load,
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval ?? false,
    placeholderData: keepPreviousData,
    ...(options.staleTime === undefined ? {} : { staleTime: options.staleTime }),
    ...(options.gcTime === undefined ? {} : { gcTime: options.gcTime }),
    throwOnError: isBug,
  });
  const { refetch } = query;
  const reload = useCallback(() => {
    void refetch();
  }, [refetch]);
  return [loadOf(query.error, query.data), reload];
}

function loadOf<T>(error: Error | null, data: T | undefined): Load<T> {
  if (error instanceof CommandFailed) return { status: "failed", error: error.error };
  if (data !== undefined) return { status: "ready", value: data };
  return { status: "loading" };
}
