import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./app/App";
import { createQueryClient } from "./app/queryClient";
import { queryKeys } from "./app/queryKeys";
import "./app/app.css";
import { initI18n, systemLocale } from "./i18n";
import { appInfo } from "./ipc";

async function boot(root: HTMLElement) {
  // The stored language wins over the system's; if the core cannot answer yet, the app
  // screen shows that error itself, so the system language is fine meanwhile.
  const queryClient = createQueryClient();
  // Read through the cache, so the app screen gets this very answer without asking again.
  const stored = await queryClient.query({ queryKey: queryKeys.appInfo, queryFn: appInfo }).then(
    (info) => info.locale,
    () => null,
  );
  await initI18n(stored ?? systemLocale());
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}

const root = document.getElementById("root");
if (root) void boot(root);
