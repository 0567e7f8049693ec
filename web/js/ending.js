// When this page stops being in the room: removed, banned, the session ended, or the
// connection gave up; and when I (a facilitator) end the session for everyone.

import { $ } from "./dom.js";
import { session, store } from "./session.js";
import { closeDialog } from "./dialogs.js";
import { setComposerEnabled, setComposerNote } from "./composer.js";
import { stopPostingTimers } from "./posting-status.js";
import { addMarker, clearMessages } from "./message-list.js";
import { renderMemberList, renderMembers } from "./member-list.js";
import { setConn } from "./conn-indicator.js";
import { announce } from "./announce.js";

/** Stay on the transcript but stop talking to the server. */
export function stopFor(title, detail, canRetry = false, kind = "ended") {
  session.stage = "final";
  session.conn.stop();
  stopPostingTimers();
  for (const d of document.querySelectorAll("dialog[open]")) closeDialog(d);
  $("hand-bar").hidden = true;
  setConn("stopped", kind === "ended-session" ? "Session ended" : title);
  setComposerEnabled(false);
  setComposerNote(kind === "ended-session" ? "The session has ended." : `${title}.`, "blocked");
  const full = detail.startsWith(title) ? detail : [title + ".", detail].filter(Boolean).join(" ");
  const marker = addMarker([full, canRetry ? "Reload the page to try again." : ""].filter(Boolean).join(" "),
    kind === "ended-session" ? "ended session-end" : "ended");
  // Nobody is "here" any more as far as this page knows.
  store.setMembers([]);
  renderMemberList([], store.me, {});
  $("quiet-line").textContent = "You are no longer in the room.";
  marker.setAttribute("tabindex", "-1");
  marker.focus({ preventScroll: false });
  announce(full);
}

/** A `kicked` frame: the session ended, or I was removed or banned. */
export function onKicked(f) {
  store.kicked = f;
  if (f.ended) stopFor("This session has ended", f.reason || "Thank you for being here.", false, "ended-session");
  else if (f.banned) stopFor("You can't return to this room", f.reason ? `The facilitator said: ${f.reason}` : "");
  else stopFor("You were removed from the session", f.reason ? `The facilitator said: ${f.reason}` : "");
}

/** I ended the session: the history is purged and a new epoch begins. */
export function sessionEnded(epoch) {
  store.resetHistory();
  store.spoke.clear();
  store.sanctions.clear();
  session.fac.clear();
  store.epoch = epoch;
  clearMessages();
  addMarker("You ended the session. Members were thanked and removed, and the conversation was deleted.", "ended");
  announce("Session ended.");
  renderMembers();
}
