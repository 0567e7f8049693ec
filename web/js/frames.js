// Everything that arrives on the socket, handed to the part of the page it is about.

import { roomId, session, store } from "./session.js";
import { waiting } from "./requests.js";
import * as tokens from "./token.js";
import { loadCard } from "./card.js";
import { joined, joinFailed, rejoin, sendJoin } from "./joining.js";
import { onMsg } from "./incoming.js";
import { onAck, onResolved, sendFailed } from "./outbox.js";
import { onNotice } from "./notices.js";
import { onMuted, slowDown } from "./posting-status.js";
import { onReaction, reactFailed } from "./reactions.js";
import { removeMessage } from "./message-list.js";
import { renderMembers } from "./member-list.js";
import { applyState, renderState } from "./room-state.js";
import { onTyping, renderTyping } from "./typing.js";
import { onKicked, sessionEnded } from "./ending.js";

/** A `welcome` on a new socket: join, rejoin, or first show the room's card. */
export function onWelcome(w) {
  store.role = w.role || store.role;
  waiting.clear();
  if (w.token) {
    // The invite link's token became a personal one: use it from now on (same identity).
    // This tab keeps it now; the device keeps it only after joining, unless it is shared.
    session.token = w.token;
    tokens.keepForTab(roomId, session.token);
  }
  if (store.kicked) return;
  if (store.everJoined && (session.stage === "in" || session.stage === "joining")) {
    rejoin();
  } else if (session.pendingJoin) {
    sendJoin(session.pendingJoin);
  } else if (session.stage === "connecting") {
    loadCard();
  }
}

export function onFrame(f) {
  const req = f.ref !== undefined ? waiting.get(f.ref) : undefined;
  if (req) waiting.delete(f.ref);
  if (req?.kind === "ask") {
    if (f.type === "error") req.reject(f);
    else req.resolve(f);
    if (f.type === "ok" && f.epoch) sessionEnded(f.epoch);
    return;
  }
  if (f.room !== undefined && f.room !== roomId) return;
  const fac = session.fac;
  switch (f.type) {
    case "joined": joined(f, req); break;
    case "msg": onMsg(f); break;
    case "ack": onAck(f, req); break;
    case "error": onError(f, req); break;
    case "presence":
      store.presence(f.joined, f.left);
      renderMembers();
      renderState(); // the floor holder's name may have arrived
      renderTyping();
      break;
    case "typing": onTyping(f); break;
    case "reaction": onReaction(f); break;
    case "removed":
      store.unclaimed.delete(f.seq);
      store.reactions.delete(f.seq);
      removeMessage(f.seq);
      fac.onRemoved(f.seq);
      break;
    case "state":
      applyState(f);
      renderState();
      renderMembers();
      break;
    case "notice": onNotice(f); break;
    case "muted": onMuted(f); break;
    case "kicked": onKicked(f); break;
    case "resolved": onResolved(f); fac.onResolved(f); break;
    case "ok": case "pong": case "welcome": break;
    case "held": fac.onHeld(f); break;
    case "alert": fac.onAlert(f); break;
    case "report": fac.onReport(f); break;
    case "dismissed": fac.onDismissed(f); break;
    case "sanction":
      store.sanction(f);
      renderMembers();
      break;
    default:
      console.debug("hearth: ignoring frame type", f.type);
  }
}

function onError(e, req) {
  if (req?.kind === "join") { joinFailed(e, req); return; }
  if (req?.kind === "send") { sendFailed(e, req); return; }
  if (req?.kind === "react") { reactFailed(e, req); return; }
  if (e.code === "rate_limited") { slowDown(e.retry_after); return; }
  console.debug("hearth: error", e.code, e.message);
}
