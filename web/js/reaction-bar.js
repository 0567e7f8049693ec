// The reaction bar under a message: counted chips and the emoji picker.

import { h } from "./dom.js";
import { EMOJI } from "./store.js";
import { closePicker, togglePicker } from "./popups.js";

/** The bar for message `seq`; `onReact(seq, emoji)` on a chip or picker choice. */
export function buildReactions(seq, onReact) {
  const bar = h("div", { class: "reactions", role: "group", "aria-label": "Reactions" });
  const chips = h("span", { class: "chips" });
  const pickerId = `picker-${seq}`;
  const toggle = h("button", {
    type: "button", class: "react-toggle", "aria-expanded": "false", "aria-controls": pickerId,
    title: "Add a reaction",
  }, h("span", { "aria-hidden": "true", text: "+ " }), "React");
  const picker = h("div", { class: "react-picker", id: pickerId, hidden: true });
  for (const e of EMOJI) {
    picker.append(h("button", {
      type: "button", class: "react-option", dataset: { emoji: e.name }, "aria-label": `React with ${e.label}`,
      title: e.label,
    }, e.glyph));
  }
  toggle.addEventListener("click", () => togglePicker(toggle, picker));
  picker.addEventListener("click", (ev) => {
    const btn = ev.target.closest("button[data-emoji]");
    if (!btn) return;
    closePicker(picker, true);
    onReact(Number(bar.closest("li.msg").dataset.seq), btn.dataset.emoji);
  });
  chips.addEventListener("click", (ev) => {
    const btn = ev.target.closest("button[data-emoji]");
    if (btn) onReact(Number(bar.closest("li.msg").dataset.seq), btn.dataset.emoji);
  });
  bar.append(chips, toggle, picker);
  return bar;
}

/** Show the counts of message `seq` in its message element `li`. */
export function renderChips(li, seq, counts, mineSet) {
  const chips = li.querySelector(".chips");
  const nodes = [];
  for (const e of EMOJI) {
    const n = counts?.get(e.name) || 0;
    if (n <= 0) continue;
    const mine = mineSet.has(`${seq}:${e.name}`);
    nodes.push(h("button", {
      type: "button", class: "chip" + (mine ? " chip-mine" : ""), dataset: { emoji: e.name, count: String(n) },
      "aria-pressed": String(mine), "aria-label": `${e.label}: ${n}${mine ? ", including you" : ""}`,
    }, h("span", { "aria-hidden": "true", text: e.glyph }), h("span", { class: "count", text: String(n) })));
  }
  chips.replaceChildren(...nodes);
}
