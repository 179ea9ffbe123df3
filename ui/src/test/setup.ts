import "@testing-library/jest-dom/vitest";

import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
});

// jsdom does no layout, so every box measures 0×0 and a virtualised list would render no
// rows. Give scroll containers of lists the size they have on screen (see app.css).
function listScrollSize(name: "clientHeight" | "clientWidth", size: number) {
  const original = Object.getOwnPropertyDescriptor(Element.prototype, name);
  Object.defineProperty(Element.prototype, name, {
    configurable: true,
    get(this: HTMLElement) {
      if (this.classList.contains("list-scroll")) return size;
      return (original?.get?.call(this) as number | undefined) ?? 0;
    },
  });
}
listScrollSize("clientHeight", 320);
listScrollSize("clientWidth", 300);
