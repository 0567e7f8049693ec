// The composer: the text field, its character count, its note line, and the keyboard.

import { $ } from "./dom.js";
import { MAX_TEXT, textLength } from "./store.js";
import { store } from "./session.js";
import { maybeSendTyping } from "./typing.js";

export function setComposerNote(text, kind = "info") {
  const note = $("composer-note");
  note.textContent = text || "";
  note.dataset.kind = kind;
  note.hidden = !text;
}

export function setComposerEnabled(enabled) {
  $("composer-text").disabled = !enabled;
  $("send").disabled = !enabled;
  $("composer").classList.toggle("blocked", !enabled);
}

function updateCount(n) {
  const el = $("char-count");
  el.textContent = `${n} / ${MAX_TEXT}`;
  el.classList.toggle("near", n > MAX_TEXT * 0.9 && n <= MAX_TEXT);
  el.classList.toggle("over", n > MAX_TEXT);
}

/** Count, send button and the over-the-limit warning, after the text changed. */
export function updateComposer() {
  const ta = $("composer-text");
  const n = textLength(ta.value);
  updateCount(n);
  $("send").disabled = ta.disabled || !ta.value.trim() || n > MAX_TEXT;
  if (n > MAX_TEXT) setComposerNote(`Your message is ${n - MAX_TEXT} characters over the limit of ${MAX_TEXT}.`, "warning");
  else if ($("composer-note").dataset.kind === "warning" && !store.postingBlock()) setComposerNote("");
}

/** Put `text` back in the composer to edit it. */
export function editText(text) {
  const ta = $("composer-text");
  ta.value = text;
  updateComposer();
  ta.focus();
}

/** Enter sends (Shift+Enter is a new line); `onSubmit()` sends the composer's text. */
export function wireComposer(onSubmit) {
  const text = $("composer-text");
  $("composer").addEventListener("submit", (ev) => { ev.preventDefault(); onSubmit(); });
  text.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing && !ev.altKey && !ev.ctrlKey && !ev.metaKey) {
      ev.preventDefault();
      onSubmit();
    }
  });
  text.addEventListener("input", () => {
    updateComposer();
    if (text.value.trim()) maybeSendTyping();
  });
}
