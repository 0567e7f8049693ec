// Entry point of /r/{room}: token → socket → card → join → live room, and resume after drops.
// This module only puts the parts together; each part lives in its own module.

import { Connection } from "./conn.js";
import * as tokens from "./token.js";
import { FacilitatorConsole } from "./console.js";
import { roomId, session, store } from "./session.js";
import { ask } from "./requests.js";
import { announce } from "./announce.js";
import { initMessageList, messageEl } from "./message-list.js";
import { setStatusActions } from "./message-status.js";
import { showError, wireMembersToggle } from "./screens.js";
import { wireJoinForm } from "./join-screen.js";
import { sendJoin } from "./joining.js";
import { updateComposer, wireComposer } from "./composer.js";
import { wireHand } from "./hand.js";
import { discardEntry, editEntry, retryEntry, submitComposer } from "./outbox.js";
import { react } from "./reactions.js";
import { openReport, removeForEveryone, wireReport } from "./message-actions.js";
import { renderMembers } from "./member-list.js";
import { onFrame, onWelcome } from "./frames.js";
import { connStatus } from "./conn-status.js";
import { wireLeave } from "./leaving.js";
import { wireSharedDevice } from "./device.js";

initMessageList({ onReact: react, onReport: openReport, onRemove: removeForEveryone });
setStatusActions({ onRetry: retryEntry, onDiscard: discardEntry, onEdit: editEntry });

session.fac = new FacilitatorConsole({
  store, view: { announce, messageEl }, ask, onMembersChanged: () => renderMembers(),
});

session.conn = new Connection({
  getToken: () => session.token,
  onWelcome,
  onFrame,
  onStatus: connStatus,
});

function boot() {
  if (!roomId) {
    showError("No room here", "This address does not name a room. Open the invite link you were given.");
    return;
  }
  if (!session.token) {
    showError("You need an invite link",
      "To enter this room, open the invite link the facilitator or organiser gave you.");
    return;
  }
  wireForms();
  session.conn.start();
}

function wireForms() {
  wireJoinForm(sendJoin);
  wireSharedDevice();
  wireLeave();
  wireComposer(submitComposer);
  wireHand();
  wireReport();
  wireMembersToggle();
  updateComposer();
}

// Opening the invite link again while this page is open only changes the fragment: take the
// token out of the address bar again (this page already has a token for the room).
window.addEventListener("hashchange", () => { tokens.takeFragment(); });

// -- debugging hooks (tests use these; they only affect this page's own connection) -------------
window.hearthDebug = Object.freeze({
  dropSocket: (holdMs = 0) => session.conn.drop(Number(holdMs) || 0),
  state: () => ({
    stage: session.stage, lastSeq: store.lastSeq, epoch: store.epoch, me: store.me, connects: session.conn.connects,
    joins: store.stats.joins, resumes: store.stats.resumes, lastJoin: store.stats.lastJoin,
    outbox: store.outbox.size, wire: session.conn.codec.name,
  }),
});

boot();
