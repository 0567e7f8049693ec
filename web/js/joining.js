// Joining the room, and rejoining after a drop: the `join` request, taking in the `joined`
// answer (members, state, history since my last seq), and what to do when it is refused.

import { $ } from "./dom.js";
import { roomId, session, store } from "./session.js";
import { request } from "./requests.js";
import { setJoinBusy, showJoin } from "./join-screen.js";
import { showError, showRoom } from "./screens.js";
import { addMarker, markAllStale } from "./message-list.js";
import { acceptMsg } from "./incoming.js";
import { renderMembers } from "./member-list.js";
import { renderState } from "./room-state.js";
import { sendEntry } from "./outbox.js";
import { connStatus } from "./conn-status.js";
import { stopFor } from "./ending.js";
import { announce } from "./announce.js";
import { keepSignedIn } from "./device.js";

export function sendJoin({ name, agree }) {
  session.pendingJoin = { name, agree };
  session.stage = "joining";
  setJoinBusy(true);
  const frame = { type: "join", room: roomId };
  if (name) frame.name = name;
  if (agree) frame.agree = true;
  request(frame, { kind: "join", resume: false, agree });
}

export function rejoin({ withName = true } = {}) {
  const frame = { type: "join", room: roomId };
  if (store.epoch !== null) {
    frame.since = store.lastSeq;
    frame.epoch = store.epoch;
  }
  // A restarted server may have forgotten my pseudonym and my agreement: keep both.
  if (withName && store.me?.name) frame.name = store.me.name;
  if (store.agreed) frame.agree = true;
  request(frame, { kind: "join", resume: true, since: frame.since ?? null, named: !!frame.name });
}

export function joined(j, req) {
  const resume = !!req?.resume;
  session.pendingJoin = null;
  setJoinBusy(false);
  store.joined = true;
  store.me = j.me;
  keepSignedIn();
  if (req?.agree || !(j.state || {}).agreement) store.agreed = true;
  store.stats.joins += 1;
  if (resume) store.stats.resumes += 1;
  store.stats.lastJoin = { since: req?.since ?? null, history: (j.history || []).length, complete: !!j.complete };
  store.setMembers(j.members || []);
  const st = j.state || {};
  store.config = { ...store.config, title: st.title ?? store.config.title, agreement: st.agreement ?? null,
    capacity: st.capacity ?? store.config.capacity, history: st.history ?? store.config.history };
  if (!store.config.id) store.config.id = roomId;
  store.state = { phase: st.phase || "open", slow: st.slow || 0, pinned: st.pinned ?? null,
    topic: st.topic ?? "", floor: st.floor ?? null, queue: st.queue || [],
    language: st.language || "en", detection: st.detection || "full" };

  const epochChanged = store.epoch !== null && j.epoch !== store.epoch;
  if (epochChanged) {
    store.resetHistory();
    session.fac.clear();
    markAllStale();
    addMarker("The room restarted: messages above are from before, and can't be reacted to any more.", "gap");
  } else if (store.everJoined && !j.complete) {
    addMarker("Some messages from while you were away are not available.", "gap");
  }
  store.epoch = j.epoch;
  session.stage = "in";
  showRoom(store.config, store.state);
  let fresh = 0;
  for (const m of j.history || []) if (acceptMsg(m, { live: false })) fresh += 1;
  store.seen(j.seq || 0);
  if (store.isFacilitator()) session.fac.enable();
  renderMembers();
  renderState();
  if (resume && fresh > 0) announce(fresh === 1 ? "1 message while you were away." : `${fresh} messages while you were away.`);
  if (!store.everJoined) announce(`You are in ${store.config.title || roomId}.`);
  store.everJoined = true;
  session.conn.healthy();
  connStatus({ state: "joined" });
  for (const entry of store.pendingEntries()) sendEntry(entry); // resend with the same cid
}

export function joinFailed(err, req) {
  setJoinBusy(false);
  const code = err.code;
  if (req?.resume && code === "invalid" && req.named) {
    rejoin({ withName: false }); // my pseudonym was taken meanwhile: take the one the server gives
    return;
  }
  if (req?.resume && code !== "agreement_required" && code !== "invalid") {
    if (code === "room_full" || code === "not_found" || code === "forbidden" || code === "banned") {
      stopFor(code === "room_full" ? "The room is full right now" : "You can't rejoin this room",
        err.message || "");
    }
    return;
  }
  session.pendingJoin = null;
  session.stage = "card";
  const card = store.card || { id: roomId, title: store.config.title || roomId, topic: "", online: 0 };
  switch (code) {
    case "agreement_required":
      card.agreement = err.message;
      card.agreed = false;
      showJoin(card, { name: store.me?.name || card.suggested_name, error: "Please read the room agreement and tick “I agree” to enter." });
      break;
    case "invalid":
      showJoin(card, { name: null, error: err.message || "That pseudonym can't be used. Please choose another." });
      $("name").focus();
      $("name").select();
      break;
    case "room_full":
      showJoin(card, { name: null, error: "This room is full right now. Please try again a little later." });
      break;
    case "not_found":
      showError("Room not found", "This room does not exist any more.");
      break;
    default:
      showError("You can't enter this room", err.message || code);
  }
}
