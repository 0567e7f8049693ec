// Posting my messages: the outbox entry and its echo, sending (and resending with the same
// cid after a reconnect), acks, refusals and retries, and the facilitator's review of held ones.

import { $ } from "./dom.js";
import { MAX_TEXT, newCid, textLength } from "./store.js";
import { roomId, session, store } from "./session.js";
import { request } from "./requests.js";
import { editText, updateComposer } from "./composer.js";
import { onMuted, startSlowWait } from "./posting-status.js";
import { addEcho, discardEl, setStatus, settleEcho } from "./message-status.js";
import { messageEl, setReactions } from "./message-list.js";
import { takeNotice } from "./notices.js";
import { flushUnclaimed } from "./incoming.js";
import { noteSpoke } from "./member-list.js";
import { resetTypingThrottle } from "./typing.js";
import { announce } from "./announce.js";

const RETRYABLE = new Set(["rate_limited", "slow_mode"]);

/** Send what is in the composer. */
export function submitComposer() {
  const ta = $("composer-text");
  const text = ta.value;
  const n = textLength(text);
  if (!text.trim() || n > MAX_TEXT || ta.disabled) return;
  const entry = { cid: newCid(), text, ts: Date.now(), status: "pending", seq: null, el: null, error: null };
  store.outbox.set(entry.cid, entry);
  addEcho(entry, store.me);
  ta.value = "";
  updateComposer();
  resetTypingThrottle();
  sendEntry(entry);
}

export function sendEntry(entry) {
  if (session.stage !== "in" || !store.joined) return; // flushed after the next `joined`
  request({ type: "send", room: roomId, text: entry.text, cid: entry.cid }, { kind: "send", cid: entry.cid });
}

// -- the actions on a message that was not sent ------------------------------------------------
export function retryEntry(entry) {
  entry.status = "pending";
  entry.error = null;
  setStatus(entry);
  sendEntry(entry);
}

export function discardEntry(entry) {
  store.outbox.delete(entry.cid);
  discardEl(entry);
  $("composer-text").focus();
}

export function editEntry(entry) {
  store.outbox.delete(entry.cid);
  discardEl(entry);
  editText(entry.text);
}

// -- answers -----------------------------------------------------------------------------------
export function onAck(a, req) {
  const entry = req?.kind === "send" ? store.outbox.get(req.cid) : null;
  if (!entry) return;
  entry.status = a.status;
  if (a.status === "held") {
    entry.held = a.held ?? null;
    entry.crisis = !!entry.crisis || (a.reasons || []).some((r) => /crisis|self|harm|suicid/i.test(String(r)));
    if (!entry.crisis) takeNotice(entry);
    setStatus(entry);
  } else if (typeof a.seq === "number") {
    startSlowWait();
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
      discardEl(entry);
      entry.el = messageEl(a.seq);
    } else {
      store.seqs.add(a.seq);
      settleEcho(entry, m, store.me);
      const counts = store.reactions.get(a.seq);
      if (counts) setReactions(a.seq, counts, store.mine);
    }
    setStatus(entry);
    store.outbox.delete(entry.cid);
  }
  flushUnclaimed();
}

/** My `send` request `req` was refused with error `e`. */
export function sendFailed(e, req) {
  const entry = store.outbox.get(req.cid);
  if (!entry) return;
  if (RETRYABLE.has(e.code) && e.retry_after) {
    entry.status = "waiting";
    entry.error = e.code === "slow_mode" ? "Slow mode is on." : "You're sending quickly.";
    setStatus(entry);
    setTimeout(() => {
      if (entry.status !== "waiting") return;
      entry.status = "pending";
      entry.error = null;
      setStatus(entry);
      sendEntry(entry);
    }, Math.min(60_000, e.retry_after + 50));
  } else if (e.code === "not_joined") {
    entry.status = "pending";
    session.conn.drop(0); // our seat is gone: reconnect and rejoin, then this is resent
  } else if (e.code === "rejected") {
    entry.status = "refused";
    entry.error = (e.message || "").replace(/^this message can't be posted in this room\s*/i, "").replace(/^\((.*)\)$/, "$1");
    setStatus(entry);
  } else if (e.code === "muted") {
    entry.status = "error";
    entry.error = "you are muted for now.";
    if (!store.mutedUntil) onMuted({ until: e.retry_after ? Date.now() + e.retry_after : null, reason: e.message || "" });
    setStatus(entry);
  } else if (e.code === "paused" || e.code === "not_your_turn") {
    entry.status = "error";
    entry.error = e.code === "paused" ? "the room is paused." : "it's someone else's turn in the sharing round.";
    setStatus(entry);
  } else {
    entry.status = "error";
    entry.error = e.message || e.code;
    setStatus(entry);
  }
  flushUnclaimed();
}

/** A `resolved` frame: the facilitator approved or rejected one of my held messages. */
export function onResolved(r) {
  const held = [...store.outbox.values()].filter((e) => e.status === "held");
  const entry = held.find((e) => e.held && e.held === r.held) || held.find((e) => !e.held);
  if (!entry) return;
  if (r.outcome === "approved") {
    // The message itself arrives as a normal `msg` with its seq.
    store.outbox.delete(entry.cid);
    discardEl(entry);
    announce("The facilitator approved your message; it is now shared.");
  } else {
    entry.status = "rejected";
    entry.reason = r.reason || "";
    setStatus(entry);
    store.outbox.delete(entry.cid);
    announce("The facilitator did not share your message." + (r.reason ? ` They said: ${r.reason}` : ""));
  }
}
