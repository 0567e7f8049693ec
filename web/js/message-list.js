// The message list (#messages): delivered messages in seq order, grouping, markers, and
// keeping the reader at the bottom (or offering the "new messages below" button).

import { $, h } from "./dom.js";
import { wirePopups } from "./popups.js";
import { buildReactions, renderChips } from "./reaction-bar.js";
import { buildMenu } from "./message-menu.js";

const GROUP_GAP_MS = 5 * 60_000;
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

let list = null;
let jump = null;
let unseenBelow = 0;
let handlers = {}; // {onReact, onReport, onRemove}

/** Wire the list once; `onReact(seq, emoji)`, `onReport`/`onRemove(seq, li, opener)`. */
export function initMessageList({ onReact, onReport, onRemove }) {
  handlers = { onReact, onReport, onRemove };
  list = $("messages");
  jump = $("jump");
  unseenBelow = 0;
  list.addEventListener("scroll", () => {
    if (nearBottom()) clearJump();
  });
  jump.addEventListener("click", () => {
    scrollToBottom();
    $("composer-text").focus();
  });
  wirePopups(list);
}

function nearBottom() {
  return list.scrollHeight - list.scrollTop - list.clientHeight < 80;
}

export function scrollToBottom() {
  list.scrollTop = list.scrollHeight;
  clearJump();
}

function clearJump() {
  unseenBelow = 0;
  jump.hidden = true;
}

/** Keep the view pinned to the bottom when the reader was there; else offer a jump button. */
export function afterAdd(stick, countUnseen) {
  if (stick) {
    scrollToBottom();
  } else if (countUnseen) {
    unseenBelow += countUnseen;
    jump.hidden = false;
    jump.textContent = unseenBelow === 1 ? "1 new message below" : `${unseenBelow} new messages below`;
  }
}

export function messageEl(seq) {
  return list.querySelector(`li.msg[data-seq="${Number(seq)}"]`);
}

/** A delivered message (from `msg`, history, or my own after its ack). */
export function buildMessage(msg, me) {
  const mine = !!me && msg.from.id === me.id;
  const li = h("li", {
    class: "msg" + (mine ? " mine" : "") + (msg.from.role === "facilitator" ? " from-facilitator" : ""),
    dataset: { seq: String(msg.seq), from: msg.from.id, ts: String(msg.ts) },
  });
  li.append(buildHead(msg.from, msg.ts, mine));
  li.append(h("p", { class: "msg-text", text: msg.text }));
  li.append(h("p", { class: "msg-status", hidden: true }));
  li.append(buildReactions(msg.seq, (seq, emoji) => handlers.onReact(seq, emoji)));
  const menu = buildMenu(msg, mine, {
    facilitator: me?.role === "facilitator", onReport: handlers.onReport, onRemove: handlers.onRemove,
  });
  if (menu) li.querySelector(".reactions").append(menu.toggle, menu.list);
  return li;
}

export function buildHead(from, ts, mine) {
  const when = new Date(ts);
  return h("p", { class: "msg-head" },
    h("span", { class: "msg-name", text: from.name }),
    mine ? h("span", { class: "you", text: "(you)" }) : null,
    from.role === "facilitator" ? h("span", { class: "badge", text: "facilitator" }) : null,
    h("time", { datetime: when.toISOString(), title: fullFormat.format(when), text: timeFormat.format(when) }),
  );
}

export function setReactions(seq, counts, mineSet) {
  const li = messageEl(seq);
  if (li) renderChips(li, seq, counts, mineSet);
}

/** Insert a delivered message in seq order (pending echoes always stay last). */
export function insertBySeq(li, seq) {
  let before = null;
  for (const el of list.children) {
    if (el.classList.contains("echo")) { before = before || el; break; }
    const s = Number(el.dataset.seq);
    if (el.classList.contains("msg") && s > seq) { before = el; break; }
  }
  list.insertBefore(li, before);
  regroup(li);
  if (li.nextElementSibling) regroup(li.nextElementSibling);
}

/** Insert `li` after everything delivered, before my pending echoes. */
export function insertBeforeEchoes(li) {
  list.insertBefore(li, list.querySelector("li.echo"));
}

/** Append `li` at the very end (my pending echoes). */
export function appendLast(li) {
  list.append(li);
}

export function addMessage(msg, me, { live = false } = {}) {
  const stick = nearBottom() || (me && msg.from.id === me.id);
  const li = buildMessage(msg, me);
  insertBySeq(li, msg.seq);
  afterAdd(stick, live && !(me && msg.from.id === me.id) ? 1 : 0);
  return li;
}

/** Same sender within a few minutes: hide the repeated name and time (kept for screen readers). */
export function regroup(li) {
  if (!li || !li.classList.contains("msg")) return;
  const prev = li.previousElementSibling;
  const same = prev && prev.classList.contains("msg") && prev.dataset.from === li.dataset.from &&
    Number(li.dataset.ts) - Number(prev.dataset.ts) < GROUP_GAP_MS;
  li.classList.toggle("continued", !!same);
}

/** Take `li` out of the list and regroup what followed it. */
export function removeEl(li) {
  const next = li.nextElementSibling;
  li.remove();
  regroup(next);
}

export function removeMessage(seq) {
  const li = messageEl(seq);
  if (li) removeEl(li);
}

export function addMarker(text, kind = "gap") {
  const stick = nearBottom();
  const li = h("li", { class: `marker ${kind}` }, h("span", { text }));
  insertBeforeEchoes(li);
  if (li.nextElementSibling) regroup(li.nextElementSibling);
  afterAdd(stick, 0);
  return li;
}

/** Messages from before a server restart stay readable but lose their seq. */
export function markAllStale() {
  for (const li of list.querySelectorAll("li.msg[data-seq]")) {
    li.removeAttribute("data-seq");
    li.classList.add("stale");
  }
}

export function clearMessages() {
  list.replaceChildren();
}

/** The room page's list is the fixed #messages element. */
export function messagesEl() {
  return list;
}
