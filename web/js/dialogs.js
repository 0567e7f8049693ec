// Modal dialogs on the native <dialog>: showModal() makes the rest of the page inert, Escape
// closes (the `cancel` event), Tab wraps inside the dialog, and focus returns to the opener.

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), ' +
  'textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), summary';

function visible(el) {
  return !el.closest("[hidden]") && el.getClientRects().length > 0;
}

function wire(dialog) {
  if (dialog.dataset.wired) return;
  dialog.dataset.wired = "1";
  dialog.addEventListener("keydown", (ev) => {
    if (ev.key !== "Tab") return;
    const items = [...dialog.querySelectorAll(FOCUSABLE)].filter(visible);
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (ev.shiftKey && document.activeElement === first) { ev.preventDefault(); last.focus(); }
    else if (!ev.shiftKey && document.activeElement === last) { ev.preventDefault(); first.focus(); }
  });
  dialog.addEventListener("click", (ev) => {
    if (ev.target.closest(".dlg-cancel")) { ev.preventDefault(); closeDialog(dialog); }
  });
  dialog.addEventListener("close", () => {
    const back = dialog._opener;
    dialog._opener = null;
    if (back && back.isConnected && !back.closest("[hidden]")) back.focus();
    else document.getElementById("composer-text")?.focus();
    if (dialog._onClose) { const f = dialog._onClose; dialog._onClose = null; f(); }
  });
}

/** Open `dialog` modally; focus `focus` (or the first field/button); remember who opened it. */
export function openDialog(dialog, { opener = document.activeElement, focus = null, onClose = null } = {}) {
  wire(dialog);
  if (dialog.open) dialog.close();
  dialog._opener = opener;
  dialog._onClose = onClose;
  dialog.showModal();
  const target = focus || [...dialog.querySelectorAll(FOCUSABLE)].filter(visible)[0];
  target?.focus();
}

export function closeDialog(dialog) {
  if (dialog.open) dialog.close();
}

/**
 * A confirmation: resolves true when the person chose the action, false otherwise.
 * `extra` (optional) is an element shown under the text (e.g. a reason field).
 */
export function confirmDialog({ title, text, action, extra = null, opener = document.activeElement }) {
  const dialog = document.getElementById("dlg-confirm");
  document.getElementById("dlg-confirm-title").textContent = title;
  document.getElementById("dlg-confirm-text").textContent = text;
  document.getElementById("dlg-confirm-extra").replaceChildren(...(extra ? [extra] : []));
  const ok = document.getElementById("dlg-confirm-ok");
  ok.textContent = action;
  return new Promise((resolve) => {
    let chosen = false;
    ok.onclick = () => { chosen = true; closeDialog(dialog); };
    openDialog(dialog, {
      opener,
      focus: extra?.querySelector("input, textarea, select") || dialog.querySelector(".dlg-cancel"),
      onClose: () => { ok.onclick = null; resolve(chosen); },
    });
  });
}
