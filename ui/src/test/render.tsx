import { QueryClientProvider } from "@tanstack/react-query";
import { render as rtlRender, renderHook as rtlRenderHook } from "@testing-library/react";
import type { RenderHookOptions, RenderOptions } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";

import { createQueryClient } from "../app/queryClient";

// Everything else is Testing Library's own.
export * from "@testing-library/react";

/** A fresh query cache, so no answer from one test is seen by another. */
function withFreshCache() {
  const client = createQueryClient();
  function Wrapper({ children }: { children: ReactNode }) {
    return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  }
  return { client, Wrapper };
}

/** Testing Library's `render`, inside the app's query cache (a new one per call). */
export function render(ui: ReactElement, options?: Omit<RenderOptions, "wrapper">) {
  const { client, Wrapper } = withFreshCache();
  return { ...rtlRender(ui, { ...options, wrapper: Wrapper }), queryClient: client };
}

/** Testing Library's `renderHook`, inside the app's query cache (a new one per call). */
export function renderHook<Result, Props>(hook: (props: Props) => Result, options?: Omit<RenderHookOptions<Props>, "wrapper">) {
  const { client, Wrapper } = withFreshCache();
  return { ...rtlRenderHook(hook, { ...options, wrapper: Wrapper }), queryClient: client };
}
