// Delivered messages from history or live: dedupe by seq, and hold back ones of mine until
// their ack says which of my pending messages they are.

import { session, store } from "./session.js";
import { addMessage, setReactions } from "./message-list.js";
import { noteSpoke } from "./member-list.js";
import { renderTyping } from "./typing.js";
import { announce } from "./announce.js";

/** A delivered message from history or live; false when it was already shown. */
export function acceptMsg(m, { live }) {
  if (typeof m.seq !== "number" || !m.from) return false;
  if (store.seqs.has(m.seq) || store.unclaimed.has(m.seq)) return false;
  store.seen(m.seq);
  if (store.me && m.from.id === store.me.id && store.hasUnacked()) {
    store.unclaimed.set(m.seq, m); // its ack will tell which of my pending messages it is
    return false;
  }
  store.seqs.add(m.seq);
  noteSpoke(m.from);
  addMessage(m, store.me, { live });
  const counts = store.reactions.get(m.seq);
  if (counts) setReactions(m.seq, counts, store.mine);
  if (live && m.from.id !== store.me?.id) {
    store.typing.delete(m.from.id);
    renderTyping();
    announce(`${m.from.name}: ${m.text}`);
  }
  return true;
}

/** A live `msg` frame. */
export function onMsg(m) {
  if (session.stage !== "in") return;
  acceptMsg(m, { live: true });
}

/** Once none of mine wait for an ack, show what was held back for them. */
export function flushUnclaimed() {
  if (store.hasUnacked()) return;
  const rest = [...store.unclaimed.values()].sort((a, b) => a.seq - b.seq);
  store.unclaimed.clear();
  for (const m of rest) acceptMsg(m, { live: false });
}
