// Reacting to messages: sending a reaction (once per person and emoji), counts from the
// server, and undoing my mark when the server refuses.

import { roomId, session, store } from "./session.js";
import { request } from "./requests.js";
import { setReactions } from "./message-list.js";
import { announce } from "./announce.js";

export function react(seq, emoji) {
  if (!seq || session.stage !== "in") return;
  const key = `${seq}:${emoji}`;
  if (store.mine.has(key)) return; // the server counts each person once
  if (!request({ type: "react", room: roomId, seq, emoji }, { kind: "react", seq, key })) {
    announce("Not connected. Try again in a moment.");
    return;
  }
  store.mine.add(key);
}

/** A `reaction` frame: the new count for one emoji on one message. */
export function onReaction(f) {
  store.setReaction(f.seq, f.emoji, f.count);
  setReactions(f.seq, store.reactions.get(f.seq), store.mine);
}

/** My reaction request `req` was refused with error `e`. */
export function reactFailed(e, req) {
  announce(e.message || "That reaction could not be added.");
  store.mine.delete(req.key);
  setReactions(req.seq, store.reactions.get(req.seq), store.mine);
}
