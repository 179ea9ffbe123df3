import { QueryClient } from "@tanstack/react-query";

/** How long an answer from Rust counts as fresh: coming back to a screen within it asks nothing. */
export const STALE_MS = 30_000;

/**
 * The app's query cache. Rust already retries where that is safe, so a failure is shown at once
 * (with its own Retry); a desktop window gaining focus is no reason to ask the cloud again.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, staleTime: STALE_MS },
      mutations: { retry: false },
    },
  });
}
