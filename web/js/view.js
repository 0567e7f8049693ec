// Rendering. Every piece of user or room text goes through textContent / text nodes:
// nothing here ever assigns HTML.

import { EMOJI, MAX_TEXT } from "./store.js";

const GROUP_GAP_MS = 5 * 60_000;
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export const $ = (id) => document.getElementById(id);

/** Create an element. attrs: class, text, dataset, hidden, and plain attributes (set as text). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = String(v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "hidden") el.hidden = true;
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return el;
}

// The rich subset the server allows in agreements and pinned notes (moderation/rich.py).
const RICH_TAGS = new Set(["b", "i", "em", "strong", "p", "br", "ul", "ol", "li", "a"]);

/**
 * Render server-sanitized rich text (or plain text) into `container` without innerHTML:
 * parse in an inert document (no scripts run, nothing loads), then rebuild only allowed
 * elements with createElement and text nodes. Anything else keeps just its text.
 */
export function renderRich(container, markup) {
  const doc = new DOMParser().parseFromString(`<body>${markup || ""}</body>`, "text/html");
  const copy = (from, to) => {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        to.append(document.createTextNode(node.data));
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const tag = node.localName;
        if (tag === "script" || tag === "style" || tag === "template") continue;
        if (!RICH_TAGS.has(tag)) { copy(node, to); continue; }
        const el = document.createElement(tag);
        if (tag === "a") {
          let url = null;
          try { url = new URL(node.getAttribute("href") || "", location.href); } catch { url = null; }
          if (url && (url.protocol === "https:" || url.protocol === "http:")) {
            el.setAttribute("href", url.href);
            el.setAttribute("rel", "nofollow noopener noreferrer");
            el.setAttribute("target", "_blank");
          }
        }
        copy(node, el);
        to.append(el);
      }
    }
  };
  container.replaceChildren();
  copy(doc.body, container);
}

const STATUS_TEXT = {
  pending: "Sending…",
  delivered: "Delivered",
  redacted: "Delivered — some details were removed to protect anonymity.",
  held: "Held for the facilitator. They will review it before it is shared.",
  heldCrisis: "Shared privately with the facilitator, who will reach out to you. It is not shown to the group.",
  rejected: "Not shared: the facilitator did not approve this message.",
  refused: "Not shared: this room's guidelines don't allow this message.",
};

/** Split a resource contact into text and links: URLs and phone numbers become links. */
export function contactNodes(contact) {
  const text = String(contact || "");
  const nodes = [];
  const re = /(https?:\/\/[^\s<>"']+)|(\+?\d[\d\s().-]{1,18}\d|\b\d{3}\b)/g;
  let last = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m.index > last) nodes.push(document.createTextNode(text.slice(last, m.index)));
    if (m[1]) {
      let href = null;
      try { const u = new URL(m[1]); if (u.protocol === "https:" || u.protocol === "http:") href = u.href; } catch { href = null; }
      nodes.push(href ? h("a", { href, rel: "noopener noreferrer", target: "_blank", text: m[1] }) : document.createTextNode(m[1]));
    } else {
      const digits = m[2].replace(/[^\d+]/g, "");
      nodes.push(h("a", { href: `tel:${digits}`, class: "tel", text: m[2].trim() }));
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

export class RoomView {
  constructor({ onReact, onRetry, onDiscard, onEdit, onReport, onRemove, onMemberActions }) {
    this.onReact = onReact;
    this.onRetry = onRetry;
    this.onDiscard = onDiscard;
    this.onEdit = onEdit;
    this.onReport = onReport;
    this.onRemove = onRemove;
    this.onMemberActions = onMemberActions;
    this.me = null;
    this.list = $("messages");
    this.jump = $("jump");
    this.unseenBelow = 0;
    this.list.addEventListener("scroll", () => {
      if (this.nearBottom()) this.clearJump();
    });
    this.jump.addEventListener("click", () => {
      this.scrollToBottom();
      $("composer-text").focus();
    });
    // Escape closes an open reaction picker or message menu and returns focus to its button.
    this.list.addEventListener("keydown", (ev) => {
      if (ev.key !== "Escape") return;
      const picker = ev.target.closest(".react-picker, .msg-menu");
      if (picker) this.closePicker(picker, true);
    });
    // A click elsewhere closes an open menu or picker.
    document.addEventListener("click", (ev) => {
      for (const open of this.list.querySelectorAll(".react-picker:not([hidden]), .msg-menu:not([hidden])")) {
        if (!open.parentElement.contains(ev.target)) this.closePicker(open, false);
      }
    });
  }

  // -- screens -----------------------------------------------------------------------------
  show(screen) {
    for (const id of ["screen-loading", "screen-error", "screen-join", "screen-room"]) {
      $(id).hidden = id !== screen;
    }
  }

  showError(title, text, retry = null) {
    $("error-title").textContent = title;
    $("error-text").textContent = text;
    const btn = $("error-retry");
    btn.hidden = !retry;
    btn.onclick = retry;
    document.title = `${title} — Hearth`;
    this.show("screen-error");
    $("error-title").setAttribute("tabindex", "-1");
    $("error-title").focus();
  }

  showJoin(card, { name, error }) {
    $("join-title").textContent = card.title || card.id;
    $("join-topic").textContent = card.topic || "";
    $("join-topic").hidden = !card.topic;
    const online = Number(card.online) || 0;
    $("join-meta").textContent = online === 0 ? "No one is here yet." :
      online === 1 ? "1 person is here now." : `${online} people are here now.`;
    this.setAgreement(card.agreed ? null : card.agreement);
    const input = $("name");
    if (!input.value) input.value = name || "";
    this.joinError(error || "");
    document.title = `${card.title || card.id} — Hearth`;
    this.show("screen-join");
    input.focus();
  }

  setAgreement(text) {
    $("join-agreement").hidden = !text;
    renderRich($("agreement-text"), text || "");
  }

  joinError(text) {
    $("join-error").textContent = text;
    $("name").setAttribute("aria-invalid", text && /pseudonym|name/i.test(text) ? "true" : "false");
  }

  setJoinBusy(busy) {
    $("enter").disabled = busy;
    $("enter").textContent = busy ? "Entering…" : "Enter room";
  }

  showRoom(config, state) {
    $("room-title").textContent = config.title || config.id;
    document.title = `${config.title || config.id} — Hearth`;
    this.setTopic(state.topic || config.topic || "");
    const wasHidden = $("screen-room").hidden;
    this.show("screen-room");
    if (wasHidden) {
      const narrow = window.matchMedia("(max-width: 760px)").matches;
      this.setMembersOpen(!narrow);
      this.scrollToBottom();
      $("composer-text").focus();
    }
  }

  setTopic(topic) {
    $("room-topic").textContent = topic;
    $("room-topic").hidden = !topic;
  }

  setMembersOpen(open) {
    $("members-toggle").setAttribute("aria-expanded", String(open));
    $("screen-room").classList.toggle("members-open", open);
  }

  // -- status ------------------------------------------------------------------------------
  setConn(state, text) {
    const el = $("conn-status");
    el.dataset.state = state;
    $("conn-text").textContent = text;
  }

  announce(text) {
    // Re-adding a node makes screen readers read it even if the text repeats.
    const region = $("announcer");
    region.append(h("p", { text }));
    while (region.childElementCount > 3) region.firstElementChild.remove();
  }

  // -- members -----------------------------------------------------------------------------
  renderMembers(members, me, extra = {}) {
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
          btn.addEventListener("click", () => this.onMemberActions?.(m.id, btn));
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

  renderTyping(names) {
    let text = "";
    if (names.length === 1) text = `${names[0]} is typing…`;
    else if (names.length === 2) text = `${names[0]} and ${names[1]} are typing…`;
    else if (names.length > 2) text = "Several people are typing…";
    $("typing").textContent = text;
  }

  // -- messages ----------------------------------------------------------------------------
  nearBottom() {
    const l = this.list;
    return l.scrollHeight - l.scrollTop - l.clientHeight < 80;
  }

  scrollToBottom() {
    this.list.scrollTop = this.list.scrollHeight;
    this.clearJump();
  }

  clearJump() {
    this.unseenBelow = 0;
    this.jump.hidden = true;
  }

  /** Keep the view pinned to the bottom when the reader was there; else offer a jump button. */
  afterAdd(stick, countUnseen) {
    if (stick) {
      this.scrollToBottom();
    } else if (countUnseen) {
      this.unseenBelow += countUnseen;
      this.jump.hidden = false;
      this.jump.textContent = this.unseenBelow === 1 ? "1 new message below" : `${this.unseenBelow} new messages below`;
    }
  }

  messageEl(seq) {
    return this.list.querySelector(`li.msg[data-seq="${Number(seq)}"]`);
  }

  /** A delivered message (from `msg`, history, or my own after its ack). */
  buildMessage(msg, me) {
    const mine = !!me && msg.from.id === me.id;
    const li = h("li", {
      class: "msg" + (mine ? " mine" : "") + (msg.from.role === "facilitator" ? " from-facilitator" : ""),
      dataset: { seq: String(msg.seq), from: msg.from.id, ts: String(msg.ts) },
    });
    li.append(this.buildHead(msg.from, msg.ts, mine));
    li.append(h("p", { class: "msg-text", text: msg.text }));
    li.append(h("p", { class: "msg-status", hidden: true }));
    li.append(this.buildReactions(msg.seq));
    const menu = this.buildMenu(msg, mine);
    if (menu) li.querySelector(".reactions").append(menu.toggle, menu.list);
    return li;
  }

  /** "More" menu of a message: report (others' messages), remove (facilitators). */
  buildMenu(msg, mine) {
    const facilitator = this.me?.role === "facilitator";
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
    toggle.addEventListener("click", () => {
      if (list.hidden) this.openPicker(toggle, list);
      else this.closePicker(list, false);
    });
    list.addEventListener("click", (ev) => {
      const btn = ev.target.closest("button[data-act]");
      if (!btn) return;
      const li = list.closest("li.msg");
      const seq = Number(li.dataset.seq);
      this.closePicker(list, true);
      if (!seq) { this.announce("This message is from before the room restarted; it can't be reported or removed."); return; }
      if (btn.dataset.act === "report") this.onReport?.(seq, li, toggle);
      else if (btn.dataset.act === "remove") this.onRemove?.(seq, li, toggle);
    });
    return { toggle, list };
  }

  buildHead(from, ts, mine) {
    const when = new Date(ts);
    return h("p", { class: "msg-head" },
      h("span", { class: "msg-name", text: from.name }),
      mine ? h("span", { class: "you", text: "(you)" }) : null,
      from.role === "facilitator" ? h("span", { class: "badge", text: "facilitator" }) : null,
      h("time", { datetime: when.toISOString(), title: fullFormat.format(when), text: timeFormat.format(when) }),
    );
  }

  buildReactions(seq) {
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
    toggle.addEventListener("click", () => {
      if (picker.hidden) this.openPicker(toggle, picker);
      else this.closePicker(picker, false);
    });
    picker.addEventListener("click", (ev) => {
      const btn = ev.target.closest("button[data-emoji]");
      if (!btn) return;
      this.closePicker(picker, true);
      this.onReact(Number(bar.closest("li.msg").dataset.seq), btn.dataset.emoji);
    });
    chips.addEventListener("click", (ev) => {
      const btn = ev.target.closest("button[data-emoji]");
      if (btn) this.onReact(Number(bar.closest("li.msg").dataset.seq), btn.dataset.emoji);
    });
    bar.append(chips, toggle, picker);
    return bar;
  }

  openPicker(toggle, picker) {
    for (const open of this.list.querySelectorAll(".react-picker:not([hidden]), .msg-menu:not([hidden])")) {
      this.closePicker(open, false);
    }
    picker.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    picker.querySelector("button")?.focus();
  }

  closePicker(picker, refocus) {
    picker.hidden = true;
    const toggle = picker.parentElement.querySelector(
      picker.classList.contains("msg-menu") ? ".menu-toggle" : ".react-toggle");
    toggle.setAttribute("aria-expanded", "false");
    if (refocus) toggle.focus();
  }

  setReactions(seq, counts, mineSet) {
    const li = this.messageEl(seq);
    if (!li) return;
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

  /** Insert a delivered message in seq order (pending echoes always stay last). */
  insertBySeq(li, seq) {
    let before = null;
    for (const el of this.list.children) {
      if (el.classList.contains("echo")) { before = before || el; break; }
      const s = Number(el.dataset.seq);
      if (el.classList.contains("msg") && s > seq) { before = el; break; }
    }
    this.list.insertBefore(li, before);
    this.regroup(li);
    if (li.nextElementSibling) this.regroup(li.nextElementSibling);
  }

  addMessage(msg, me, { live = false } = {}) {
    const stick = this.nearBottom() || (me && msg.from.id === me.id);
    const li = this.buildMessage(msg, me);
    this.insertBySeq(li, msg.seq);
    this.afterAdd(stick, live && !(me && msg.from.id === me.id) ? 1 : 0);
    return li;
  }

  /** Same sender within a few minutes: hide the repeated name and time (kept for screen readers). */
  regroup(li) {
    if (!li || !li.classList.contains("msg")) return;
    const prev = li.previousElementSibling;
    const same = prev && prev.classList.contains("msg") && prev.dataset.from === li.dataset.from &&
      Number(li.dataset.ts) - Number(prev.dataset.ts) < GROUP_GAP_MS;
    li.classList.toggle("continued", !!same);
  }

  removeMessage(seq) {
    const li = this.messageEl(seq);
    if (!li) return;
    const next = li.nextElementSibling;
    li.remove();
    this.regroup(next);
  }

  addMarker(text, kind = "gap") {
    const stick = this.nearBottom();
    const li = h("li", { class: `marker ${kind}` }, h("span", { text }));
    const firstEcho = this.list.querySelector("li.echo");
    this.list.insertBefore(li, firstEcho);
    if (li.nextElementSibling) this.regroup(li.nextElementSibling);
    this.afterAdd(stick, 0);
    return li;
  }

  /** A private card (notice frame): only this person sees it. Crisis cards list resources. */
  addNotice(notice) {
    const level = ["info", "warning", "crisis"].includes(notice.level) ? notice.level : "info";
    const crisis = level === "crisis";
    const headingId = `notice-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const li = h("li", { class: `notice notice-${level}` });
    const box = h("div", { role: crisis ? "region" : "note", "aria-labelledby": crisis ? headingId : null });
    li.append(box);
    box.append(h("p", { class: "notice-label", text: "Only you can see this" }));
    if (crisis) box.append(h("h2", { class: "notice-title", id: headingId, text: "You don't have to carry this alone" }));
    box.append(h("p", { class: "notice-text", text: notice.text || "" }));
    if (Array.isArray(notice.resources) && notice.resources.length) {
      box.append(h("ul", { class: "resources" },
        ...notice.resources.map((r) => h("li", {},
          h("span", { class: "resource-name", text: r.name || "" }), " ",
          h("span", { class: "resource-contact" }, ...contactNodes(r.contact))))));
    }
    const close = h("button", { type: "button", class: "notice-close", text: crisis ? "Close this card" : "Dismiss" });
    close.addEventListener("click", () => {
      const next = li.nextElementSibling;
      li.remove();
      this.regroup(next);
      $("composer-text").focus();
    });
    box.append(h("p", { class: "notice-actions" }, close));
    const firstEcho = this.list.querySelector("li.echo");
    this.list.insertBefore(li, firstEcho);
    this.afterAdd(true, 0);
    return li;
  }

  // -- my messages: echo while sending, then settled into the list -------------------------
  addEcho(entry, me) {
    const li = h("li", { class: "msg mine echo", dataset: { cid: entry.cid, from: me.id, ts: String(entry.ts) } });
    li.append(this.buildHead(me, entry.ts, true));
    li.append(h("p", { class: "msg-text", text: entry.text }));
    li.append(h("p", { class: "msg-status", dataset: { status: "pending" }, text: STATUS_TEXT.pending }));
    this.list.append(li);
    this.regroup(li);
    entry.el = li;
    this.scrollToBottom();
  }

  /** Update the status line of an entry's element (echo or settled message). */
  setStatus(entry) {
    const li = entry.el;
    if (!li) return;
    const line = li.querySelector(".msg-status");
    line.replaceChildren();
    line.hidden = false;
    line.dataset.status = entry.status;
    li.dataset.status = entry.status;
    line.removeAttribute("role");
    const actions = (...btns) => btns.flatMap(([label, fn]) =>
      [" ", h("button", { type: "button", class: "link", onclick: () => fn(entry) }, label)]);
    switch (entry.status) {
      case "error":
        line.append(h("span", { text: `Not sent: ${entry.error || "something went wrong"}` }),
          ...actions(["Try again", this.onRetry], ["Remove", this.onDiscard]));
        line.setAttribute("role", "alert");
        return;
      case "refused":
        line.append(h("span", { text: STATUS_TEXT.refused }),
          entry.error ? h("span", { class: "why", text: ` (${entry.error})` }) : null,
          ...actions(["Edit", this.onEdit], ["Remove", this.onDiscard]));
        line.setAttribute("role", "alert");
        return;
      case "waiting":
        line.textContent = entry.error ? `${entry.error} Sending again shortly…` : "Sending again shortly…";
        return;
      case "redacted": {
        line.append(h("span", { class: "private-tag", text: "Only you see this note." }), " ",
          h("span", { text: entry.note || STATUS_TEXT.redacted }));
        if (entry.original && entry.original !== entry.delivered) {
          const d = h("details", { class: "original" }, h("summary", { text: "What you wrote" }),
            h("p", { class: "original-text", text: entry.original }));
          line.append(d);
        }
        return;
      }
      case "held":
        line.append(h("span", { text: entry.crisis ? STATUS_TEXT.heldCrisis : STATUS_TEXT.held }));
        if (entry.note && !entry.crisis) line.append(" ", h("span", { class: "hint", text: entry.note }));
        return;
      case "rejected":
        line.append(h("span", { text: STATUS_TEXT.rejected }),
          entry.reason ? h("span", { text: ` The facilitator said: ${entry.reason}` }) : null,
          ...actions(["Remove", this.onDiscard]));
        line.setAttribute("role", "alert");
        return;
      default:
        line.textContent = STATUS_TEXT[entry.status] || "";
    }
    if (entry.status === "delivered") {
      // Only my latest delivered message says so; earlier ones go quiet.
      for (const other of this.list.querySelectorAll('.msg-status[data-status="delivered"]')) {
        if (other !== line) { other.hidden = true; other.dataset.status = "done"; }
      }
    }
  }

  /** My message was acknowledged with a seq: it becomes a real message in seq order. */
  settleEcho(entry, msg, me) {
    const old = entry.el;
    const li = this.buildMessage(msg, me);
    entry.el = li;
    if (old) old.remove();
    this.insertBySeq(li, msg.seq);
    this.setStatus(entry);
    return li;
  }

  discardEl(entry) {
    const li = entry.el;
    if (!li) return;
    const next = li.nextElementSibling;
    li.remove();
    this.regroup(next);
    entry.el = null;
  }

  // -- room state --------------------------------------------------------------------------
  renderState(state, store) {
    const banner = $("phase-banner");
    const parts = [];
    const fac = store.isFacilitator();
    if (state.phase === "paused") {
      parts.push(fac ? "The room is paused: only facilitators can post."
        : "The facilitator has paused the room for a moment. You can keep reading.");
    } else if (state.phase === "round") {
      const me = store.me?.id;
      const floor = state.floor ? store.nameOf(state.floor) : null;
      if (state.floor && state.floor === me) parts.push("Sharing round — it's your turn. Take your time.");
      else parts.push(floor ? `Sharing round — ${floor} has the floor.` : "Sharing round: one person shares at a time.");
      const pos = me ? (state.queue || []).indexOf(me) : -1;
      if (pos === 0) parts.push("You're next in the queue.");
      else if (pos > 0) parts.push(`You're number ${pos + 1} in the queue.`);
      else if (!fac && state.floor !== me) parts.push("Raise your hand to share.");
    }
    if (state.slow > 0) parts.push(`Slow mode: one message every ${state.slow} seconds.`);
    const text = parts.join(" ");
    banner.textContent = text;
    banner.hidden = !text;
    banner.dataset.phase = state.phase;
    const pinned = $("pinned");
    pinned.replaceChildren();
    if (state.pinned) {
      const body = h("div", { class: "pinned-text" });
      renderRich(body, state.pinned);
      pinned.append(h("span", { class: "pinned-label", text: "Pinned by the facilitator" }), body);
    }
    pinned.hidden = !state.pinned;
    if (typeof state.topic === "string") this.setTopic(state.topic);
  }

  setComposerNote(text, kind = "info") {
    const note = $("composer-note");
    note.textContent = text || "";
    note.dataset.kind = kind;
    note.hidden = !text;
  }

  setComposerEnabled(enabled) {
    $("composer-text").disabled = !enabled;
    $("send").disabled = !enabled;
    $("composer").classList.toggle("blocked", !enabled);
  }

  updateCount(n) {
    const el = $("char-count");
    el.textContent = `${n} / ${MAX_TEXT}`;
    el.classList.toggle("near", n > MAX_TEXT * 0.9 && n <= MAX_TEXT);
    el.classList.toggle("over", n > MAX_TEXT);
  }
}
