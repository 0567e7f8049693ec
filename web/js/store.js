// What the page knows about the room: members, delivered messages (by seq), my outbox,
// reactions, typing, phase. No DOM here; room.js reads it and tells view.js what changed.

export const MAX_TEXT = 4000;
export const TYPING_SHOW_MS = 4_000;

export const EMOJI = [
  { name: "heart", glyph: "❤️", label: "heart" },
  { name: "hug", glyph: "🤗", label: "hug" },
  { name: "nod", glyph: "🙂", label: "nod" },
  { name: "clap", glyph: "👏", label: "clap" },
  { name: "strong", glyph: "💪", label: "strong" },
  { name: "thanks", glyph: "🙏", label: "thanks" },
];

/** Length as the server counts it (code points, not UTF-16 units). */
export function textLength(text) {
  let n = 0;
  for (const _ of text) n += 1; // eslint-disable-line no-unused-vars
  return n;
}

export function newCid() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return "c" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export class RoomStore {
  constructor(room) {
    this.room = room;
    this.card = null;
    this.me = null;
    this.role = null; // from welcome
    this.joined = false; // a `joined` arrived on the current socket
    this.everJoined = false;
    this.members = new Map(); // id -> member
    this.epoch = null;
    this.lastSeq = 0;
    this.seqs = new Set(); // seqs shown (dedupe on resume)
    this.unclaimed = new Map(); // seq -> my msg that arrived before its ack
    this.outbox = new Map(); // cid -> entry, in send order
    this.reactions = new Map(); // seq -> Map(emoji -> count)
    this.mine = new Set(); // `${seq}:${emoji}` I reacted with
    this.typing = new Map(); // member id -> shown until (ms)
    this.state = { phase: "open", slow: 0, pinned: null, topic: "", floor: null, queue: [] };
    this.config = { title: "", agreement: null, capacity: 0, history: "joined" };
    this.mutedUntil = null; // ms, Infinity (until unmuted) or null
    this.muteReason = "";
    this.sanctions = new Map(); // member id -> {what, until} (facilitators: `sanction` frames)
    this.spoke = new Set(); // member ids seen posting in this session (the "listening" count)
    this.knownNames = new Map(); // member id -> name, kept after they leave (activity log)
    this.slowUntil = 0; // my next allowed post under slow mode (ms)
    this.kicked = null;
    this.stats = { joins: 0, resumes: 0, lastJoin: null };
  }

  isFacilitator() {
    return (this.me?.role || this.role) === "facilitator";
  }

  nameOf(id) {
    return this.members.get(id)?.name || null;
  }

  // -- members -----------------------------------------------------------------------------
  setMembers(list) {
    this.members = new Map(list.map((m) => [m.id, m]));
    for (const m of list) this.knownNames.set(m.id, m.name);
  }

  presence(joined, left) {
    for (const m of joined || []) { this.members.set(m.id, m); this.knownNames.set(m.id, m.name); }
    for (const id of left || []) {
      if (this.me && id === this.me.id) continue;
      this.members.delete(id);
      this.typing.delete(id);
    }
  }

  sortedMembers() {
    const rank = (m) => (m.role === "facilitator" ? 0 : 1);
    return [...this.members.values()].sort(
      (a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name),
    );
  }

  sanction(f) {
    if (f.what === "unmuted" || f.what === "unbanned") this.sanctions.delete(f.member);
    else this.sanctions.set(f.member, { what: f.what, until: f.until ?? null, open_ended: !!f.open_ended });
  }

  isMuted(id, now = Date.now()) {
    const s = this.sanctions.get(id);
    return !!s && s.what === "muted" && (s.until === null || s.until > now);
  }

  // -- messages ----------------------------------------------------------------------------
  seen(seq) {
    if (seq > this.lastSeq) this.lastSeq = seq;
  }

  /** Messages of mine still waiting for an ack: their msg frames wait in `unclaimed`. */
  hasUnacked() {
    for (const e of this.outbox.values()) if (e.status === "pending") return true;
    return false;
  }

  pendingEntries() {
    return [...this.outbox.values()].filter((e) => e.status === "pending");
  }

  /** The epoch changed: old seqs mean nothing any more. */
  resetHistory() {
    this.seqs.clear();
    this.unclaimed.clear();
    this.reactions.clear();
    this.mine.clear();
    this.lastSeq = 0;
  }

  setReaction(seq, emoji, count) {
    let counts = this.reactions.get(seq);
    if (!counts) this.reactions.set(seq, (counts = new Map()));
    counts.set(emoji, count);
  }

  // -- typing ------------------------------------------------------------------------------
  typingNames(now = Date.now()) {
    const names = [];
    for (const [id, until] of this.typing) {
      if (until <= now) this.typing.delete(id);
      else {
        const name = this.nameOf(id);
        if (name) names.push(name);
      }
    }
    return names;
  }

  nextTypingExpiry() {
    let next = Infinity;
    for (const until of this.typing.values()) next = Math.min(next, until);
    return next;
  }

  // -- posting rules (the server decides; this only shapes the composer) -------------------
  postingBlock(now = Date.now()) {
    if (this.kicked) return "You are no longer in this room.";
    if (this.mutedUntil && this.mutedUntil > now) return "muted";
    if (this.isFacilitator()) return null;
    if (this.state.phase === "paused") return "The facilitator has paused the room. You can keep reading.";
    if (this.state.phase === "round" && this.state.floor !== this.me?.id) {
      return "Sharing round: one person shares at a time. Please wait for your turn.";
    }
    return null;
  }
}
