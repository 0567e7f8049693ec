// Following the connection: the header indicator and its reconnect countdown, falling back
// from a personal token to the invite link, and giving up when the server says so.

import { finalCloseText } from "./conn.js";
import * as tokens from "./token.js";
import { roomId, session, store } from "./session.js";
import { connState, setConn } from "./conn-indicator.js";
import { show, showError } from "./screens.js";
import { stopFor } from "./ending.js";
import { announce } from "./announce.js";

let countdown = null;

export function connStatus(s) {
  clearInterval(countdown);
  countdown = null;
  if (s.state === "connecting") {
    setConn("connecting", store.everJoined ? "Reconnecting…" : "Connecting…");
  } else if (s.state === "open") {
    setConn("connecting", store.everJoined ? "Rejoining…" : "Connected");
  } else if (s.state === "joined") {
    if (connState() === "offline") announce("Reconnected.");
    setConn("online", "Connected");
  } else if (s.state === "waiting") {
    store.joined = false;
    // The countdown is not a live region (it would be read every second): announce once.
    if (store.everJoined && connState() !== "offline") announce("Connection lost. Reconnecting…");
    const tick = () => {
      const left = Math.max(0, Math.ceil((s.at - Date.now()) / 1000));
      setConn("offline", navigator.onLine === false ? "Offline — waiting for the network…"
        : left > 0 ? `Connection lost. Reconnecting in ${left} s…` : "Reconnecting…");
    };
    tick();
    countdown = setInterval(tick, 500);
    if (!store.everJoined && session.stage === "connecting") show("screen-loading");
  } else if (s.state === "stopped") {
    store.joined = false;
    if (s.code === 4501 && session.invite && session.token !== session.invite) {
      // The personal token we kept stopped working: start again from the invite link.
      tokens.forget(roomId);
      session.token = session.invite;
      session.invite = null;
      session.conn.start();
      return;
    }
    if (store.kicked) return;
    if (s.code === 4503) { stopFor("You were removed from the room", ""); return; }
    const text = finalCloseText(s.code);
    if (store.everJoined) {
      stopFor("Disconnected", text, true);
    } else {
      if (s.code === 4501) tokens.forget(roomId);
      showError(s.code === 4501 ? "This link can't be used" : "Disconnected", text,
        s.code === 4501 ? null : () => location.reload());
    }
  }
}
