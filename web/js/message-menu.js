// The "more actions" menu of a message: report (others' messages), remove (facilitators).

import { h } from "./dom.js";
import { closePicker, togglePicker } from "./popups.js";
import { announce } from "./announce.js";

/** The toggle button and menu for `msg`, or null when there is nothing to offer. */
export function buildMenu(msg, mine, { facilitator, onReport, onRemove }) {
  const items = [];
  if (!mine && !facilitator) items.push(["report", "Report…"]);
  if (facilitator) items.push(["remove", "Remove for everyone…"]);
  if (!items.length) return null;
  const id = `menu-${msg.seq}`;
  const toggle = h("button", {
    type: "button", class: "menu-toggle", "aria-expanded": "false", "aria-controls": id,
    "aria-label": `More actions for the message from ${msg.from.name}`, title: "More actions",
  }, h("span", { "aria-hidden": "true", text: "⋯" }));
  const list = h("div", { class: "msg-menu", id, hidden: true });
  for (const [act, label] of items) {
    list.append(h("button", { type: "button", class: "menu-item", dataset: { act }, text: label }));
  }
  toggle.addEventListener("click", () => togglePicker(toggle, list));
  list.addEventListener("click", (ev) => {
    const btn = ev.target.closest("button[data-act]");
    if (!btn) return;
    const li = list.closest("li.msg");
    const seq = Number(li.dataset.seq);
    closePicker(list, true);
    if (!seq) { announce("This message is from before the room restarted; it can't be reported or removed."); return; }
    if (btn.dataset.act === "report") onReport?.(seq, li, toggle);
    else if (btn.dataset.act === "remove") onRemove?.(seq, li, toggle);
  });
  return { toggle, list };
}
