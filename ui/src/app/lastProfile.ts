// The last used profile's NAME (never a key or secret), so the app reopens where it was.
const KEY = "tsds.lastProfile";

export function rememberedProfile(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: simply start without a remembered profile
  }
}

export function rememberProfile(name: string | null): void {
  try {
    if (name === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, name);
  } catch {
    // Remembering is a convenience; without storage the user picks the profile again.
  }
}
