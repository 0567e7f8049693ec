// The room's state (phase, sharing round, slow mode, pinned note, topic): the phase banner,
// the pinned note, and announcing changes to screen-reader users.

import { $, h } from "./dom.js";
import { renderRich } from "./rich.js";
import { setTopic } from "./screens.js";
import { session, store } from "./session.js";
import { refreshComposer } from "./posting-status.js";
import { announce } from "./announce.js";

const STATE_KEYS = ["phase", "slow", "pinned", "topic", "floor", "queue", "language", "detection"];

/** Render the banner, pinned note, console controls and composer from the store. */
export function renderState() {
  renderBanners(store.state);
  session.fac.renderControls();
  refreshComposer();
}

/** A `state` frame: merge what it carries, announce what changed. */
export function applyState(f) {
  const before = store.state;
  store.state = { ...store.state, ...pick(f, STATE_KEYS) };
  announceState(before, store.state);
}

function pick(obj, keys) {
  const out = {};
  for (const k of keys) if (k in obj) out[k] = obj[k];
  return out;
}

function renderBanners(state) {
  const banner = $("phase-banner");
  const parts = [];
  const fac = store.isFacilitator();
  if (state.phase === "paused") {
    parts.push(fac ? "The room is paused: only facilitators can post."
      : "The facilitator has paused the room for a moment. You can keep reading.");
  } else if (state.phase === "round") {
    const me = store.me?.id;
    const floor = state.floor ? store.nameOf(state.floor) : null;
    if (state.floor && state.floor === me) parts.push("Sharing round — it's your turn. Take your time.");
    else parts.push(floor ? `Sharing round — ${floor} has the floor.` : "Sharing round: one person shares at a time.");
    const pos = me ? (state.queue || []).indexOf(me) : -1;
    if (pos === 0) parts.push("You're next in the queue.");
    else if (pos > 0) parts.push(`You're number ${pos + 1} in the queue.`);
    else if (!fac && state.floor !== me) parts.push("Raise your hand to share.");
  }
  if (state.slow > 0) parts.push(`Slow mode: one message every ${state.slow} seconds.`);
  const text = parts.join(" ");
  banner.textContent = text;
  banner.hidden = !text;
  banner.dataset.phase = state.phase;
  const pinned = $("pinned");
  pinned.replaceChildren();
  if (state.pinned) {
    const body = h("div", { class: "pinned-text" });
    renderRich(body, state.pinned);
    pinned.append(h("span", { class: "pinned-label", text: "Pinned by the facilitator" }), body);
  }
  pinned.hidden = !state.pinned;
  if (typeof state.topic === "string") setTopic(state.topic);
}

function announceState(before, after) {
  const me = store.me?.id;
  if (before.phase !== after.phase) {
    if (after.phase === "paused") announce("The facilitator has paused the room.");
    else if (after.phase === "round") announce("A sharing round has started: one person shares at a time.");
    else if (before.phase === "paused") announce("The room is open again.");
    else announce("The sharing round has ended. Everyone can post.");
  }
  if (after.floor !== before.floor && after.floor && after.floor === me) announce("It's your turn to share.");
  if (after.slow !== before.slow) {
    announce(after.slow ? `Slow mode: one message every ${after.slow} seconds.` : "Slow mode is off.");
    if (!after.slow) store.slowUntil = 0;
  }
}
