// Leaving on purpose: the header's "Leave room", `leave` for the room, no more reconnecting,
// the calm "you left" screen, rejoining as the same person, and forgetting me on this device.

import { $ } from "./dom.js";
import { roomId, session, store } from "./session.js";
import { ask } from "./requests.js";
import { show, showRoom } from "./screens.js";
import { closeDialog } from "./dialogs.js";
import { stopPostingTimers } from "./posting-status.js";
import { addMarker, clearMessages } from "./message-list.js";
import { renderMembers } from "./member-list.js";
import { renderTyping } from "./typing.js";
import { setConn } from "./conn-indicator.js";
import { forgetRoom } from "./device.js";

// Others should see me go at once, but a slow or lost answer must not keep me waiting.
const LEAVE_WAIT_MS = 3_000;

const pause = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

export async function leaveRoom() {
  if (session.stage === "left") return;
  const inRoom = session.stage === "in" && store.joined;
  session.stage = "left"; // from now on nothing rejoins on a new socket
  $("leave-btn").disabled = true;
  if (inRoom) await Promise.race([ask({ type: "leave", room: roomId }).catch(() => null), pause(LEAVE_WAIT_MS)]);
  $("leave-btn").disabled = false;
  if (session.stage !== "left") return; // removed or ended meanwhile: the room says why
  session.conn.stop();
  store.joined = false;
  stopPostingTimers();
  for (const d of document.querySelectorAll("dialog[open]")) closeDialog(d);
  store.setMembers([]);
  store.typing.clear();
  renderMembers();
  renderTyping();
  setConn("stopped", "You left");
  addMarker("You left the room.", "left");
  showLeft();
}

function roomTitle() {
  return store.config.title || store.card?.title || roomId;
}

function showLeft() {
  const title = roomTitle();
  $("left-title").textContent = `You left ${title}.`;
  $("left-actions").hidden = false;
  $("left-forgotten").hidden = true;
  $("left-rejoin").hidden = !!store.kicked || !session.token;
  document.title = `You left ${title} — Hearth`;
  show("screen-left");
  $("left-title").focus();
}

/** Back in as the same person: the same personal token, pseudonym and place in the history. */
function rejoinRoom() {
  if (session.stage !== "left" || !session.token) return;
  session.stage = "joining"; // the next `welcome` rejoins (see frames.js)
  showRoom(store.config, store.state);
  session.conn.start();
}

/** Remove everything this page keeps about the room, on the device and on the page. */
function forgetMe() {
  if (session.stage !== "left") return;
  forgetRoom();
  clearMessages();
  store.resetHistory();
  store.outbox.clear();
  store.me = null;
  session.fac.clear();
  for (const id of ["activity-list", "pinned", "typing"]) $(id).replaceChildren();
  $("composer-text").value = "";
  $("name").value = "";
  $("room-title").textContent = "";
  $("room-topic").textContent = "";
  $("left-actions").hidden = true;
  $("left-forgotten").hidden = false;
  document.title = "Hearth";
  $("left-forgotten").focus();
}

export function wireLeave() {
  $("leave-btn").addEventListener("click", () => { leaveRoom(); });
  $("left-rejoin").addEventListener("click", rejoinRoom);
  $("left-forget").addEventListener("click", forgetMe);
}
