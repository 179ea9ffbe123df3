import { render, screen, waitFor } from "../../test/render";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { initI18n } from "../../i18n";
import { clearCommandMocks, mockCommands } from "../../ipc/testing";
import { ipcError } from "../../test/profileFixture";
import { DeleteProfileDialog } from "./DeleteProfileDialog";

beforeEach(async () => {
  await initI18n("en");
});
afterEach(() => {
  clearCommandMocks();
});

/** A page with the button that opens the dialog, as the profiles page has. */
function Harness({ onDeleted }: { onDeleted: (name: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
        }}
      >
        Delete prod
      </button>
      <button type="button">elsewhere</button>
      {open && (
        <DeleteProfileDialog
          name="prod"
          onDeleted={(name) => {
            setOpen(false);
            onDeleted(name);
          }}
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </>
  );
}

describe("Delete confirmation", () => {
  it("names the profile, starts on Cancel, keeps Tab inside, and Escape returns focus", async () => {
    mockCommands({});
    render(<Harness onDeleted={vi.fn()} />);
    const opener = screen.getByRole("button", { name: "Delete prod" });
    await userEvent.click(opener);
    const dialog = screen.getByRole("dialog", { name: "Delete profile prod?" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(dialog).toHaveAccessibleDescription(/secret in the system keychain are removed/);
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole("button", { name: "Delete profile" })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    await userEvent.tab({ shift: true });
    expect(screen.getByRole("button", { name: "Delete profile" })).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it("deletes through Rust only after confirming", async () => {
    const deleted: string[] = [];
    const onDeleted = vi.fn();
    mockCommands({
      delete_profile: ({ name }) => {
        deleted.push(name);
        return null;
      },
    });
    render(<Harness onDeleted={onDeleted} />);
    await userEvent.click(screen.getByRole("button", { name: "Delete prod" }));
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(deleted).toEqual([]);
    await userEvent.click(screen.getByRole("button", { name: "Delete prod" }));
    await userEvent.click(screen.getByRole("button", { name: "Delete profile" }));
    await waitFor(() => {
      expect(onDeleted).toHaveBeenCalledWith("prod");
    });
    expect(deleted).toEqual(["prod"]);
  });

  it("keeps the dialog open with Rust's error when deleting fails", async () => {
    mockCommands({
      delete_profile: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the plain IpcError object
        throw ipcError("keychain_locked", "The system keychain is locked or refused access: locked.", "Unlock it.");
      },
    });
    render(<Harness onDeleted={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Delete prod" }));
    await userEvent.click(screen.getByRole("button", { name: "Delete profile" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Unlock it.");
    expect(screen.getByRole("dialog")).toBeInTheDocument();
  });
});
