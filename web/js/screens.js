// The page's screens (loading, error, join, room, left) and the room header.

import { $ } from "./dom.js";
import { scrollToBottom } from "./message-list.js";

const SCREENS = ["screen-loading", "screen-error", "screen-join", "screen-room", "screen-left"];

export function show(screen) {
  for (const id of SCREENS) $(id).hidden = id !== screen;
}

export function showError(title, text, retry = null) {
  $("error-title").textContent = title;
  $("error-text").textContent = text;
  const btn = $("error-retry");
  btn.hidden = !retry;
  btn.onclick = retry;
  document.title = `${title} — Hearth`;
  show("screen-error");
  $("error-title").setAttribute("tabindex", "-1");
  $("error-title").focus();
}

export function showRoom(config, state) {
  $("room-title").textContent = config.title || config.id;
  document.title = `${config.title || config.id} — Hearth`;
  setTopic(state.topic || config.topic || "");
  const wasHidden = $("screen-room").hidden;
  show("screen-room");
  if (wasHidden) {
    const narrow = window.matchMedia("(max-width: 760px)").matches;
    setMembersOpen(!narrow);
    scrollToBottom();
    $("composer-text").focus();
  }
}

export function setTopic(topic) {
  $("room-topic").textContent = topic;
  $("room-topic").hidden = !topic;
}

function setMembersOpen(open) {
  $("members-toggle").setAttribute("aria-expanded", String(open));
  $("screen-room").classList.toggle("members-open", open);
}

/** The header's "N here" button shows or hides the member list. */
export function wireMembersToggle() {
  $("members-toggle").addEventListener("click", () => {
    setMembersOpen($("members-toggle").getAttribute("aria-expanded") !== "true");
  });
}
