"""Local connections by room; the Fanout port's implementation.

Each node subscribes to a room's channel once, on its first local member, and leaves it
after the last (reference counting). Every event is decoded once per node and encoded
once per wire format; the same object goes onto every matching connection's queue.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from rooms.events import FACILITATORS, MEMBER, MEMBERS, ROOM, Event
from rooms.model import Member, Role
from server.broker import Broker
from server.codec import channel, pack_event, room_of, unpack_event
from server.connection import Connection
from server.protocol import Wire, WireFormat, encode

log = logging.getLogger("hearth.hub")


@dataclass
class _Seat:
    member: Member
    pending: list[dict[str, Any]] | None = field(default_factory=list)


def _matches(event: Event, member: Member) -> bool:
    if event.audience == ROOM:
        return event.exclude != member.id
    if event.audience == MEMBER:
        return event.member == member.id
    if event.audience == FACILITATORS:
        return member.role is Role.FACILITATOR or event.member == member.id
    if event.audience == MEMBERS:
        return member.role is not Role.FACILITATOR
    return False


class Hub:
    def __init__(self, broker: Broker) -> None:
        self._broker = broker
        self._rooms: dict[str, dict[Connection, _Seat]] = {}
        self.delivered = 0
        self.events = 0

    async def start(self) -> None:
        await self._broker.start(self._on_payload)

    # -- Fanout port -----------------------------------------------------------------------
    async def publish(self, event: Event) -> None:
        await self._broker.publish(channel(event.room), pack_event(event))

    # -- local membership --------------------------------------------------------------------
    async def attach(self, room: str, conn: Connection, member: Member) -> None:
        """Start collecting the room's events for `conn` (held back until `ready`)."""
        local = self._rooms.get(room)
        if local is None:
            local = self._rooms[room] = {}
            await self._broker.subscribe(channel(room))
        local[conn] = _Seat(member=member)

    def ready(self, room: str, conn: Connection, member: Member, after_seq: int) -> None:
        """The `joined` reply is queued: release held-back events, minus messages it had."""
        seat = self._rooms.get(room, {}).get(conn)
        if seat is None:
            return
        pending, seat.pending, seat.member = seat.pending or [], None, member
        for frame in pending:
            if frame.get("type") == "msg" and frame.get("seq", 0) <= after_seq:
                continue
            conn.push(encode(frame, conn.fmt))

    async def detach(self, room: str, conn: Connection) -> None:
        local = self._rooms.get(room)
        if local is None or local.pop(conn, None) is None:
            return
        if not local:
            del self._rooms[room]
            await self._broker.unsubscribe(channel(room))

    def local_rooms(self) -> dict[str, int]:
        return {room: len(conns) for room, conns in self._rooms.items()}

    def connections(self, room: str) -> list[Connection]:
        return list(self._rooms.get(room, {}))

    # -- delivery ----------------------------------------------------------------------------
    def _on_payload(self, channel_name: str, payload: bytes) -> None:
        try:
            event = unpack_event(payload)
        except Exception:
            log.warning("dropping an undecodable payload on %s", channel_name)
            return
        if event.room != room_of(channel_name):
            return
        self.deliver(event)

    def deliver(self, event: Event) -> None:
        local = self._rooms.get(event.room)
        if not local:
            return
        self.events += 1
        cache: dict[WireFormat, Wire] = {}
        for conn, seat in list(local.items()):
            if not _matches(event, seat.member):
                continue
            if seat.pending is not None:
                seat.pending.append(event.frame)
                continue
            data = cache.get(conn.fmt)
            if data is None:
                data = cache[conn.fmt] = encode(event.frame, conn.fmt)
            conn.push(data)
            self.delivered += 1
            if event.frame.get("type") == "kicked":
                # The target's connections leave the room once the notice is written.
                local.pop(conn, None)
                conn.close_after_flush(4503, event.room)
