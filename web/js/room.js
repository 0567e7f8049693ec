// Entry point of /r/{room}: token → socket → card → join → live room, and resume after drops.

import { Connection, finalCloseText } from "./conn.js";
import { RoomStore, MAX_TEXT, TYPING_SHOW_MS, newCid, textLength } from "./store.js";
import { RoomView, $ } from "./view.js";
import * as tokens from "./token.js";
import { FacilitatorConsole } from "./console.js";
import { openDialog, closeDialog, confirmDialog } from "./dialogs.js";

const TYPING_SEND_EVERY_MS = 2_000;
const NAME_RE = /^[\p{L}\p{N}_][\p{L}\p{N}_ .'-]*[\p{L}\p{N}_.]$/u;

const roomId = decodeURIComponent(location.pathname.replace(/\/+$/, "").split("/").pop() || "");
const fragment = tokens.takeFragment(); // first: the token leaves the address bar at once
const picked = tokens.chooseToken(roomId, fragment.token);

const store = new RoomStore(roomId);
let token = picked.token;
let invite = picked.invite;
let stage = "connecting"; // connecting | card | joining | in | left | final
let pendingJoin = null; // {name, agree} waiting for a socket
const waiting = new Map(); // ref -> {kind, ...} for this socket
let typingSentAt = 0;
let typingTimer = null;
let muteTimer = null;

const view = new RoomView({
  onReact: react,
  onRetry: (entry) => { entry.status = "pending"; entry.error = null; view.setStatus(entry); sendEntry(entry); },
  onDiscard: (entry) => { store.outbox.delete(entry.cid); view.discardEl(entry); $("composer-text").focus(); },
  onEdit: (entry) => {
    store.outbox.delete(entry.cid);
    view.discardEl(entry);
    const ta = $("composer-text");
    ta.value = entry.text;
    updateComposer();
    ta.focus();
  },
  onReport: openReport,
  onRemove: removeMessage,
  onMemberActions: (id, opener) => fac.openMember(id, opener),
});

/** A request that resolves with its `ok` (or `ack`) and rejects with its `error`. */
function ask(frame) {
  return new Promise((resolve, reject) => {
    const ref = conn.request(frame);
    if (ref === null) { reject({ code: "offline", message: "not connected — try again in a moment" }); return; }
    waiting.set(ref, { kind: "ask", resolve, reject });
  });
}

const fac = new FacilitatorConsole({ store, view, ask, onMembersChanged: () => renderMembers() });
const recentNoted = []; // my messages just acked redacted/held, waiting for their private notice
const looseNotices = []; // info notices that came before their ack

const conn = new Connection({
  getToken: () => token,
  onWelcome: welcome,
  onFrame: frame,
  onStatus: connStatus,
});

// -- boot -------------------------------------------------------------------------------------
function boot() {
  if (!roomId) {
    view.showError("No room here", "This address does not name a room. Open the invite link you were given.");
    return;
  }
  if (!token) {
    view.showError("You need an invite link",
      "To enter this room, open the invite link the facilitator or organiser gave you.");
    return;
  }
  wireForms();
  conn.start();
}

function welcome(w) {
  store.role = w.role || store.role;
  waiting.clear();
  if (w.token) {
    // The invite link's token became a personal one: use it from now on (same identity).
    token = w.token;
    tokens.savePersonal(roomId, token);
  }
  if (store.kicked) return;
  if (store.everJoined && (stage === "in" || stage === "joining")) {
    rejoin();
  } else if (pendingJoin) {
    sendJoin(pendingJoin);
  } else if (stage === "connecting") {
    loadCard();
  }
}

async function loadCard() {
  let res;
  try {
    res = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/card`, {
      headers: { authorization: `Bearer ${token}` },
      cache: "no-store",
      credentials: "omit",
    });
  } catch {
    view.showError("Can't reach Hearth", "Check your connection and try again.", () => location.reload());
    return;
  }
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    cardFailed(res.status, body);
    return;
  }
  const card = await res.json();
  store.card = card;
  store.config = { ...store.config, ...card };
  stage = "card";
  // Someone who already has a pseudonym here (a reload, a second tab) goes straight back in.
  if (card.name && (card.agreed || !card.agreement) && !invite) {
    sendJoin({ name: null, agree: false });
    return;
  }
  view.showJoin(card, { name: card.name || fragment.name || card.suggested_name });
}

function cardFailed(status, body) {
  if (status === 401) {
    tokens.forget(roomId);
    view.showError("This link has expired", "Ask the facilitator for a new invite link.");
  } else if (status === 404) {
    view.showError("Room not found", "This room does not exist any more, or the link is mistyped.");
  } else if (status === 403) {
    view.showError("Not your room", body.message || "Your link does not give access to this room.");
  } else {
    view.showError("Something went wrong", `The server answered ${status}.`, () => location.reload());
  }
}

// -- joining ----------------------------------------------------------------------------------
function wireForms() {
  $("join-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const name = $("name").value.trim().replace(/\s+/g, " ");
    const needsAgree = !$("join-agreement").hidden;
    if (!NAME_RE.test(name) || textLength(name) < 2 || textLength(name) > 32) {
      view.joinError("Please choose a pseudonym of 2–32 letters, digits, spaces or . ' -");
      $("name").focus();
      return;
    }
    if (needsAgree && !$("agree").checked) {
      view.joinError("Please read the room agreement and tick “I agree” to enter.");
      $("agree").focus();
      return;
    }
    view.joinError("");
    sendJoin({ name, agree: needsAgree });
  });

  const text = $("composer-text");
  $("composer").addEventListener("submit", (ev) => { ev.preventDefault(); submitComposer(); });
  text.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing && !ev.altKey && !ev.ctrlKey && !ev.metaKey) {
      ev.preventDefault();
      submitComposer();
    }
  });
  text.addEventListener("input", () => {
    updateComposer();
    if (text.value.trim()) maybeSendTyping();
  });
  $("hand-btn").addEventListener("click", () => hand((store.state.queue || []).indexOf(store.me?.id) < 0));
  $("pass-btn").addEventListener("click", () => hand(false, true));
  $("report-form").addEventListener("submit", (ev) => { ev.preventDefault(); sendReport(); });
  $("members-toggle").addEventListener("click", () => {
    view.setMembersOpen($("members-toggle").getAttribute("aria-expanded") !== "true");
  });
  updateComposer();
}

function sendJoin({ name, agree }) {
  pendingJoin = { name, agree };
  stage = "joining";
  view.setJoinBusy(true);
  const frame = { type: "join", room: roomId };
  if (name) frame.name = name;
  if (agree) frame.agree = true;
  const ref = conn.request(frame);
  if (ref !== null) waiting.set(ref, { kind: "join", resume: false, agree });
}

function rejoin({ withName = true } = {}) {
  const frame = { type: "join", room: roomId };
  if (store.epoch !== null) {
    frame.since = store.lastSeq;
    frame.epoch = store.epoch;
  }
  // A restarted server may have forgotten my pseudonym and my agreement: keep both.
  if (withName && store.me?.name) frame.name = store.me.name;
  if (store.agreed) frame.agree = true;
  const ref = conn.request(frame);
  if (ref !== null) waiting.set(ref, { kind: "join", resume: true, since: frame.since ?? null, named: !!frame.name });
}

function joined(j, req) {
  const resume = !!req?.resume;
  pendingJoin = null;
  view.setJoinBusy(false);
  store.joined = true;
  store.me = j.me;
  view.me = j.me;
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
    topic: st.topic ?? "", floor: st.floor ?? null, queue: st.queue || [] };

  const epochChanged = store.epoch !== null && j.epoch !== store.epoch;
  if (epochChanged) {
    store.resetHistory();
    fac.clear();
    for (const li of document.querySelectorAll("#messages li.msg[data-seq]")) {
      li.removeAttribute("data-seq");
      li.classList.add("stale");
    }
    view.addMarker("The room restarted: messages above are from before, and can't be reacted to any more.", "gap");
  } else if (store.everJoined && !j.complete) {
    view.addMarker("Some messages from while you were away are not available.", "gap");
  }
  store.epoch = j.epoch;
  stage = "in";
  view.showRoom(store.config, store.state);
  let fresh = 0;
  for (const m of j.history || []) if (acceptMsg(m, { live: false })) fresh += 1;
  store.seen(j.seq || 0);
  if (store.isFacilitator()) fac.enable();
  renderMembers();
  renderState();
  if (resume && fresh > 0) view.announce(fresh === 1 ? "1 message while you were away." : `${fresh} messages while you were away.`);
  if (!store.everJoined) view.announce(`You are in ${store.config.title || roomId}.`);
  store.everJoined = true;
  conn.healthy();
  connStatus({ state: "joined" });
  for (const entry of store.pendingEntries()) sendEntry(entry); // resend with the same cid
}

function joinFailed(err, req) {
  view.setJoinBusy(false);
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
  pendingJoin = null;
  stage = "card";
  const card = store.card || { id: roomId, title: store.config.title || roomId, topic: "", online: 0 };
  switch (code) {
    case "agreement_required":
      card.agreement = err.message;
      card.agreed = false;
      view.showJoin(card, { name: store.me?.name || card.suggested_name, error: "Please read the room agreement and tick “I agree” to enter." });
      break;
    case "invalid":
      view.showJoin(card, { name: null, error: err.message || "That pseudonym can't be used. Please choose another." });
      $("name").focus();
      $("name").select();
      break;
    case "room_full":
      view.showJoin(card, { name: null, error: "This room is full right now. Please try again a little later." });
      break;
    case "not_found":
      view.showError("Room not found", "This room does not exist any more.");
      break;
    default:
      view.showError("You can't enter this room", err.message || code);
  }
}

// -- incoming frames --------------------------------------------------------------------------
function frame(f) {
  const req = f.ref !== undefined ? waiting.get(f.ref) : undefined;
  if (req) waiting.delete(f.ref);
  if (req?.kind === "ask") {
    if (f.type === "error") req.reject(f);
    else req.resolve(f);
    if (f.type === "ok" && f.epoch) sessionEnded(f.epoch);
    return;
  }
  if (f.room !== undefined && f.room !== roomId) return;
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
    case "typing":
      if (f.member && f.member !== store.me?.id) {
        store.typing.set(f.member, Date.now() + TYPING_SHOW_MS);
        renderTyping();
      }
      break;
    case "reaction":
      store.setReaction(f.seq, f.emoji, f.count);
      view.setReactions(f.seq, store.reactions.get(f.seq), store.mine);
      break;
    case "removed":
      store.unclaimed.delete(f.seq);
      store.reactions.delete(f.seq);
      view.removeMessage(f.seq);
      fac.onRemoved(f.seq);
      break;
    case "state": {
      const before = store.state;
      store.state = { ...store.state, ...pick(f, ["phase", "slow", "pinned", "topic", "floor", "queue"]) };
      announceState(before, store.state);
      renderState();
      renderMembers();
      break;
    }
    case "notice": onNotice(f); break;
    case "muted": onMuted(f); break;
    case "kicked":
      store.kicked = f;
      if (f.ended) stopFor("This session has ended", f.reason || "Thank you for being here.", false, "ended-session");
      else if (f.banned) stopFor("You can't return to this room", f.reason ? `The facilitator said: ${f.reason}` : "");
      else stopFor("You were removed from the session", f.reason ? `The facilitator said: ${f.reason}` : "");
      break;
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

function pick(obj, keys) {
  const out = {};
  for (const k of keys) if (k in obj) out[k] = obj[k];
  return out;
}

/** A delivered message from history or live; false when it was already shown. */
function acceptMsg(m, { live }) {
  if (typeof m.seq !== "number" || !m.from) return false;
  if (store.seqs.has(m.seq) || store.unclaimed.has(m.seq)) return false;
  store.seen(m.seq);
  if (store.me && m.from.id === store.me.id && store.hasUnacked()) {
    store.unclaimed.set(m.seq, m); // its ack will tell which of my pending messages it is
    return false;
  }
  store.seqs.add(m.seq);
  noteSpoke(m.from);
  view.addMessage(m, store.me, { live });
  const counts = store.reactions.get(m.seq);
  if (counts) view.setReactions(m.seq, counts, store.mine);
  if (live && m.from.id !== store.me?.id) {
    store.typing.delete(m.from.id);
    renderTyping();
    view.announce(`${m.from.name}: ${m.text}`);
  }
  return true;
}

function onMsg(m) {
  if (stage !== "in") return;
  acceptMsg(m, { live: true });
}

function flushUnclaimed() {
  if (store.hasUnacked()) return;
  const rest = [...store.unclaimed.values()].sort((a, b) => a.seq - b.seq);
  store.unclaimed.clear();
  for (const m of rest) acceptMsg(m, { live: false });
}

// -- sending ----------------------------------------------------------------------------------
function submitComposer() {
  const ta = $("composer-text");
  const text = ta.value;
  const n = textLength(text);
  if (!text.trim() || n > MAX_TEXT || ta.disabled) return;
  const entry = { cid: newCid(), text, ts: Date.now(), status: "pending", seq: null, el: null, error: null };
  store.outbox.set(entry.cid, entry);
  view.addEcho(entry, store.me);
  ta.value = "";
  updateComposer();
  typingSentAt = 0;
  sendEntry(entry);
}

function sendEntry(entry) {
  if (stage !== "in" || !store.joined) return; // flushed after the next `joined`
  const ref = conn.request({ type: "send", room: roomId, text: entry.text, cid: entry.cid });
  if (ref !== null) waiting.set(ref, { kind: "send", cid: entry.cid });
}

function onAck(a, req) {
  const entry = req?.kind === "send" ? store.outbox.get(req.cid) : null;
  if (!entry) return;
  entry.status = a.status;
  if (a.status === "held") {
    entry.held = a.held ?? null;
    entry.crisis = !!entry.crisis || (a.reasons || []).some((r) => /crisis|self|harm|suicid/i.test(String(r)));
    if (!entry.crisis) takeNotice(entry);
    view.setStatus(entry);
  } else if (typeof a.seq === "number") {
    if (store.state.slow > 0 && !store.isFacilitator()) {
      store.slowUntil = Date.now() + store.state.slow * 1000;
      refreshComposer();
    }
    if (a.status === "redacted") {
      entry.original = entry.text;
      entry.delivered = a.text;
      takeNotice(entry);
    }
    entry.seq = a.seq;
    store.seen(a.seq);
    noteSpoke(store.me);
    const m = store.unclaimed.get(a.seq) ||
      { seq: a.seq, from: store.me, text: a.text ?? entry.text, ts: entry.ts };
    store.unclaimed.delete(a.seq);
    if (typeof a.text === "string") m.text = a.text;
    if (store.seqs.has(a.seq)) {
      // Already shown (replayed after a reconnect): drop the echo, mark the shown one.
      view.discardEl(entry);
      entry.el = view.messageEl(a.seq);
    } else {
      store.seqs.add(a.seq);
      view.settleEcho(entry, m, store.me);
      const counts = store.reactions.get(a.seq);
      if (counts) view.setReactions(a.seq, counts, store.mine);
    }
    view.setStatus(entry);
    store.outbox.delete(entry.cid);
  }
  flushUnclaimed();
}

// -- private notices: a redaction or "waiting for review" note belongs to my message -----------
function takeNotice(entry) {
  const loose = looseNotices.shift();
  if (loose) { entry.note = loose.text; return; }
  recentNoted.push({ entry, at: Date.now() });
}

function onNotice(n) {
  if (n.level === "crisis") {
    // The crisis card replaces the generic note on a held message.
    const held = [...store.outbox.values()].find((e) => e.status === "held" || e.status === "pending");
    if (held && held.status === "held") { held.crisis = true; view.setStatus(held); }
    else if (held) held.crisis = true;
    const card = view.addNotice(n);
    view.announce(`Only you can see this: ${n.text || ""}`);
    // Bring the card to the person's attention: focus it and show it from its top.
    card.setAttribute("tabindex", "-1");
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "start" });
    return;
  }
  while (recentNoted.length && Date.now() - recentNoted[0].at > 5_000) recentNoted.shift();
  const target = recentNoted.shift();
  if (target) {
    target.entry.note = n.text;
    view.setStatus(target.entry);
    view.announce(`Only you can see this: ${n.text}`);
    return;
  }
  if (store.hasUnacked()) {
    // The ack is on its way: keep the note for it, or show it on its own if none claims it.
    const item = { text: n.text, n };
    looseNotices.push(item);
    setTimeout(() => {
      const i = looseNotices.indexOf(item);
      if (i >= 0) { looseNotices.splice(i, 1); view.addNotice(n); }
    }, 3_000);
    return;
  }
  view.addNotice(n);
  view.announce(n.text || "");
}

const RETRYABLE = new Set(["rate_limited", "slow_mode"]);

function onError(e, req) {
  if (req?.kind === "join") { joinFailed(e, req); return; }
  if (req?.kind === "send") {
    const entry = store.outbox.get(req.cid);
    if (!entry) return;
    if (RETRYABLE.has(e.code) && e.retry_after) {
      entry.status = "waiting";
      entry.error = e.code === "slow_mode" ? "Slow mode is on." : "You're sending quickly.";
      view.setStatus(entry);
      setTimeout(() => {
        if (entry.status !== "waiting") return;
        entry.status = "pending";
        entry.error = null;
        view.setStatus(entry);
        sendEntry(entry);
      }, Math.min(60_000, e.retry_after + 50));
    } else if (e.code === "not_joined") {
      entry.status = "pending";
      conn.drop(0); // our seat is gone: reconnect and rejoin, then this is resent
    } else if (e.code === "rejected") {
      entry.status = "refused";
      entry.error = (e.message || "").replace(/^this message can't be posted in this room\s*/i, "").replace(/^\((.*)\)$/, "$1");
      view.setStatus(entry);
    } else if (e.code === "muted") {
      entry.status = "error";
      entry.error = "you are muted for now.";
      if (!store.mutedUntil) onMuted({ until: e.retry_after ? Date.now() + e.retry_after : null, reason: e.message || "" });
      view.setStatus(entry);
    } else if (e.code === "paused" || e.code === "not_your_turn") {
      entry.status = "error";
      entry.error = e.code === "paused" ? "the room is paused." : "it's someone else's turn in the sharing round.";
      view.setStatus(entry);
    } else {
      entry.status = "error";
      entry.error = e.message || e.code;
      view.setStatus(entry);
    }
    flushUnclaimed();
    return;
  }
  if (req?.kind === "react") {
    view.announce(e.message || "That reaction could not be added.");
    store.mine.delete(req.key);
    view.setReactions(req.seq, store.reactions.get(req.seq), store.mine);
    return;
  }
  if (e.code === "rate_limited") {
    view.setComposerNote("Please slow down a little.", "warning");
    setTimeout(() => refreshComposer(), Math.min(10_000, e.retry_after || 2_000));
    return;
  }
  console.debug("hearth: error", e.code, e.message);
}

function onResolved(r) {
  const held = [...store.outbox.values()].filter((e) => e.status === "held");
  const entry = held.find((e) => e.held && e.held === r.held) || held.find((e) => !e.held);
  if (!entry) return;
  if (r.outcome === "approved") {
    // The message itself arrives as a normal `msg` with its seq.
    store.outbox.delete(entry.cid);
    view.discardEl(entry);
    view.announce("The facilitator approved your message; it is now shared.");
  } else {
    entry.status = "rejected";
    entry.reason = r.reason || "";
    view.setStatus(entry);
    store.outbox.delete(entry.cid);
    view.announce("The facilitator did not share your message." + (r.reason ? ` They said: ${r.reason}` : ""));
  }
}

function react(seq, emoji) {
  if (!seq || stage !== "in") return;
  const key = `${seq}:${emoji}`;
  if (store.mine.has(key)) return; // the server counts each person once
  const ref = conn.request({ type: "react", room: roomId, seq, emoji });
  if (ref === null) { view.announce("Not connected. Try again in a moment."); return; }
  store.mine.add(key);
  waiting.set(ref, { kind: "react", seq, key });
}

function maybeSendTyping() {
  const now = Date.now();
  if (stage !== "in" || now - typingSentAt < TYPING_SEND_EVERY_MS) return;
  if (conn.send({ type: "typing", room: roomId })) typingSentAt = now;
}

function renderTyping() {
  view.renderTyping(store.typingNames());
  clearTimeout(typingTimer);
  const next = store.nextTypingExpiry();
  if (next !== Infinity) typingTimer = setTimeout(renderTyping, Math.max(50, next - Date.now() + 20));
}

// -- composer state ---------------------------------------------------------------------------
function updateComposer() {
  const ta = $("composer-text");
  const n = textLength(ta.value);
  view.updateCount(n);
  $("send").disabled = ta.disabled || !ta.value.trim() || n > MAX_TEXT;
  if (n > MAX_TEXT) view.setComposerNote(`Your message is ${n - MAX_TEXT} characters over the limit of ${MAX_TEXT}.`, "warning");
  else if ($("composer-note").dataset.kind === "warning" && !store.postingBlock()) view.setComposerNote("");
}

function onMuted(m) {
  // `until: null` means "unmuted". A mute with no end still carries a time (the longest
  // mute) and says `open_ended: true`, so it is shown as "until they unmute you".
  const wasMuted = !!store.mutedUntil;
  if (typeof m.until !== "number" || m.muted === false) store.mutedUntil = null;
  else store.mutedUntil = m.open_ended ? Infinity : m.until;
  store.muteReason = m.reason || "";
  if (store.mutedUntil) view.announce("The facilitator has muted you for now.");
  else if (wasMuted) view.announce("You can post again.");
  refreshComposer();
}

function refreshComposer() {
  clearInterval(muteTimer);
  muteTimer = null;
  renderHand();
  const block = store.postingBlock();
  if (block === "muted") {
    const tick = () => {
      const reason = store.muteReason ? ` Reason: ${store.muteReason}` : "";
      if (store.mutedUntil === Infinity) {
        view.setComposerNote(`The facilitator has muted you until they unmute you. You can keep reading.${reason}`, "muted");
        return;
      }
      const left = Math.max(0, store.mutedUntil - Date.now());
      if (left <= 0) { store.mutedUntil = null; refreshComposer(); return; }
      view.setComposerNote(`The facilitator has muted you. You can post again in ${mmss(left)}.${reason}`, "muted");
    };
    tick();
    muteTimer = setInterval(tick, 1000);
    view.setComposerEnabled(false);
    return;
  }
  view.setComposerEnabled(!block);
  if (!block && store.slowUntil > Date.now() && store.state.slow > 0) {
    const tick = () => {
      const left = store.slowUntil - Date.now();
      if (left <= 0 || !store.state.slow) { store.slowUntil = 0; refreshComposer(); return; }
      view.setComposerNote(`Slow mode is on: you can send your next message in ${Math.ceil(left / 1000)} s.`, "slow");
    };
    tick();
    muteTimer = setInterval(tick, 500);
    updateComposer();
    return;
  }
  view.setComposerNote(block || "", block ? "blocked" : "info");
  updateComposer();
}

function mmss(ms) {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

// -- room state, members, hands ---------------------------------------------------------------
function renderState() {
  view.renderState(store.state, store);
  fac.renderControls();
  refreshComposer();
}

function renderMembers() {
  view.renderMembers(store.sortedMembers(), store.me, {
    queue: store.state.queue || [], floor: store.state.floor, sanctions: store.sanctions,
    spoke: store.spoke, facilitator: store.isFacilitator(),
  });
  if ($("dlg-member").open) fac.memberStatus();
}

function noteSpoke(from) {
  if (!from || store.spoke.has(from.id)) return;
  store.spoke.add(from.id);
  renderMembers();
}

function announceState(before, after) {
  const me = store.me?.id;
  if (before.phase !== after.phase) {
    if (after.phase === "paused") view.announce("The facilitator has paused the room.");
    else if (after.phase === "round") view.announce("A sharing round has started: one person shares at a time.");
    else if (before.phase === "paused") view.announce("The room is open again.");
    else view.announce("The sharing round has ended. Everyone can post.");
  }
  if (after.floor !== before.floor && after.floor && after.floor === me) view.announce("It's your turn to share.");
  if (after.slow !== before.slow) {
    view.announce(after.slow ? `Slow mode: one message every ${after.slow} seconds.` : "Slow mode is off.");
    if (!after.slow) store.slowUntil = 0;
  }
}

function renderHand() {
  const bar = $("hand-bar");
  const st = store.state;
  const me = store.me?.id;
  const show = stage === "in" && !store.isFacilitator() && !!me && (st.phase === "round" || (st.queue || []).includes(me));
  bar.hidden = !show;
  if (!show) return;
  const pos = (st.queue || []).indexOf(me);
  const hasFloor = st.floor === me;
  const btn = $("hand-btn");
  btn.hidden = hasFloor;
  btn.textContent = pos >= 0 ? "Lower hand" : "Raise hand";
  btn.setAttribute("aria-pressed", String(pos >= 0));
  $("pass-btn").hidden = !hasFloor;
  $("hand-text").textContent = hasFloor ? "You have the floor. When you're done, pass it on."
    : pos === 0 ? "Your hand is up — you're next."
      : pos > 0 ? `Your hand is up — number ${pos + 1} in the queue.`
        : "Raise your hand to share in this round.";
}

async function hand(up, pass = false) {
  const frame = { type: "hand", room: roomId, up };
  if (pass) frame.pass = true;
  try {
    await ask(frame);
    view.announce(pass ? "You passed the floor." : up ? "Your hand is up." : "Your hand is down.");
  } catch (err) {
    view.announce(err?.message || "That didn't work.");
  }
}

// -- report and remove ------------------------------------------------------------------------
let reportSeq = null;
function openReport(seq, li, opener) {
  reportSeq = seq;
  const dlg = $("dlg-report");
  $("report-form").hidden = false;
  $("report-done").hidden = true;
  $("report-error").textContent = "";
  $("report-reason").value = "";
  $("report-send").disabled = false;
  const name = li.querySelector(".msg-name")?.textContent || "";
  $("report-quote").textContent = `${name}: ${li.querySelector(".msg-text")?.textContent || ""}`;
  openDialog(dlg, { opener, focus: $("report-reason") });
}

async function sendReport() {
  if (!reportSeq) return;
  const frame = { type: "report", room: roomId, seq: reportSeq };
  const reason = $("report-reason").value.trim();
  if (reason) frame.reason = reason;
  $("report-send").disabled = true;
  try {
    await ask(frame);
  } catch (err) {
    $("report-error").textContent = err?.message || "The report could not be sent. Please try again.";
    $("report-send").disabled = false;
    return;
  }
  $("report-form").hidden = true;
  $("report-done").hidden = false;
  $("report-done").querySelector("button").focus();
  view.announce("Thanks — the facilitator will look at it. They won't know it was you.");
}

async function removeMessage(seq, li, opener) {
  const name = li.querySelector(".msg-name")?.textContent || "";
  const yes = await confirmDialog({
    title: "Remove this message?",
    text: `The message from ${name} disappears for everyone and is not kept in the room's history.`,
    action: "Remove", opener,
  });
  if (!yes) return;
  try {
    await ask({ type: "mod", room: roomId, action: "remove", seq });
    view.announce("Message removed.");
  } catch (err) {
    view.announce(`Couldn't remove it: ${err?.message || err?.code}`);
  }
}

/** I ended the session: the history is purged and a new epoch begins. */
function sessionEnded(epoch) {
  store.resetHistory();
  store.spoke.clear();
  store.sanctions.clear();
  fac.clear();
  store.epoch = epoch;
  $("messages").replaceChildren();
  view.addMarker("You ended the session. Members were thanked and removed, and the conversation was deleted.", "ended");
  view.announce("Session ended.");
  renderMembers();
}

// -- connection status ------------------------------------------------------------------------
let countdown = null;
function connStatus(s) {
  clearInterval(countdown);
  countdown = null;
  if (s.state === "connecting") {
    view.setConn("connecting", store.everJoined ? "Reconnecting…" : "Connecting…");
  } else if (s.state === "open") {
    view.setConn("connecting", store.everJoined ? "Rejoining…" : "Connected");
  } else if (s.state === "joined") {
    if ($("conn-status").dataset.state === "offline") view.announce("Reconnected.");
    view.setConn("online", "Connected");
  } else if (s.state === "waiting") {
    store.joined = false;
    // The countdown is not a live region (it would be read every second): announce once.
    if (store.everJoined && $("conn-status").dataset.state !== "offline") view.announce("Connection lost. Reconnecting…");
    const tick = () => {
      const left = Math.max(0, Math.ceil((s.at - Date.now()) / 1000));
      view.setConn("offline", navigator.onLine === false ? "Offline — waiting for the network…"
        : left > 0 ? `Connection lost. Reconnecting in ${left} s…` : "Reconnecting…");
    };
    tick();
    countdown = setInterval(tick, 500);
    if (!store.everJoined && stage === "connecting") view.show("screen-loading");
  } else if (s.state === "stopped") {
    store.joined = false;
    if (s.code === 4501 && invite && token !== invite) {
      // The personal token we kept stopped working: start again from the invite link.
      tokens.forget(roomId);
      token = invite;
      invite = null;
      conn.start();
      return;
    }
    if (store.kicked) return;
    if (s.code === 4503) { stopFor("You were removed from the room", ""); return; }
    const text = finalCloseText(s.code);
    if (store.everJoined) {
      stopFor("Disconnected", text, true);
    } else {
      if (s.code === 4501) tokens.forget(roomId);
      view.showError(s.code === 4501 ? "This link can't be used" : "Disconnected", text,
        s.code === 4501 ? null : () => location.reload());
    }
  }
}

/** Stay on the transcript but stop talking to the server. */
function stopFor(title, detail, canRetry = false, kind = "ended") {
  stage = "final";
  conn.stop();
  clearInterval(muteTimer);
  for (const d of document.querySelectorAll("dialog[open]")) closeDialog(d);
  $("hand-bar").hidden = true;
  view.setConn("stopped", kind === "ended-session" ? "Session ended" : title);
  view.setComposerEnabled(false);
  view.setComposerNote(kind === "ended-session" ? "The session has ended." : `${title}.`, "blocked");
  const full = detail.startsWith(title) ? detail : [title + ".", detail].filter(Boolean).join(" ");
  const marker = view.addMarker([full, canRetry ? "Reload the page to try again." : ""].filter(Boolean).join(" "),
    kind === "ended-session" ? "ended session-end" : "ended");
  // Nobody is "here" any more as far as this page knows.
  store.setMembers([]);
  view.renderMembers([], store.me, {});
  $("quiet-line").textContent = "You are no longer in the room.";
  marker.setAttribute("tabindex", "-1");
  marker.focus({ preventScroll: false });
  view.announce(full);
}

// Opening the invite link again while this page is open only changes the fragment: take the
// token out of the address bar again (this page already has a token for the room).
window.addEventListener("hashchange", () => { tokens.takeFragment(); });

// -- debugging hooks (tests use these; they only affect this page's own connection) -------------
window.hearthDebug = Object.freeze({
  dropSocket: (holdMs = 0) => conn.drop(Number(holdMs) || 0),
  state: () => ({
    stage, lastSeq: store.lastSeq, epoch: store.epoch, me: store.me, connects: conn.connects,
    joins: store.stats.joins, resumes: store.stats.resumes, lastJoin: store.stats.lastJoin,
    outbox: store.outbox.size,
  }),
});

boot();
