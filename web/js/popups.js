// The small pop-ups inside messages (reaction picker, "more actions" menu): one open at a
// time, Escape or a click elsewhere closes it, and focus goes back to its toggle button.

import { $ } from "./dom.js";

const OPEN = ".react-picker:not([hidden]), .msg-menu:not([hidden])";

function openPicker(toggle, picker) {
  for (const open of $("messages").querySelectorAll(OPEN)) closePicker(open, false);
  picker.hidden = false;
  toggle.setAttribute("aria-expanded", "true");
  picker.querySelector("button")?.focus();
}

export function closePicker(picker, refocus) {
  picker.hidden = true;
  const toggle = picker.parentElement.querySelector(
    picker.classList.contains("msg-menu") ? ".menu-toggle" : ".react-toggle");
  toggle.setAttribute("aria-expanded", "false");
  if (refocus) toggle.focus();
}

/** Toggle `picker` open or closed from its button. */
export function togglePicker(toggle, picker) {
  if (picker.hidden) openPicker(toggle, picker);
  else closePicker(picker, false);
}

export function wirePopups(list) {
  // Escape closes an open reaction picker or message menu and returns focus to its button.
  list.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape") return;
    const picker = ev.target.closest(".react-picker, .msg-menu");
    if (picker) closePicker(picker, true);
  });
  // A click elsewhere closes an open menu or picker.
  document.addEventListener("click", (ev) => {
    for (const open of list.querySelectorAll(OPEN)) {
      if (!open.parentElement.contains(ev.target)) closePicker(open, false);
    }
  });
}
