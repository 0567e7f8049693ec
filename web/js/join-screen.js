// The join screen: the room's card and agreement, choosing a pseudonym, entering.

import { $ } from "./dom.js";
import { renderRich } from "./rich.js";
import { show } from "./screens.js";
import { textLength } from "./store.js";

const NAME_RE = /^[\p{L}\p{N}_][\p{L}\p{N}_ .'-]*[\p{L}\p{N}_.]$/u;

export function showJoin(card, { name, error }) {
  $("join-title").textContent = card.title || card.id;
  $("join-topic").textContent = card.topic || "";
  $("join-topic").hidden = !card.topic;
  const online = Number(card.online) || 0;
  $("join-meta").textContent = online === 0 ? "No one is here yet." :
    online === 1 ? "1 person is here now." : `${online} people are here now.`;
  setAgreement(card.agreed ? null : card.agreement);
  const input = $("name");
  if (!input.value) input.value = name || "";
  joinError(error || "");
  document.title = `${card.title || card.id} — Hearth`;
  show("screen-join");
  input.focus();
}

function setAgreement(text) {
  $("join-agreement").hidden = !text;
  renderRich($("agreement-text"), text || "");
}

function joinError(text) {
  $("join-error").textContent = text;
  $("name").setAttribute("aria-invalid", text && /pseudonym|name/i.test(text) ? "true" : "false");
}

export function setJoinBusy(busy) {
  $("enter").disabled = busy;
  $("enter").textContent = busy ? "Entering…" : "Enter room";
}

/** Check the form on submit; `onJoin({name, agree})` once the pseudonym and agreement are fine. */
export function wireJoinForm(onJoin) {
  $("join-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const name = $("name").value.trim().replace(/\s+/g, " ");
    const needsAgree = !$("join-agreement").hidden;
    if (!NAME_RE.test(name) || textLength(name) < 2 || textLength(name) > 32) {
      joinError("Please choose a pseudonym of 2–32 letters, digits, spaces or . ' -");
      $("name").focus();
      return;
    }
    if (needsAgree && !$("agree").checked) {
      joinError("Please read the room agreement and tick “I agree” to enter.");
      $("agree").focus();
      return;
    }
    joinError("");
    onJoin({ name, agree: needsAgree });
  });
}
