import { render, screen, within } from "../../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { initI18n } from "../../i18n";
import { clearCommandMocks, mockCommands } from "../../ipc/testing";
import { seriousViolations } from "../../test/axe";
import type { LicenceList } from "../../bindings/LicenceList";
import type { ThirdPartyPackage } from "../../ipc";
import { spellOutLicences } from "../../ipc/app";
import { AboutDialog } from "./AboutDialog";

const APACHE = "                                 Apache License\n                           Version 2.0, January 2004\n";
const TAURI_MIT = "MIT License\n\nCopyright (c) 2017 - Present Tauri Apps Contributors\n";
const PACKAGES: ThirdPartyPackage[] = [
  {
    name: "tauri",
    version: "2.12.5",
    licence: "Apache-2.0 OR MIT",
    source: "https://github.com/tauri-apps/tauri",
    ecosystem: "cargo",
    authors: [],
    licenceTexts: [
      { name: "LICENSE-APACHE-2.0", standard: false, id: "a6cba85bc92e", text: APACHE },
      { name: "LICENSE-MIT", standard: false, id: "9dd42ea92cff", text: TAURI_MIT },
    ],
  },
  {
    name: "parquet",
    version: "60.0.0",
    licence: "Apache-2.0",
    source: "https://github.com/apache/arrow-rs",
    ecosystem: "cargo",
    authors: [],
    licenceTexts: [{ name: "LICENSE.txt", standard: false, id: "a6cba85bc92e", text: APACHE }],
  },
  {
    name: "react",
    version: "19.3.1",
    licence: "MIT",
    source: "https://www.npmjs.com/package/react",
    ecosystem: "npm",
    authors: ["Jordan Example <jordan@example.com>", "Sam Example"],
    licenceTexts: [{ name: "MIT", standard: true, id: "5e0b3a3c0b1f", text: "MIT License\n\nCopyright (c) <year> <copyright holders>\n" }],
  },
];

/** The list as Rust sends it: each text once, packages naming it by id. */
function asSent(packages: ThirdPartyPackage[]): LicenceList {
  const texts = new Map(packages.flatMap((p) => p.licenceTexts.map((t) => [t.id, t.text] as const)));
  return {
    packages: packages.map(({ licenceTexts, ...rest }) => ({
      ...rest,
      licenceTexts: licenceTexts.map(({ name, standard, id }) => ({ name, standard, text: id })),
    })),
    texts: [...texts].map(([id, text]) => ({ id, text })),
  };
}

beforeEach(async () => {
  await initI18n("en");
});
afterEach(() => {
  clearCommandMocks();
});

describe("spellOutLicences", () => {
  it("gives each package its texts, a text shared by several packages stored once", () => {
    const sent = asSent(PACKAGES);
    expect(sent.texts).toHaveLength(3);
    expect(spellOutLicences(sent)).toEqual(PACKAGES);
  });
});

describe("AboutDialog", () => {
  it("shows the version and every shipped package with its licence, filterable by name or licence", async () => {
    mockCommands({ third_party_licences: () => asSent(PACKAGES) });
    render(<AboutDialog version="1.2.3" onClose={() => undefined} />);
    expect(screen.getByRole("dialog")).toHaveTextContent("Version 1.2.3");
    expect(await screen.findByText("3 of 3 packages")).toBeInTheDocument();
    const parquet = screen.getByRole("row", { name: /parquet/ });
    expect(within(parquet).getByText("Apache-2.0")).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Filter packages"), "mit");
    expect(await screen.findByText("2 of 3 packages")).toBeInTheDocument();
    expect(screen.queryByRole("row", { name: /parquet/ })).not.toBeInTheDocument();
    expect(await seriousViolations(document.body)).toEqual([]);
  });

  it("shows a coded error with a retry when the list cannot be read, and closes on Escape", async () => {
    let calls = 0;
    mockCommands({
      third_party_licences: () => {
        calls += 1;
        if (calls === 1) {
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the plain IpcError object
          throw { code: "internal", message: "The built-in licence list is unreadable.", remedy: null, serviceCode: null, requestId: null };
        }
        return asSent(PACKAGES);
      },
    });
    const onClose = vi.fn();
    render(<AboutDialog version="1.2.3" onClose={onClose} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("The built-in licence list is unreadable.");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("3 of 3 packages")).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalled();
  });

  it("shows a package's licence texts from a keyboard-operated disclosure, saying which texts other packages share", async () => {
    mockCommands({ third_party_licences: () => asSent(PACKAGES) });
    render(<AboutDialog version="1.2.3" onClose={() => undefined} />);
    await screen.findByText("3 of 3 packages");
    expect(screen.getByRole("columnheader", { name: "Licence text" })).toBeInTheDocument();
    const show = screen.getByRole("button", { name: "Show the licence text of tauri 2.12.5" });
    expect(show).toHaveAttribute("aria-expanded", "false");
    expect(show).toHaveTextContent("Show");
    expect(screen.queryByText(/Tauri Apps Contributors/)).not.toBeInTheDocument();

    show.focus();
    await userEvent.keyboard("{Enter}");
    const hide = screen.getByRole("button", { name: "Hide the licence text of tauri 2.12.5" });
    expect(hide).toHaveAttribute("aria-expanded", "true");
    expect(hide).toHaveFocus();
    const region = document.getElementById(hide.getAttribute("aria-controls") ?? "");
    expect(region).not.toBeNull();
    const texts = within(region as HTMLElement);
    expect(texts.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["LICENSE-APACHE-2.0", "LICENSE-MIT"]);
    expect(texts.getByText(/Copyright \(c\) 2017 - Present Tauri Apps Contributors/)).toBeInTheDocument();
    expect(texts.getAllByText("The same text comes with 2 packages.")).toHaveLength(1);
    expect(await seriousViolations(document.body)).toEqual([]);

    await userEvent.keyboard(" ");
    expect(screen.getByRole("button", { name: "Show the licence text of tauri 2.12.5" })).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByText(/Tauri Apps Contributors/)).not.toBeInTheDocument();
  });

  it("marks the standard text given to a package that ships no licence file of its own", async () => {
    mockCommands({ third_party_licences: () => asSent(PACKAGES) });
    render(<AboutDialog version="1.2.3" onClose={() => undefined} />);
    await userEvent.click(await screen.findByRole("button", { name: "Show the licence text of react 19.3.1" }));
    const heading = screen.getByRole("heading", { name: "Standard text of MIT (the package ships no licence file of its own)" });
    expect(heading).toBeInTheDocument();
    expect(screen.getByText("Copyright holders, as the package names its authors: Jordan Example <jordan@example.com>, Sam Example")).toBeInTheDocument();
    expect(screen.getByText(/Copyright \(c\) <year> <copyright holders>/)).toBeInTheDocument();
    expect(screen.queryByText(/The same text comes with/)).not.toBeInTheDocument();
  });

  it("keeps a package's text open while the filter hides and shows it again", async () => {
    mockCommands({ third_party_licences: () => asSent(PACKAGES) });
    render(<AboutDialog version="1.2.3" onClose={() => undefined} />);
    await userEvent.click(await screen.findByRole("button", { name: "Show the licence text of parquet 60.0.0" }));
    const filter = screen.getByLabelText("Filter packages");
    await userEvent.type(filter, "react");
    expect(await screen.findByText("1 of 3 packages")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "LICENSE.txt" })).not.toBeInTheDocument();
    await userEvent.clear(filter);
    expect(await screen.findByText("3 of 3 packages")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "LICENSE.txt" })).toBeInTheDocument();
  });

  it("speaks Simplified Chinese", async () => {
    await initI18n("zh-CN");
    mockCommands({ third_party_licences: () => asSent(PACKAGES) });
    render(<AboutDialog version="1.2.3" onClose={() => undefined} />);
    expect(await screen.findByRole("columnheader", { name: "许可证文本" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "显示 react 19.3.1 的许可证文本" }));
    expect(screen.getByRole("button", { name: "隐藏 react 19.3.1 的许可证文本" })).toHaveTextContent("隐藏");
    expect(screen.getByRole("heading", { name: "MIT 标准文本（该软件包未附带自己的许可证文件）" })).toBeInTheDocument();
    expect(screen.getByText("版权持有人（即该软件包列出的作者）：Jordan Example <jordan@example.com>、Sam Example")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "显示 tauri 2.12.5 的许可证文本" }));
    expect(screen.getByText("共有 2 个软件包附带相同的文本。")).toBeInTheDocument();
  });
});
