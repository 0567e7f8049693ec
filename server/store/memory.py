"""The embedded store: everything in this process's memory, gone on restart (a restart
makes a new epoch for every room, so clients learn their history is not whole)."""

from __future__ import annotations

import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from rooms import events
from rooms.model import Held, Member, Message, Mute, RoomConfig, RoomState
from rooms.ports import Appended, HistoryPage
from server.codec import channel, pack_event

DEDUPE_TTL = 600.0


@dataclass
class _Room:
    config: RoomConfig
    epoch: str = field(default_factory=lambda: secrets.token_hex(4))
    state: RoomState = field(default_factory=RoomState)
    seq: int = 0
    history: deque[Message] = field(default_factory=deque)
    removed: set[int] = field(default_factory=set)
    dedupe: dict[tuple[str, str], tuple[int, float]] = field(default_factory=dict)
    reactions: dict[tuple[int, str], set[str]] = field(default_factory=dict)
    first_seen: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # name.casefold() -> member id
    name_of: dict[str, str] = field(default_factory=dict)  # member id -> name
    agreed: set[str] = field(default_factory=set)
    presence: dict[str, tuple[Member, set[str]]] = field(default_factory=dict)
    mutes: dict[str, Mute] = field(default_factory=dict)
    bans: dict[str, str] = field(default_factory=dict)
    held: dict[str, Held] = field(default_factory=dict)
    attention: dict[str, dict[str, Any]] = field(default_factory=dict)
    audit: deque[dict[str, Any]] = field(default_factory=deque)


class MemoryStore:
    def __init__(self, publish_now: Callable[[str, bytes], None]) -> None:
        self._publish_now = publish_now
        self._rooms: dict[str, _Room] = {}

    def _room(self, room: str) -> _Room:
        r = self._rooms.get(room)
        if r is None:
            r = self._rooms[room] = _Room(config=RoomConfig(id=room))
        return r

    async def put_room(self, config: RoomConfig) -> None:
        existing = self._rooms.get(config.id)
        if existing is None:
            self._rooms[config.id] = _Room(config=config)
        else:
            existing.config = config

    async def get_room(self, room: str) -> RoomConfig | None:
        r = self._rooms.get(room)
        return None if r is None else r.config

    async def list_rooms(self) -> list[RoomConfig]:
        return [r.config for r in self._rooms.values()]

    async def get_state(self, room: str) -> RoomState:
        return self._room(room).state

    async def cas_state(self, room: str, expected_version: int, state: RoomState) -> bool:
        r = self._room(room)
        if r.state.version != expected_version:
            return False
        r.state = replace(state, version=expected_version + 1)
        return True

    async def epoch(self, room: str) -> str:
        return self._room(room).epoch

    async def append_message(
        self, room: str, sender: Member, text: str, ts: int, cid: str | None, retain: int
    ) -> Appended:
        r = self._room(room)
        now = time.monotonic()
        if cid is not None:
            seen = r.dedupe.get((sender.id, cid))
            if seen is not None and now - seen[1] < DEDUPE_TTL:
                for m in r.history:
                    if m.seq == seen[0]:
                        return Appended(message=m, duplicate=True)
        message = self._append(room, r, sender, text, ts, retain)
        if cid is not None:
            r.dedupe[(sender.id, cid)] = (message.seq, now)
            if len(r.dedupe) > 10_000:
                r.dedupe = {k: v for k, v in r.dedupe.items() if now - v[1] < DEDUPE_TTL}
        return Appended(message=message, duplicate=False)

    def _append(self, room: str, r: _Room, sender: Member, text: str, ts: int, retain: int) -> Message:
        r.seq += 1
        message = Message(seq=r.seq, sender=sender, text=text, ts=ts)
        r.history.append(message)
        while len(r.history) > max(1, retain):
            old = r.history.popleft()
            r.removed.discard(old.seq)
        # No await between assigning seq and publishing: history order is delivery order.
        self._publish_now(channel(room), pack_event(events.to_room(room, message.wire(room))))
        return message

    async def find_cid(self, room: str, member: str, cid: str) -> Message | None:
        r = self._room(room)
        seen = r.dedupe.get((member, cid))
        if seen is None or time.monotonic() - seen[1] >= DEDUPE_TTL:
            return None
        return next((m for m in r.history if m.seq == seen[0]), None)

    async def history(self, room: str, after: int, limit: int) -> HistoryPage:
        r = self._room(room)
        oldest = r.history[0].seq if r.history else 0
        if limit <= 0:
            return HistoryPage(messages=[], oldest=oldest, latest=r.seq)
        picked = [m for m in r.history if m.seq > after and m.seq not in r.removed]
        return HistoryPage(messages=picked[-limit:], oldest=oldest, latest=r.seq)

    async def react(self, room: str, seq: int, member: str, emoji: str) -> int | None:
        r = self._room(room)
        if seq in r.removed or not any(m.seq == seq for m in r.history):
            return None
        who = r.reactions.setdefault((seq, emoji), set())
        who.add(member)
        return len(who)

    async def reaction_counts(self, room: str, seqs: list[int]) -> dict[int, dict[str, int]]:
        r = self._room(room)
        wanted = set(seqs)
        out: dict[int, dict[str, int]] = {}
        for (seq, emoji), who in r.reactions.items():
            if seq in wanted and who:
                out.setdefault(seq, {})[emoji] = len(who)
        return out

    async def first_seen(self, room: str, member: str, seq: int) -> int:
        return self._room(room).first_seen.setdefault(member, seq)

    async def claim_name(self, room: str, member: str, name: str) -> bool:
        r = self._room(room)
        key = name.casefold()
        holder = r.names.get(key)
        if holder is not None and holder != member:
            return False
        previous = r.name_of.get(member)
        if previous is not None and previous.casefold() != key:
            r.names.pop(previous.casefold(), None)
        r.names[key] = member
        r.name_of[member] = name
        return True

    async def name_of(self, room: str, member: str) -> str | None:
        return self._room(room).name_of.get(member)

    async def agreed(self, room: str, member: str, set_: bool = False) -> bool:
        r = self._room(room)
        if set_:
            r.agreed.add(member)
        return member in r.agreed

    async def presence_add(self, room: str, member: Member, conn: str) -> bool:
        r = self._room(room)
        entry = r.presence.get(member.id)
        if entry is None:
            r.presence[member.id] = (member, {conn})
            return True
        entry[1].add(conn)
        r.presence[member.id] = (member, entry[1])
        return False

    async def presence_remove(self, room: str, member: str, conn: str) -> Member | None:
        r = self._room(room)
        entry = r.presence.get(member)
        if entry is None:
            return None
        entry[1].discard(conn)
        if entry[1]:
            return None
        del r.presence[member]
        return entry[0]

    async def presence(self, room: str) -> list[Member]:
        return [m for m, _ in self._room(room).presence.values()]

    # -- sanctions ---------------------------------------------------------------------------
    async def set_mute(self, room: str, member: str, mute: Mute | None) -> None:
        r = self._room(room)
        if mute is None:
            r.mutes.pop(member, None)
        else:
            r.mutes[member] = mute

    async def get_mute(self, room: str, member: str) -> Mute | None:
        return self._room(room).mutes.get(member)

    async def list_mutes(self, room: str) -> dict[str, Mute]:
        return dict(self._room(room).mutes)

    async def set_ban(self, room: str, member: str, reason: str | None) -> None:
        r = self._room(room)
        if reason is None:
            r.bans.pop(member, None)
        else:
            r.bans[member] = reason

    async def is_banned(self, room: str, member: str) -> bool:
        return member in self._room(room).bans

    # -- held queue, removal, reports, session end ----------------------------------------------
    async def hold(self, room: str, held: Held) -> None:
        self._room(room).held[held.id] = held

    async def take_held(self, room: str, held_id: str) -> Held | None:
        return self._room(room).held.pop(held_id, None)

    async def list_held(self, room: str) -> list[Held]:
        return sorted(self._room(room).held.values(), key=lambda h: h.ts)

    async def publish_held(self, room: str, held: Held, retain: int) -> Message:
        return self._append(room, self._room(room), held.sender, held.text, held.ts, retain)

    async def remove_message(self, room: str, seq: int) -> bool:
        r = self._room(room)
        if seq in r.removed or not any(m.seq == seq for m in r.history):
            return False
        r.removed.add(seq)
        return True

    async def context(self, room: str, seq: int, before: int) -> list[Message]:
        r = self._room(room)
        upto = [m for m in r.history if m.seq <= seq and m.seq not in r.removed]
        if not upto or upto[-1].seq != seq:
            return []
        return upto[-(before + 1):]

    async def add_attention(self, room: str, item_id: str, frame: dict[str, Any], keep: int = 500) -> None:
        items = self._room(room).attention
        items[item_id] = dict(frame)
        for old in sorted(items)[: max(0, len(items) - keep)]:
            del items[old]

    async def list_attention(self, room: str) -> list[dict[str, Any]]:
        items = self._room(room).attention
        return [dict(items[k]) for k in sorted(items)]

    async def take_attention(self, room: str, item_id: str) -> dict[str, Any] | None:
        return self._room(room).attention.pop(item_id, None)

    async def purge(self, room: str) -> str:
        r = self._room(room)
        r.attention.clear()
        r.history.clear()
        r.removed.clear()
        r.dedupe.clear()
        r.reactions.clear()
        r.first_seen.clear()
        r.names.clear()
        r.name_of.clear()
        r.agreed.clear()
        r.mutes.clear()
        r.held.clear()
        r.state = RoomState(version=r.state.version + 1)
        r.epoch = secrets.token_hex(4)
        return r.epoch

    async def audit(self, room: str, entry: dict[str, Any], keep: int = 1000) -> None:
        log = self._room(room).audit
        log.append(dict(entry))
        while len(log) > keep:
            log.popleft()

    async def audit_log(self, room: str, limit: int) -> list[dict[str, Any]]:
        return list(self._room(room).audit)[-limit:]

    async def ping(self) -> bool:
        return True

    async def info(self) -> dict[str, Any]:
        return {"kind": "memory", "rooms": len(self._rooms)}


class MemoryCounters:
    """Counters for one process (the embedded default)."""

    def __init__(self) -> None:
        self._buckets: dict[str, tuple[float, int]] = {}
        self._gaps: dict[str, int] = {}
        self._seen: dict[str, float] = {}

    async def take(self, key: str, rate: float, burst: int, now_ms: int) -> int:
        if len(self._buckets) > 50_000:  # full buckets carry no state worth keeping
            self._buckets = {k: v for k, v in self._buckets.items() if now_ms - v[1] < 3_600_000}
        tokens, at = self._buckets.get(key, (float(burst), now_ms))
        tokens = min(float(burst), tokens + (now_ms - at) / 1000.0 * rate)
        if tokens >= 1.0:
            self._buckets[key] = (tokens - 1.0, now_ms)
            return 0
        self._buckets[key] = (tokens, now_ms)
        return int((1.0 - tokens) / rate * 1000) + 1

    async def gap(self, key: str, seconds: int, now_ms: int) -> int:
        if len(self._gaps) > 50_000:
            self._gaps = {k: v for k, v in self._gaps.items() if now_ms - v < 3_600_000}
        last = self._gaps.get(key)
        if last is not None and now_ms - last < seconds * 1000:
            return seconds * 1000 - (now_ms - last)
        self._gaps[key] = now_ms
        return 0

    async def seen(self, key: str, ttl_seconds: int) -> bool:
        now = time.monotonic()
        if len(self._seen) > 50_000:
            self._seen = {k: v for k, v in self._seen.items() if v > now}
        expires = self._seen.get(key)
        self._seen[key] = now + ttl_seconds
        return expires is not None and expires > now
