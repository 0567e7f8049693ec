// Operator dashboard: room health in aggregate from GET /api/rooms, polled every few seconds.
// No message text and no identities: the API gives none. Sparklines are drawn by hand (SVG)
// from samples kept in this page only.

import { $, h } from "./dom.js";

const KEY = "hearth.ops.token";
const POLL_MS = Number(new URLSearchParams(location.search).get("every")) * 1000 || 5_000;
const KEEP = 60; // samples per room (5 minutes at the default rate)
const COLUMNS = ["id", "title", "online", "facilitators", "messages", "phase"];
const SVG = "http://www.w3.org/2000/svg";

let token = null;
let timer = null;
let paused = false;
const series = new Map(); // room id -> {mpm: [], online: []}

function takeFragment() {
  const raw = location.hash.startsWith("#") ? location.hash.slice(1) : "";
  if (!raw) return null;
  const t = new URLSearchParams(raw).get("t");
  history.replaceState(history.state, "", location.pathname + location.search);
  return t;
}

const fmtS = (s) => {
  if (s === null || s === undefined) return "—";
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
};
const fmtMs = (ms) => (ms === null || ms === undefined ? "—" : `${ms} ms`);
const pct = (x) => (x === null || x === undefined ? "—" : `${Math.round(x * 100)}%`);

function spark(label, values, unit) {
  const w = 120;
  const hgt = 30;
  const max = Math.max(1, ...values);
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${w} ${hgt}`);
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  if (values.length > 1) {
    const step = w / (Math.max(values.length, 12) - 1); // fills the width as samples come in
    const x0 = w - step * (values.length - 1);
    const pts = values.map((v, i) => [x0 + i * step, hgt - 1 - (v / max) * (hgt - 3)]);
    const line = pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
    const area = document.createElementNS(SVG, "polygon");
    area.setAttribute("points", `${x0.toFixed(1)},${hgt} ${line} ${w},${hgt}`);
    area.setAttribute("class", "area");
    const poly = document.createElementNS(SVG, "polyline");
    poly.setAttribute("points", line);
    poly.setAttribute("class", "line");
    svg.append(area, poly);
  }
  const last = values.length ? values[values.length - 1] : 0;
  const peak = values.length ? Math.max(...values) : 0;
  return h("figure", { class: "spark", role: "img",
    "aria-label": `${label}: now ${last} ${unit}, peak ${peak} over the last ${values.length} samples` },
  svg, h("figcaption", { text: `${label} (now ${last}, peak ${peak})` }));
}

function stat(dl, label, value, cls = null) {
  dl.append(h("dt", { text: label }), h("dd", { class: cls, text: value }));
}

function card(r) {
  const s = series.get(r.id) || { mpm: [], online: [] };
  const crisis = (r.crisis_open || 0) > 0;
  const noFac = !r.facilitator_present && (r.online || 0) > 0;
  const el = h("article", { class: "room-card" + (crisis || noFac ? " alarm" : ""), dataset: { room: r.id },
    "aria-labelledby": `rc-${r.id}` });
  el.append(h("h2", { id: `rc-${r.id}`, text: r.title || r.id }), h("p", { class: "room-id", text: r.id }));
  const dl = h("dl", { class: "stats" });
  stat(dl, "Online", `${r.online ?? 0}${r.capacity ? ` / ${r.capacity}` : ""}`);
  stat(dl, "Facilitator present", r.facilitator_present ? `yes (${r.facilitators})` : "no", r.facilitator_present ? "good" : (noFac ? "bad" : null));
  stat(dl, "Phase", r.phase || "—");
  stat(dl, "Messages per minute", String(r.messages_per_minute ?? 0));
  stat(dl, "Held for review", r.held ? `${r.held} (oldest ${fmtS(r.held_oldest_s)})` : "0", r.held ? "bad" : null);
  stat(dl, "Crisis open", crisis ? `${r.crisis_open} (oldest ${fmtS(r.crisis_oldest_s)})` : "0", crisis ? "bad" : null);
  stat(dl, "Crisis time to ack", fmtS(r.crisis_ack_s));
  stat(dl, "Participation", r.speakers ? `${r.speakers} speaking, top share ${pct(r.top_share)}` : "—",
    r.top_share !== null && r.top_share !== undefined && r.speakers > 2 && r.top_share > 0.5 ? "bad" : null);
  stat(dl, "Latency p50 / p99", r.delivery_ms_p50 === null || r.delivery_ms_p50 === undefined ? "—"
    : `${fmtMs(r.delivery_ms_p50)} / ${fmtMs(r.delivery_ms_p99)}`);
  el.append(dl);
  el.append(h("div", { class: "sparks" }, spark("Messages/min", s.mpm, "per minute"), spark("Online", s.online, "people")));
  return el;
}

async function load() {
  const status = $("ops-status");
  let res;
  try {
    res = await fetch("/api/rooms", { headers: { authorization: `Bearer ${token}` }, cache: "no-store", credentials: "omit" });
  } catch {
    status.textContent = "Could not reach the server. Retrying…";
    return schedule();
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    status.textContent = res.status === 401 ? "That token was not accepted." :
      res.status === 403 ? "That token is not an operator token." : `The server answered ${res.status}.`;
    $("ops-table").hidden = true;
    $("ops-rooms").replaceChildren();
    $("ops-pause").hidden = true;
    if (res.status >= 500) schedule();
    return;
  }
  try { sessionStorage.setItem(KEY, token); } catch { /* storage disabled */ }
  const rooms = Array.isArray(body.rooms) ? body.rooms : [];
  for (const r of rooms) {
    const s = series.get(r.id) || { mpm: [], online: [] };
    s.mpm.push(Number(r.messages_per_minute) || 0);
    s.online.push(Number(r.online) || 0);
    if (s.mpm.length > KEEP) { s.mpm.shift(); s.online.shift(); }
    series.set(r.id, s);
  }
  // Rooms that need attention first: open crises, then held messages, then busiest.
  const order = [...rooms].sort((a, b) => (b.crisis_open || 0) - (a.crisis_open || 0) ||
    (b.held || 0) - (a.held || 0) || (b.online || 0) - (a.online || 0) || String(a.id).localeCompare(String(b.id)));
  const keepFocus = document.activeElement?.closest?.(".room-card")?.dataset.room;
  $("ops-rooms").replaceChildren(...order.map(card));
  if (keepFocus) $("ops-rooms").querySelector(`[data-room="${CSS.escape(keepFocus)}"]`)?.focus?.();
  $("ops-rows").replaceChildren(...rooms.map((r) =>
    h("tr", {}, ...COLUMNS.map((c, i) => h(i === 0 ? "th" : "td", {
      scope: i === 0 ? "row" : null, class: typeof r[c] === "number" ? "num" : null, text: r[c] ?? "",
    })))));
  $("ops-table").hidden = false;
  $("ops-pause").hidden = false;
  const crises = rooms.reduce((n, r) => n + (r.crisis_open || 0), 0);
  status.textContent = `${rooms.length === 1 ? "1 room" : `${rooms.length} rooms`}` +
    `${crises ? ` · ${crises} open crisis ${crises === 1 ? "item" : "items"}` : ""}` +
    ` · updated ${new Date().toLocaleTimeString()}${paused ? " · updates paused" : ""}`;
  schedule();
}

function schedule() {
  clearTimeout(timer);
  timer = null;
  if (!paused && token) timer = setTimeout(load, POLL_MS);
}

function start(t) {
  token = t;
  series.clear();
  clearTimeout(timer);
  $("ops-status").textContent = "Loading…";
  load();
}

$("ops-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const t = $("ops-token").value.trim();
  if (t) start(t);
});
$("ops-pause").addEventListener("click", () => {
  paused = !paused;
  $("ops-pause").textContent = paused ? "Resume updates" : "Pause updates";
  $("ops-pause").setAttribute("aria-pressed", String(paused));
  if (paused) clearTimeout(timer);
  else load();
});

const fromLink = takeFragment();
let kept = null;
try { kept = sessionStorage.getItem(KEY); } catch { /* ignore */ }
const first = fromLink || kept;
if (first) {
  $("ops-token").value = first;
  start(first);
}
