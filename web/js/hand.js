// Sharing rounds for members: the hand bar (raise or lower a hand, pass the floor).

import { $ } from "./dom.js";
import { roomId, session, store } from "./session.js";
import { ask } from "./requests.js";
import { announce } from "./announce.js";

export function renderHand() {
  const bar = $("hand-bar");
  const st = store.state;
  const me = store.me?.id;
  const show = session.stage === "in" && !store.isFacilitator() && !!me && (st.phase === "round" || (st.queue || []).includes(me));
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
    announce(pass ? "You passed the floor." : up ? "Your hand is up." : "Your hand is down.");
  } catch (err) {
    announce(err?.message || "That didn't work.");
  }
}

export function wireHand() {
  $("hand-btn").addEventListener("click", () => hand((store.state.queue || []).indexOf(store.me?.id) < 0));
  $("pass-btn").addEventListener("click", () => hand(false, true));
}
