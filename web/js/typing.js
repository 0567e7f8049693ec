// "… is typing": telling others (at most every few seconds) and showing who is.

import { $ } from "./dom.js";
import { TYPING_SHOW_MS } from "./store.js";
import { roomId, session, store } from "./session.js";

const TYPING_SEND_EVERY_MS = 2_000;

let typingSentAt = 0;
let typingTimer = null;

export function maybeSendTyping() {
  const now = Date.now();
  if (session.stage !== "in" || now - typingSentAt < TYPING_SEND_EVERY_MS) return;
  if (session.conn.send({ type: "typing", room: roomId })) typingSentAt = now;
}

/** I just sent a message: the next keystroke may say "typing" again at once. */
export function resetTypingThrottle() {
  typingSentAt = 0;
}

/** A `typing` frame: someone else is typing. */
export function onTyping(f) {
  if (f.member && f.member !== store.me?.id) {
    store.typing.set(f.member, Date.now() + TYPING_SHOW_MS);
    renderTyping();
  }
}

export function renderTyping() {
  const names = store.typingNames();
  let text = "";
  if (names.length === 1) text = `${names[0]} is typing…`;
  else if (names.length === 2) text = `${names[0]} and ${names[1]} are typing…`;
  else if (names.length > 2) text = "Several people are typing…";
  $("typing").textContent = text;
  clearTimeout(typingTimer);
  const next = store.nextTypingExpiry();
  if (next !== Infinity) typingTimer = setTimeout(renderTyping, Math.max(50, next - Date.now() + 20));
}
