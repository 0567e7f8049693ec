// My own messages: the echo shown while sending, its status line (delivered, held, refused,
// not sent…) with its actions, and settling it into the list once it has a seq.

import { h } from "./dom.js";
import {
  appendLast, buildHead, buildMessage, insertBySeq, messagesEl, regroup, removeEl, scrollToBottom,
} from "./message-list.js";

const STATUS_TEXT = {
  pending: "Sending…",
  delivered: "Delivered",
  redacted: "Delivered — some details were removed to protect anonymity.",
  held: "Held for the facilitator. They will review it before it is shared.",
  heldCrisis: "Shared privately with the facilitator, who will reach out to you. It is not shown to the group.",
  rejected: "Not shared: the facilitator did not approve this message.",
  refused: "Not shared: this room's guidelines don't allow this message.",
};

let handlers = {}; // {onRetry, onDiscard, onEdit}, each (entry) => void

export function setStatusActions({ onRetry, onDiscard, onEdit }) {
  handlers = { onRetry, onDiscard, onEdit };
}

export function addEcho(entry, me) {
  const li = h("li", { class: "msg mine echo", dataset: { cid: entry.cid, from: me.id, ts: String(entry.ts) } });
  li.append(buildHead(me, entry.ts, true));
  li.append(h("p", { class: "msg-text", text: entry.text }));
  li.append(h("p", { class: "msg-status", dataset: { status: "pending" }, text: STATUS_TEXT.pending }));
  appendLast(li);
  regroup(li);
  entry.el = li;
  scrollToBottom();
}

/** Update the status line of an entry's element (echo or settled message). */
export function setStatus(entry) {
  const li = entry.el;
  if (!li) return;
  const line = li.querySelector(".msg-status");
  line.replaceChildren();
  line.hidden = false;
  line.dataset.status = entry.status;
  li.dataset.status = entry.status;
  line.removeAttribute("role");
  const actions = (...btns) => btns.flatMap(([label, fn]) =>
    [" ", h("button", { type: "button", class: "link", onclick: () => fn(entry) }, label)]);
  switch (entry.status) {
    case "error":
      line.append(h("span", { text: `Not sent: ${entry.error || "something went wrong"}` }),
        ...actions(["Try again", handlers.onRetry], ["Remove", handlers.onDiscard]));
      line.setAttribute("role", "alert");
      return;
    case "refused":
      line.append(h("span", { text: STATUS_TEXT.refused }),
        entry.error ? h("span", { class: "why", text: ` (${entry.error})` }) : null,
        ...actions(["Edit", handlers.onEdit], ["Remove", handlers.onDiscard]));
      line.setAttribute("role", "alert");
      return;
    case "waiting":
      line.textContent = entry.error ? `${entry.error} Sending again shortly…` : "Sending again shortly…";
      return;
    case "redacted": {
      line.append(h("span", { class: "private-tag", text: "Only you see this note." }), " ",
        h("span", { text: entry.note || STATUS_TEXT.redacted }));
      if (entry.original && entry.original !== entry.delivered) {
        const d = h("details", { class: "original" }, h("summary", { text: "What you wrote" }),
          h("p", { class: "original-text", text: entry.original }));
        line.append(d);
      }
      return;
    }
    case "held":
      line.append(h("span", { text: entry.crisis ? STATUS_TEXT.heldCrisis : STATUS_TEXT.held }));
      if (entry.note && !entry.crisis) line.append(" ", h("span", { class: "hint", text: entry.note }));
      return;
    case "rejected":
      line.append(h("span", { text: STATUS_TEXT.rejected }),
        entry.reason ? h("span", { text: ` The facilitator said: ${entry.reason}` }) : null,
        ...actions(["Remove", handlers.onDiscard]));
      line.setAttribute("role", "alert");
      return;
    default:
      line.textContent = STATUS_TEXT[entry.status] || "";
  }
  if (entry.status === "delivered") {
    // Only my latest delivered message says so; earlier ones go quiet.
    for (const other of messagesEl().querySelectorAll('.msg-status[data-status="delivered"]')) {
      if (other !== line) { other.hidden = true; other.dataset.status = "done"; }
    }
  }
}

/** My message was acknowledged with a seq: it becomes a real message in seq order. */
export function settleEcho(entry, msg, me) {
  const old = entry.el;
  const li = buildMessage(msg, me);
  entry.el = li;
  if (old) old.remove();
  insertBySeq(li, msg.seq);
  setStatus(entry);
  return li;
}

export function discardEl(entry) {
  const li = entry.el;
  if (!li) return;
  removeEl(li);
  entry.el = null;
}
