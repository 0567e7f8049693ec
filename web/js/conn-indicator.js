// The connection indicator in the room header (#conn-status).

import { $ } from "./dom.js";

export function setConn(state, text) {
  const el = $("conn-status");
  el.dataset.state = state;
  $("conn-text").textContent = text;
}

export function connState() {
  return $("conn-status").dataset.state;
}
