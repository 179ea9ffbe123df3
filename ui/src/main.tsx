import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./app/App";
import "./app/app.css";
import { initI18n, systemLocale } from "./i18n";
import { appInfo } from "./ipc";

async function boot(root: HTMLElement) {
  // The stored language wins over the system's; if the core cannot answer yet, the app
  // screen shows that error itself, so the system language is fine meanwhile.
  const stored = await appInfo().then(
    (info) => info.locale,
    () => null,
  );
  await initI18n(stored ?? systemLocale());
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

const root = document.getElementById("root");
if (root) void boot(root);
