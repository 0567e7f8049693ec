// Tokens: read once from the URL fragment, wipe them from the address bar, keep them per room.
// The invite link's token is swapped for a personal one at `welcome` (same identity on reconnect);
// it is kept for the tab at once, and on the device only after joining (see device.js).

import { get, remove, roomKey, set } from "./storage.js";

const key = (room) => roomKey("token", room);
const SESSION = "sessionStorage";
const LOCAL = "localStorage";

/** The claims of a JWT without verifying it (only to read `exp`, `inv`, `role` locally). */
export function claimsOf(token) {
  try {
    const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const padded = part + "=".repeat((4 - (part.length % 4)) % 4);
    const json = new TextDecoder().decode(Uint8Array.from(atob(padded), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json);
    return claims && typeof claims === "object" ? claims : null;
  } catch {
    return null;
  }
}

function usable(token) {
  if (!token) return false;
  const claims = claimsOf(token);
  return !!claims && typeof claims.exp === "number" && claims.exp * 1000 > Date.now() + 5_000;
}

/** Take `#t=…&name=…` out of the address bar (before anything else can read or log it). */
export function takeFragment() {
  const raw = location.hash.startsWith("#") ? location.hash.slice(1) : "";
  if (!raw) return { token: null, name: null };
  const params = new URLSearchParams(raw);
  history.replaceState(history.state, "", location.pathname + location.search);
  return { token: params.get("t"), name: params.get("name") };
}

/**
 * The token to use for this room: a personal token we were given earlier for the same role
 * beats an invite link's token (so reopening the link keeps the same pseudonym); otherwise
 * the link's token; otherwise whatever this tab or browser kept.
 */
export function chooseToken(room, fromLink) {
  const session = get(SESSION, key(room));
  const local = get(LOCAL, key(room));
  const kept = [session, local].find((t) => usable(t) && !claimsOf(t).inv) || null;
  let token = null;
  let invite = null;
  if (fromLink) {
    const claims = claimsOf(fromLink) || {};
    if (claims.inv) {
      invite = fromLink;
      const keptRole = kept ? claimsOf(kept).role || "member" : null;
      token = kept && keptRole === (claims.role || "member") ? kept : fromLink;
    } else {
      token = fromLink;
    }
  } else {
    token = kept || (usable(session) ? session : null);
  }
  if (token) set(SESSION, key(room), token);
  return { token, invite };
}

/** Keep the personal token for this tab only (sessionStorage: gone when the tab closes). */
export function keepForTab(room, token) {
  set(SESSION, key(room), token);
}

/** Keep the personal token on this device too (localStorage), so a new tab stays signed in. */
export function keepOnDevice(room, token) {
  set(LOCAL, key(room), token);
}

export function dropFromDevice(room) {
  remove(LOCAL, key(room));
}

export function forget(room) {
  remove(SESSION, key(room));
  remove(LOCAL, key(room));
}
