// The facilitator console: what needs attention (held messages, crisis alerts, reports),
// per-member actions, room controls and the activity log. Shown only to facilitators.
// All text from members goes in through textContent; flagged text stays blurred until
// the facilitator chooses to reveal it.

import { $, h } from "./dom.js";
import { openDialog, closeDialog, confirmDialog } from "./dialogs.js";

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

export function waitedText(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return "waiting under a minute";
  const m = Math.floor(s / 60);
  if (m < 60) return m === 1 ? "waiting 1 min" : `waiting ${m} min`;
  const hours = Math.floor(m / 60);
  return `waiting ${hours} h ${m % 60} min`;
}

const LEVEL_WORDS = { plan: "Crisis – plan or act", ideation: "Crisis – thoughts", possible: "Possibly struggling" };

const REASON_WORDS = {
  crisis_plan: "a plan, means or an act", crisis_ideation: "thoughts of suicide or self-harm",
  crisis_possible: "possible distress (unsure)",
  crisis: "crisis", selfharm: "self-harm", ideation: "thoughts of suicide", email: "email", phone: "phone number",
};
function reasonText(reasons) {
  return (reasons || []).map((r) => {
    const code = String(r).split(":").pop();
    return REASON_WORDS[code] || code.replace(/_/g, " ");
  }).join(", ");
}

export class FacilitatorConsole {
  /**
   * @param {object} o
   * @param {import("./store.js").RoomStore} o.store
   * @param {{announce: (text: string) => void, messageEl: (seq: number) => Element | null}} o.view
   * @param {(frame: object) => Promise<object>} o.ask  a `mod` request; resolves with `ok`
   * @param {() => void} o.onMembersChanged
   */
  constructor({ store, view, ask, onMembersChanged }) {
    this.store = store;
    this.view = view;
    this.ask = ask;
    this.onMembersChanged = onMembersChanged;
    this.items = new Map(); // key -> item
    this.enabled = false;
    this.ticker = null;
    this.memberId = null;
    this.wired = false;
  }

  enable() {
    if (!this.enabled) {
      this.enabled = true;
      for (const id of ["console-attention", "console-controls", "console-activity"]) $(id).hidden = false;
      document.body.classList.add("is-facilitator");
      this.wire();
      this.ticker = setInterval(() => this.tick(), 15_000);
    }
    this.renderControls();
    this.render();
  }

  // -- room controls ------------------------------------------------------------------------
  wire() {
    if (this.wired) return;
    this.wired = true;
    const mod = (action, args = {}, done = "") => this.mod(action, args).then((ok) => {
      if (ok && done) this.status(done);
      return ok;
    });
    $("ctl-pause").addEventListener("click", () => {
      const paused = this.store.state.phase === "paused";
      mod(paused ? "resume" : "pause", {}, paused ? "The room is open again." : "The room is paused.");
    });
    $("ctl-round").addEventListener("click", () => {
      const on = this.store.state.phase !== "round";
      mod("round", { on }, on ? "Sharing round started." : "Sharing round ended.");
    });
    $("ctl-slow").addEventListener("change", (ev) => {
      const seconds = Number(ev.target.value) || 0;
      mod("slow", { seconds }, seconds ? `Slow mode: one message every ${seconds} s.` : "Slow mode is off.");
    });
    $("ctl-pin").addEventListener("click", () => {
      const text = $("ctl-pin-text").value.trim();
      if (!text) { this.status("Write the note to pin first."); $("ctl-pin-text").focus(); return; }
      mod("pin", { text }, "Note pinned.");
    });
    $("ctl-unpin").addEventListener("click", () => mod("unpin", {}, "Note unpinned."));
    $("ctl-end").addEventListener("click", async (ev) => {
      const yes = await confirmDialog({
        title: "End this session?",
        text: "Everyone will be removed from the room and see a thank-you note. The conversation, " +
          "reactions, mutes and waiting messages are deleted for good. This can't be undone.",
        action: "End the session",
        opener: ev.currentTarget,
      });
      if (yes) mod("end", {});
    });
    $("activity-refresh").addEventListener("click", () => this.loadActivity());
    $("console-activity").addEventListener("toggle", () => { if ($("console-activity").open) this.loadActivity(); });

    // The member dialog.
    $("mm-floor").addEventListener("click", () => this.memberMod("floor", {}, "has the floor"));
    $("mm-mute").addEventListener("click", () => {
      const v = $("mm-mute-for").value;
      const args = { reason: $("mm-mute-reason").value.trim() };
      if (v) args.seconds = Number(v);
      this.memberMod("mute", args, "is muted");
    });
    $("mm-unmute").addEventListener("click", () => this.memberMod("unmute", {}, "is unmuted"));
    $("mm-kick").addEventListener("click", () =>
      this.memberMod("kick", { reason: $("mm-kick-reason").value.trim() }, "was removed from the session"));
    $("mm-ban").addEventListener("click", async (ev) => {
      const name = this.store.nameOf(this.memberId) || "this person";
      const yes = await confirmDialog({
        title: `Ban ${name}?`,
        text: `${name} will be removed now and can't come back to this room. You can't undo this from here.`,
        action: "Ban", opener: ev.currentTarget,
      });
      if (yes) this.memberMod("ban", { reason: $("mm-kick-reason").value.trim() }, "is banned");
    });
  }

  status(text) {
    $("ctl-status").textContent = text;
  }

  async mod(action, args = {}) {
    try {
      const ok = await this.ask({ type: "mod", room: this.store.room, action, ...args });
      return ok || true;
    } catch (err) {
      const msg = err?.message || err?.code || "That didn't work.";
      this.status(`Couldn't ${action}: ${msg}`);
      this.view.announce(`Couldn't ${action}: ${msg}`);
      return null;
    }
  }

  renderControls() {
    if (!this.enabled) return;
    const st = this.store.state;
    const limited = $("detection-limited");
    if (limited) {
      limited.hidden = st.detection !== "limited";
      limited.textContent = `Crisis detection is limited in this room (language “${st.language || "?"}”): `
        + "only simple rules run, so read closely and check in with anyone who seems to be struggling.";
    }
    $("ctl-pause").textContent = st.phase === "paused" ? "Resume the room" : "Pause the room";
    $("ctl-round").textContent = st.phase === "round" ? "End the sharing round" : "Start a sharing round";
    $("ctl-round").setAttribute("aria-pressed", String(st.phase === "round"));
    const slow = String(st.slow || 0);
    const sel = $("ctl-slow");
    if (![...sel.options].some((o) => o.value === slow)) sel.append(h("option", { value: slow, text: `One message every ${slow} s` }));
    sel.value = slow;
    $("ctl-unpin").disabled = !st.pinned;
  }

  // -- members ------------------------------------------------------------------------------
  openMember(id, opener) {
    this.memberId = id;
    const m = this.store.members.get(id);
    $("dlg-member-title").textContent = m ? m.name : "Member";
    $("mm-error").textContent = "";
    $("mm-mute-reason").value = "";
    $("mm-kick-reason").value = "";
    this.memberStatus();
    openDialog($("dlg-member"), { opener });
  }

  memberStatus() {
    const id = this.memberId;
    const san = this.store.sanctions.get(id);
    const muted = this.store.isMuted(id);
    const st = this.store.state;
    const bits = [];
    if (st.floor === id) bits.push("Has the floor.");
    const pos = (st.queue || []).indexOf(id);
    if (pos >= 0) bits.push(`Hand raised (number ${pos + 1} in the queue).`);
    if (muted) bits.push(san.until && !san.open_ended ? `Muted until ${timeFormat.format(new Date(san.until))}.` : "Muted until you unmute them.");
    if (!this.store.spoke.has(id)) bits.push("Hasn't posted yet.");
    $("dlg-member-status").textContent = bits.join(" ") || "Taking part.";
    $("mm-unmute").disabled = !muted;
    $("mm-floor").disabled = st.floor === id;
  }

  async memberMod(action, args, doneText) {
    const id = this.memberId;
    if (!id) return;
    const name = this.store.nameOf(id) || "The member";
    $("mm-error").textContent = "";
    try {
      await this.ask({ type: "mod", room: this.store.room, action, member: id, ...args });
    } catch (err) {
      $("mm-error").textContent = err?.message || err?.code || "That didn't work.";
      return;
    }
    if (action === "mute") this.store.sanction({ member: id, what: "muted", until: args.seconds ? Date.now() + args.seconds * 1000 : null, open_ended: !args.seconds });
    if (action === "unmute") this.store.sanction({ member: id, what: "unmuted", until: null });
    this.view.announce(`${name} ${doneText}.`);
    this.status(`${name} ${doneText}.`);
    closeDialog($("dlg-member"));
    this.onMembersChanged();
  }

  // -- what needs attention -----------------------------------------------------------------
  onHeld(f) {
    const key = `h:${f.held}`;
    const prev = this.items.get(key);
    this.items.set(key, { ...(prev || {}), key, kind: "held", held: f.held, from: f.from, text: f.text,
      reasons: f.reasons || [], crisis: !!f.crisis || !!prev?.crisis, ts: f.ts || prev?.ts || Date.now(),
      level: f.level || prev?.level, why: f.why || prev?.why || [] });
    this.render();
    this.view.announce(f.crisis ? `Crisis: a message from ${f.from?.name} is waiting for you.` :
      `A message from ${f.from?.name} is waiting for review.`);
  }

  onAlert(f) {
    if (f.held) {
      const key = `h:${f.held}`;
      const prev = this.items.get(key) || { key, kind: "held", held: f.held, from: f.from, text: "", reasons: f.reasons || [] };
      this.items.set(key, { ...prev, crisis: f.kind === "crisis" || prev.crisis, ts: prev.ts || f.ts || Date.now(),
        level: f.level || prev.level, why: (f.why && f.why.length ? f.why : prev.why) || [], limited: f.detection === "limited" });
    } else {
      const key = f.item ? `i:${f.item}` : `a:${f.seq ?? f.ts}`;
      if (this.items.has(key)) return;  // replayed on (re)join
      const li = typeof f.seq === "number" ? this.view.messageEl(f.seq) : null;
      const text = li?.querySelector(".msg-text")?.textContent || "";
      this.items.set(key, { key, kind: "alert", item: f.item, seq: f.seq, from: f.from, text, reasons: f.reasons || [],
        crisis: f.kind === "crisis", alertKind: f.kind, ts: f.ts || Date.now(), level: f.level, why: f.why || [],
        limited: f.detection === "limited" });
      // A hint (the detector was unsure) is quiet: listed, never announced.
      if (f.kind !== "hint") this.view.announce(`Check in with ${f.from?.name}: their message may show they are struggling.`);
      if (!text && typeof f.seq === "number") {
        // The alert can overtake its message: pick the text up once the message is shown.
        setTimeout(() => {
          const it = this.items.get(key);
          const t = this.view.messageEl(f.seq)?.querySelector(".msg-text")?.textContent;
          if (it && t) { it.text = t; this.render(); }
        }, 400);
      }
    }
    this.render();
  }

  onReport(f) {
    const key = f.item ? `i:${f.item}` : `r:${f.seq}:${f.ts}`;
    if (this.items.has(key)) return;  // replayed on (re)join
    this.items.set(key, { key, kind: "report", item: f.item, seq: f.seq, reason: f.reason || "", context: f.context || [],
      crisis: false, ts: f.ts || Date.now() });
    this.render();
    this.view.announce("A message was reported.");
  }

  /** Another facilitator (or this one, elsewhere) closed an alert or report. */
  onDismissed(f) {
    if (this.items.delete(`i:${f.item}`)) this.render();
  }

  /** Close an item for every facilitator when the server keeps it; locally otherwise. */
  async dismiss(it) {
    // Gone here either way: if the server still had it, it comes back at the next join.
    if (it.item) await this.mod("dismiss", { item: it.item });
    this.items.delete(it.key);
    this.render();
  }

  onResolved(f) {
    if (this.items.delete(`h:${f.held}`)) this.render();
  }

  onRemoved(seq) {
    let changed = false;
    for (const [k, it] of this.items) {
      if (it.kind === "report" && it.seq === seq) { this.items.delete(k); changed = true; }
    }
    if (changed) this.render();
  }

  /** The session ended (or history is gone): nothing from before is actionable. */
  clear() {
    this.items.clear();
    this.render();
  }

  tick() {
    const now = Date.now();
    for (const el of document.querySelectorAll("#attention-list [data-since]")) {
      el.textContent = waitedText(now - Number(el.dataset.since));
    }
  }

  sorted() {
    return [...this.items.values()].sort((a, b) => (b.crisis - a.crisis) || (a.ts - b.ts));
  }

  render() {
    if (!this.enabled) return;
    const items = this.sorted();
    const list = $("attention-list");
    const focused = document.activeElement && list.contains(document.activeElement)
      ? document.activeElement.closest("li[data-key]")?.dataset.key : null;
    list.replaceChildren(...items.map((it) => this.renderItem(it)));
    $("attention-count").textContent = String(items.length);
    $("attention-count").dataset.crisis = items.some((i) => i.crisis) ? "1" : "0";
    $("attention-empty").hidden = items.length > 0;
    if (focused) {
      const again = list.querySelector(`li[data-key="${CSS.escape(focused)}"] button`);
      (again || $("attention-heading")).focus?.();
    }
  }

  flagged(text, label) {
    const wrap = h("div", { class: "flagged" });
    const body = h("p", { class: "flagged-text", "aria-hidden": "true", text });
    const hidden = h("p", { class: "sr-only flagged-placeholder", text: "Text hidden until you reveal it." });
    const btn = h("button", { type: "button", class: "reveal", "aria-pressed": "false", text: "Reveal" });
    btn.setAttribute("aria-label", `Reveal ${label}`);
    btn.addEventListener("click", () => {
      const shown = wrap.classList.toggle("revealed");
      body.setAttribute("aria-hidden", String(!shown));
      hidden.hidden = shown;
      btn.setAttribute("aria-pressed", String(shown));
      btn.textContent = shown ? "Hide" : "Reveal";
      btn.setAttribute("aria-label", `${shown ? "Hide" : "Reveal"} ${label}`);
    });
    wrap.append(body, hidden, btn);
    return wrap;
  }

  renderItem(it) {
    const who = it.from?.name || "someone";
    const hint = it.kind === "alert" && it.alertKind === "hint";
    const title = it.kind === "held" ? `Held message from ${who}`
      : hint ? `Maybe check in with ${who}` : it.kind === "alert" ? `Check in with ${who}` : "Reported message";
    const li = h("li", { class: `attention-item kind-${it.kind}${it.crisis ? " crisis" : ""}`,
      dataset: { key: it.key, kind: it.kind, crisis: it.crisis ? "1" : "0" } });
    const head = h("p", { class: "item-head" },
      it.crisis ? h("span", { class: "crisis-tag", text: "Crisis" }) : null,
      h("span", { class: "item-title", text: title }),
      h("span", { class: "waited", dataset: { since: String(it.ts) }, text: waitedText(Date.now() - it.ts) }));
    li.append(head);
    if (it.level) li.append(h("p", { class: "item-level", text: LEVEL_WORDS[it.level] || it.level }));
    if (it.reasons?.length) li.append(h("p", { class: "item-reasons hint", text: `Flagged: ${reasonText(it.reasons)}` }));
    // The words that weighed most (never a bare score); they are message text, so covered like it.
    if (it.why?.length) li.append(h("p", { class: "item-why hint", text: `Why: ${it.why.join(" · ")}` }));
    if (it.limited) li.append(h("p", { class: "hint", text: "Detection is limited right now: only simple rules ran." }));
    const actions = h("div", { class: "item-actions" });
    if (it.kind === "held") {
      if (it.text) li.append(this.flagged(it.text, `the message from ${who}`));
      const approve = h("button", { type: "button", class: "approve", text: "Approve" });
      approve.setAttribute("aria-label", `Approve the message from ${who}`);
      approve.addEventListener("click", () => this.resolve(it, "approve"));
      const reject = h("button", { type: "button", class: "reject", text: "Reject…" });
      reject.setAttribute("aria-label", `Reject the message from ${who}`);
      reject.addEventListener("click", (ev) => this.rejectWithReason(it, ev.currentTarget));
      actions.append(approve, reject);
    } else if (it.kind === "alert") {
      li.append(h("p", { class: "hint", text: hint
        ? "Their message was shared with the group. The detector was unsure; nothing was shown to them."
        : "Their message was shared with the group. They were shown support resources privately." }));
      if (it.text) li.append(this.flagged(it.text, `the message from ${who}`));
      const done = h("button", { type: "button", class: "dismiss", text: "Dismiss" });
      done.setAttribute("aria-label", `Dismiss the check-in with ${who}`);
      done.addEventListener("click", () => this.dismiss(it));
      actions.append(done);
    } else {
      if (it.reason) li.append(h("p", { class: "item-reason" }, h("strong", { text: "Reason given: " }), it.reason));
      const ctx = h("ol", { class: "context" });
      for (const m of it.context) {
        const reported = m.seq === it.seq;
        const row = h("li", { class: reported ? "reported" : null },
          h("span", { class: "ctx-name", text: `${m.from?.name || "?"}: ` }));
        if (reported) row.append(this.flagged(m.text || "", `the reported message from ${m.from?.name || "someone"}`));
        else row.append(h("span", { class: "ctx-text", text: m.text || "" }));
        ctx.append(row);
      }
      li.append(ctx);
      const remove = h("button", { type: "button", class: "remove", text: "Remove message" });
      remove.addEventListener("click", async () => {
        if (await this.mod("remove", { seq: it.seq })) { this.items.delete(it.key); this.render(); }
      });
      const done = h("button", { type: "button", class: "dismiss", text: "Dismiss" });
      done.addEventListener("click", () => this.dismiss(it));
      actions.append(remove, done);
    }
    li.append(actions);
    return li;
  }

  async resolve(it, action, reason = "") {
    const args = { held: it.held };
    if (reason) args.reason = reason;
    const ok = await this.mod(action, args);
    if (ok) {
      this.items.delete(it.key);
      this.render();
      this.view.announce(action === "approve" ? "Approved and shared." : "Rejected; the author was told.");
    }
  }

  async rejectWithReason(it, opener) {
    const input = h("input", { id: "reject-reason", maxlength: "500", autocomplete: "off" });
    const extra = h("div", {}, h("label", { for: "reject-reason", class: "field-label small", text: "Reason the author will see (optional)" }), input);
    const yes = await confirmDialog({
      title: "Reject this message?", text: "It won't be shared with the group. The author is told it wasn't approved.",
      action: "Reject", extra, opener,
    });
    if (yes) this.resolve(it, "reject", input.value.trim());
  }

  // -- activity -----------------------------------------------------------------------------
  async loadActivity() {
    const list = $("activity-list");
    let ok;
    try {
      ok = await this.ask({ type: "mod", room: this.store.room, action: "audit", limit: 50 });
    } catch (err) {
      list.replaceChildren(h("li", { text: `Couldn't load: ${err?.message || err?.code}` }));
      return;
    }
    const entries = Array.isArray(ok.entries) ? ok.entries.slice().reverse() : [];
    const name = (id) => (id ? this.store.nameOf(id) || this.store.knownNames.get(id) || "someone who left" : "");
    list.replaceChildren(...entries.map((e) => {
      const bits = [e.kind === "moderation" ? `moderation ${e.outcome || ""}` : e.kind];
      if (e.by) bits.push(`by ${name(e.by)}`);
      if (e.member) bits.push(`— ${name(e.member)}`);
      if (e.seconds) bits.push(`for ${Math.round(e.seconds / 60) || 1} min`);
      if (e.waited_ms) bits.push(`after ${Math.round(e.waited_ms / 1000)} s`);
      if (e.reason) bits.push(`(“${e.reason}”)`);
      if (Array.isArray(e.reasons) && e.reasons.length) bits.push(`[${e.reasons.map((r) => r.code).join(", ")}]`);
      return h("li", {}, h("time", { text: timeFormat.format(new Date(e.ts || Date.now())) }), " ", bits.join(" "));
    }));
    if (!entries.length) list.replaceChildren(h("li", { class: "hint", text: "Nothing yet." }));
  }
}
