// Private notices: a redaction or "waiting for review" note belongs to my message; a crisis
// notice becomes a card that takes focus; anything else is shown on its own.

import { store } from "./session.js";
import { addNotice } from "./notice-card.js";
import { setStatus } from "./message-status.js";
import { announce } from "./announce.js";

const recentNoted = []; // my messages just acked redacted/held, waiting for their private notice
const looseNotices = []; // info notices that came before their ack

/** My message `entry` expects a private note: take one that came early, or wait for it. */
export function takeNotice(entry) {
  const loose = looseNotices.shift();
  if (loose) { entry.note = loose.text; return; }
  recentNoted.push({ entry, at: Date.now() });
}

export function onNotice(n) {
  if (n.level === "crisis") {
    // The crisis card replaces the generic note on a held message.
    const held = [...store.outbox.values()].find((e) => e.status === "held" || e.status === "pending");
    if (held && held.status === "held") { held.crisis = true; setStatus(held); }
    else if (held) held.crisis = true;
    const card = addNotice(n);
    announce(`Only you can see this: ${n.text || ""}`);
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
    setStatus(target.entry);
    announce(`Only you can see this: ${n.text}`);
    return;
  }
  if (store.hasUnacked()) {
    // The ack is on its way: keep the note for it, or show it on its own if none claims it.
    const item = { text: n.text, n };
    looseNotices.push(item);
    setTimeout(() => {
      const i = looseNotices.indexOf(item);
      if (i >= 0) { looseNotices.splice(i, 1); addNotice(n); }
    }, 3_000);
    return;
  }
  addNotice(n);
  announce(n.text || "");
}
