// Shared devices (a library computer, someone else's phone): whether this tab keeps me signed in
// only until it closes, keeping the personal token on the device after joining, and forgetting
// everything this page keeps about the room.

import { $ } from "./dom.js";
import { roomId, session } from "./session.js";
import * as tokens from "./token.js";
import { get, remove, removeRoomKeys, roomKey, set } from "./storage.js";

// Kept in sessionStorage so a reload of this tab remembers the choice (and is forgotten with it);
// in memory too, in case the browser refuses storage.
const SHARED = roomKey("shared", roomId);
let shared = get("sessionStorage", SHARED) === "1";

export function isShared() {
  return shared;
}

/** "This is a shared device": the personal token lives in this tab only, never on the device. */
export function setShared(yes) {
  shared = !!yes;
  if (shared) {
    set("sessionStorage", SHARED, "1");
    tokens.dropFromDevice(roomId);
  } else {
    remove("sessionStorage", SHARED);
  }
}

/** After every join: keep the personal token on this device, unless this is a shared one. */
export function keepSignedIn() {
  if (isShared()) tokens.dropFromDevice(roomId);
  else if (session.token && !tokens.claimsOf(session.token)?.inv) tokens.keepOnDevice(roomId, session.token);
}

/** Forget this room on this device: every per-room key in both storages, and the tokens in memory. */
export function forgetRoom() {
  removeRoomKeys(roomId);
  session.token = null;
  session.invite = null;
}

/** The join screen's checkbox follows (and sets) this tab's choice. */
export function wireSharedDevice() {
  const box = $("shared-device");
  box.checked = isShared();
  box.addEventListener("change", () => setShared(box.checked));
}
