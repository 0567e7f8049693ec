"""RoomService: the domain's use cases. Stateless between calls; all shared state is in
the Store, every frame for others goes out through the Store (messages) or the Fanout."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rooms import events
from rooms.errors import RoomError
from rooms.identity import Principal, clean_name, member_id, suggest_name
from rooms.model import MAX_TEXT, REACTIONS, HistoryVisibility, Member, Message, RoomConfig, RoomState
from rooms.permissions import allowed
from rooms.ports import Counters, Fanout, HistoryPage, Store

REPLAY_LIMIT = 500
RECENT_ON_JOIN = 100


def now_ms() -> int:
    return int(time.time() * 1000)


@dataclass(frozen=True, slots=True)
class Joined:
    member: Member
    config: RoomConfig
    members: list[Member]
    state: RoomState
    seq: int
    epoch: str
    history: list[Message]
    complete: bool


@dataclass(frozen=True, slots=True)
class Posted:
    status: str  # delivered | redacted | held
    seq: int | None
    text: str | None
    reasons: tuple[str, ...] = ()


def _whole(start: int, page: HistoryPage, limit: int) -> bool:
    """Is every message in (start, latest] either in `page` or deliberately removed?"""
    if page.latest <= start:
        return True
    if page.oldest == 0 or page.oldest > start + 1:
        return False
    truncated = len(page.messages) >= limit and page.messages[0].seq > start + 1
    return not truncated


class RoomService:
    def __init__(
        self,
        store: Store,
        fanout: Fanout,
        secret: bytes,
        counters: Counters,
        clock: Callable[[], int] = now_ms,
    ) -> None:
        self.store = store
        self.fanout = fanout
        self.counters = counters
        self._secret = secret
        self._clock = clock

    # -- helpers -----------------------------------------------------------------------
    def member_id(self, principal: Principal, room: str) -> str:
        return member_id(self._secret, principal.sub, room)

    def _check(self, principal: Principal, room: str, action: str) -> None:
        if not allowed(principal.role, action, in_scope=principal.may_enter(room)):
            raise RoomError("forbidden", f"you may not {action} in this room")

    async def _config(self, room: str) -> RoomConfig:
        config = await self.store.get_room(room)
        if config is None:
            raise RoomError("not_found", "no such room")
        return config

    async def _pick_name(self, room: str, mid: str, requested: str | None) -> str:
        if requested is not None:
            name = clean_name(requested)
            if name is None:
                raise RoomError("invalid", "a pseudonym is 2-32 letters, digits, spaces or . ' -")
            if not await self.store.claim_name(room, mid, name):
                raise RoomError("invalid", "that pseudonym is taken in this room")
            return name
        existing = await self.store.name_of(room, mid)
        if existing is not None:
            return existing
        for attempt in range(32):
            name = suggest_name(mid, attempt)
            if await self.store.claim_name(room, mid, name):
                return name
        raise RoomError("invalid", "could not find a free pseudonym; please choose one")

    # -- use cases -----------------------------------------------------------------------
    async def card(self, principal: Principal, room: str) -> dict[str, Any]:
        """What a person sees before entering: title, topic, agreement, a suggested name."""
        self._check(principal, room, "join")
        config = await self._config(room)
        mid = self.member_id(principal, room)
        name = await self.store.name_of(room, mid)
        present = await self.store.presence(room)
        return {
            "id": config.id,
            "title": config.title,
            "topic": config.topic,
            "agreement": config.agreement,
            "capacity": config.capacity,
            "history": config.history.value,
            "online": len(present),
            "name": name,
            "suggested_name": name or suggest_name(mid),
            "agreed": await self.store.agreed(room, mid),
        }

    async def join(
        self,
        principal: Principal,
        room: str,
        conn: str,
        *,
        name: str | None = None,
        since: int | None = None,
        epoch: str | None = None,
        agree: bool = False,
    ) -> Joined:
        self._check(principal, room, "join")
        config = await self._config(room)
        mid = self.member_id(principal, room)
        facilitator = principal.role.value == "facilitator"
        if config.agreement and not facilitator:
            if agree:
                await self.store.agreed(room, mid, set_=True)
            elif not await self.store.agreed(room, mid):
                raise RoomError("agreement_required", config.agreement)
        present = await self.store.presence(room)
        if not facilitator and all(m.id != mid for m in present):
            seated = sum(1 for m in present if m.role.value != "facilitator")
            if seated >= config.capacity:
                raise RoomError("room_full", "this room is full")
        member = Member(id=mid, name=await self._pick_name(room, mid, name), role=principal.role)

        current_epoch = await self.store.epoch(room)
        page = await self.store.history(room, 0, 0)
        latest = page.latest
        first = await self.store.first_seen(room, mid, latest)
        floor = first if config.history is HistoryVisibility.JOINED else 0
        if since is not None and epoch == current_epoch:
            start = min(max(since, floor), latest)
            page = await self.store.history(room, start, REPLAY_LIMIT)
            complete = _whole(start, page, REPLAY_LIMIT)
        else:
            # A first join, or the history the client knew is gone (the epoch changed).
            page = await self.store.history(room, floor, RECENT_ON_JOIN)
            complete = since is None

        if await self.store.presence_add(room, member, conn):
            await self.fanout.publish(
                events.to_room(
                    room, {"type": "presence", "room": room, "joined": [member.wire()], "left": []},
                    exclude=mid,
                )
            )
        members = await self.store.presence(room)
        state = await self.store.get_state(room)
        return Joined(
            member=member,
            config=config,
            members=members,
            state=state,
            seq=latest,
            epoch=current_epoch,
            history=page.messages,
            complete=complete,
        )

    async def leave(self, member: Member, room: str, conn: str) -> None:
        gone = await self.store.presence_remove(room, member.id, conn)
        if gone is not None:
            await self.fanout.publish(
                events.to_room(room, {"type": "presence", "room": room, "joined": [], "left": [gone.id]})
            )

    async def post(self, member: Member, room: str, text: str, cid: str | None) -> Posted:
        if len(text) > MAX_TEXT:
            raise RoomError("too_long", f"a message is at most {MAX_TEXT} characters")
        if not text.strip():
            raise RoomError("invalid", "a message needs some text")
        config = await self._config(room)
        appended = await self.store.append_message(
            room, member, text, self._clock(), cid, config.retain_messages
        )
        message = appended.message
        return Posted(status="delivered", seq=message.seq, text=message.text)

    async def react(self, member: Member, room: str, seq: int, emoji: str) -> None:
        if emoji not in REACTIONS:
            raise RoomError("invalid", "emoji must be one of " + ", ".join(REACTIONS))
        count = await self.store.react(room, seq, member.id, emoji)
        if count is None:
            raise RoomError("not_found", "no such message")
        await self.fanout.publish(
            events.to_room(room, {"type": "reaction", "room": room, "seq": seq, "emoji": emoji, "count": count})
        )

    async def typing(self, member: Member, room: str) -> None:
        await self.fanout.publish(
            events.to_room(room, {"type": "typing", "room": room, "member": member.id}, exclude=member.id)
        )
