// Operator dashboard (placeholder): room health in aggregate from GET /api/rooms.

import { $, h } from "./view.js";

const KEY = "hearth.ops.token";
const COLUMNS = ["id", "title", "online", "facilitators", "messages", "phase"];

async function load(token) {
  const status = $("ops-status");
  status.textContent = "Loading…";
  let res;
  try {
    res = await fetch("/api/rooms", { headers: { authorization: `Bearer ${token}` }, cache: "no-store", credentials: "omit" });
  } catch {
    status.textContent = "Could not reach the server.";
    return;
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    status.textContent = res.status === 401 ? "That token was not accepted." :
      res.status === 403 ? "That token is not an operator token." : `The server answered ${res.status}.`;
    $("ops-table").hidden = true;
    return;
  }
  try { sessionStorage.setItem(KEY, token); } catch { /* storage disabled */ }
  const rooms = Array.isArray(body.rooms) ? body.rooms : [];
  $("ops-rows").replaceChildren(...rooms.map((r) =>
    h("tr", {}, ...COLUMNS.map((c, i) => h(i === 0 ? "th" : "td", {
      scope: i === 0 ? "row" : null, class: typeof r[c] === "number" ? "num" : null, text: r[c] ?? "",
    })))));
  $("ops-table").hidden = false;
  status.textContent = rooms.length === 1 ? "1 room." : `${rooms.length} rooms.`;
}

$("ops-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const token = $("ops-token").value.trim();
  if (token) load(token);
});

let kept = null;
try { kept = sessionStorage.getItem(KEY); } catch { /* ignore */ }
if (kept) {
  $("ops-token").value = kept;
  load(kept);
}
