// Who is in the room: the member list with its tags (floor, hand, muted, listening), the
// "N here" counts, and facilitators' per-member Actions buttons.

import { $, h } from "./dom.js";
import { session, store } from "./session.js";

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

/** Render the list from the store (and keep an open member dialog up to date). */
export function renderMembers() {
  renderMemberList(store.sortedMembers(), store.me, {
    queue: store.state.queue || [], floor: store.state.floor, sanctions: store.sanctions,
    spoke: store.spoke, facilitator: store.isFacilitator(),
  });
  if ($("dlg-member").open) session.fac.memberStatus();
}

/** Someone spoke: they are no longer "listening". */
export function noteSpoke(from) {
  if (!from || store.spoke.has(from.id)) return;
  store.spoke.add(from.id);
  renderMembers();
}

export function renderMemberList(members, me, extra = {}) {
  const { queue = [], floor = null, sanctions = new Map(), spoke = new Set(), facilitator = false } = extra;
  const list = $("member-list");
  const now = Date.now();
  list.replaceChildren(
    ...members.map((m) => {
      const san = sanctions.get(m.id);
      const muted = !!san && san.what === "muted" && (san.until === null || san.until > now);
      const pos = queue.indexOf(m.id);
      const tags = [];
      if (floor === m.id) tags.push(h("span", { class: "tag tag-floor", text: "has the floor" }));
      if (pos >= 0) tags.push(h("span", { class: "tag tag-hand", text: `✋ hand up (${pos + 1})` }));
      if (muted) tags.push(h("span", { class: "tag tag-muted", text: san.until && !san.open_ended ? `muted until ${timeFormat.format(new Date(san.until))}` : "muted" }));
      if (m.role !== "facilitator" && !spoke.has(m.id)) tags.push(h("span", { class: "tag tag-quiet", text: "listening" }));
      const li = h("li", { class: "member", dataset: { id: m.id, role: m.role, muted: muted ? "1" : null } },
        h("span", { class: "member-name", text: m.name }),
        me && m.id === me.id ? h("span", { class: "you", text: "(you)" }) : null,
        m.role === "facilitator" ? h("span", { class: "badge", text: "facilitator" }) : null,
        ...tags,
      );
      if (facilitator && m.role !== "facilitator" && (!me || m.id !== me.id)) {
        const btn = h("button", { type: "button", class: "member-actions", "aria-label": `Actions for ${m.name}`,
          dataset: { id: m.id } }, h("span", { "aria-hidden": "true", text: "Actions" }));
        btn.addEventListener("click", () => session.fac.openMember(m.id, btn));
        li.append(btn);
      }
      return li;
    }),
  );
  const people = members.filter((m) => m.role !== "facilitator");
  const quiet = people.filter((m) => !spoke.has(m.id)).length;
  $("online-count").textContent = String(members.length);
  $("quiet-count").textContent = quiet > 0 ? `, ${quiet} listening` : "";
  $("quiet-line").textContent = quiet === 0 ? "" : quiet === 1
    ? "1 person is listening quietly. That's welcome here."
    : `${quiet} people are listening quietly. That's welcome here.`;
  $("members-toggle").setAttribute("aria-label",
    `${members.length} here${quiet ? `, ${quiet} listening` : ""}. Show or hide who is in the room`);
}
