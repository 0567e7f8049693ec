// The one room session this page is about: which room, which token, how far along we are,
// and the objects every part of the page shares (the store, the socket, the console).

import { RoomStore } from "./store.js";
import * as tokens from "./token.js";

export const roomId = decodeURIComponent(location.pathname.replace(/\/+$/, "").split("/").pop() || "");
export const fragment = tokens.takeFragment(); // first: the token leaves the address bar at once
const picked = tokens.chooseToken(roomId, fragment.token);

export const store = new RoomStore(roomId);

export const session = {
  token: picked.token,
  invite: picked.invite,
  stage: "connecting", // connecting | card | joining | in | left | final
  pendingJoin: null, // {name, agree} waiting for a socket
  /** @type {import("./conn.js").Connection | null} set by room.js */
  conn: null,
  /** @type {import("./console.js").FacilitatorConsole | null} set by room.js */
  fac: null,
};
