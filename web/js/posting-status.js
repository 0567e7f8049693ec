// What stops me posting right now — a mute (with its countdown), slow mode, a paused room or
// someone else's turn — shown in the composer's note line, and the composer enabled to match.

import { store } from "./session.js";
import { setComposerEnabled, setComposerNote, updateComposer } from "./composer.js";
import { renderHand } from "./hand.js";
import { announce } from "./announce.js";

let muteTimer = null;

/** A `muted` frame (or a `muted` error): start or end my mute. */
export function onMuted(m) {
  // `until: null` means "unmuted". A mute with no end still carries a time (the longest
  // mute) and says `open_ended: true`, so it is shown as "until they unmute you".
  const wasMuted = !!store.mutedUntil;
  if (typeof m.until !== "number" || m.muted === false) store.mutedUntil = null;
  else store.mutedUntil = m.open_ended ? Infinity : m.until;
  store.muteReason = m.reason || "";
  if (store.mutedUntil) announce("The facilitator has muted you for now.");
  else if (wasMuted) announce("You can post again.");
  refreshComposer();
}

export function refreshComposer() {
  clearInterval(muteTimer);
  muteTimer = null;
  renderHand();
  const block = store.postingBlock();
  if (block === "muted") {
    const tick = () => {
      const reason = store.muteReason ? ` Reason: ${store.muteReason}` : "";
      if (store.mutedUntil === Infinity) {
        setComposerNote(`The facilitator has muted you until they unmute you. You can keep reading.${reason}`, "muted");
        return;
      }
      const left = Math.max(0, store.mutedUntil - Date.now());
      if (left <= 0) { store.mutedUntil = null; refreshComposer(); return; }
      setComposerNote(`The facilitator has muted you. You can post again in ${mmss(left)}.${reason}`, "muted");
    };
    tick();
    muteTimer = setInterval(tick, 1000);
    setComposerEnabled(false);
    return;
  }
  setComposerEnabled(!block);
  if (!block && store.slowUntil > Date.now() && store.state.slow > 0) {
    const tick = () => {
      const left = store.slowUntil - Date.now();
      if (left <= 0 || !store.state.slow) { store.slowUntil = 0; refreshComposer(); return; }
      setComposerNote(`Slow mode is on: you can send your next message in ${Math.ceil(left / 1000)} s.`, "slow");
    };
    tick();
    muteTimer = setInterval(tick, 500);
    updateComposer();
    return;
  }
  setComposerNote(block || "", block ? "blocked" : "info");
  updateComposer();
}

/** Slow mode after one of my messages was delivered: wait before the next one. */
export function startSlowWait() {
  if (store.state.slow > 0 && !store.isFacilitator()) {
    store.slowUntil = Date.now() + store.state.slow * 1000;
    refreshComposer();
  }
}

/** The server asked me to slow down (a request other than a message). */
export function slowDown(retryAfter) {
  setComposerNote("Please slow down a little.", "warning");
  setTimeout(() => refreshComposer(), Math.min(10_000, retryAfter || 2_000));
}

/** The page stopped talking to the server: no more countdowns. */
export function stopPostingTimers() {
  clearInterval(muteTimer);
}

function mmss(ms) {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
