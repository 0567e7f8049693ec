"""Local connections by room; the Fanout port's implementation.

Each node subscribes to a room's channel once, on its first local member, and leaves it
after the last (reference counting). Every event is decoded once per node and encoded
once per wire format; the same object goes onto every matching connection's queue.

Redis pub/sub is at most once, so the hub keeps the room's `msg` stream whole itself: it
remembers the last `seq` it delivered per room, drops repeats, and on a gap (or after the
broker re-subscribed a room) backfills from the store's history in a task per room while
that room's later events wait in a queue; other rooms keep flowing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from rooms import events as room_events
from rooms.events import FACILITATORS, MEMBER, MEMBERS, ROOM, Event
from rooms.model import Member, Role
from rooms.ports import Store
from server.broker import Broker
from server.codec import channel, pack_event, room_of, unpack_event
from server.connection import Connection
from server.protocol import Wire, WireFormat, encode

log = logging.getLogger("hearth.hub")

BACKFILL_LIMIT = 1000  # messages fetched per backfill; a longer gap keeps only the newest
BACKFILL_QUEUE = 10_000  # events held for one room while it backfills; past it, give up on the gap
BACKFILL_RETRY = (0.1, 2.0)  # backoff while the store is unreachable


@runtime_checkable
class Resubscribing(Protocol):
    """A broker that can say a room's subscription came back after a silent break."""

    def on_resubscribe(self, callback: Callable[[str], None]) -> None: ...


@dataclass
class _Track:
    """Where a room's `msg` stream stands on this node."""

    last: int | None = None  # last seq delivered (None: not known yet)
    queue: list[tuple[int, Event]] | None = None  # (arrival tick, event) while a backfill runs
    task: asyncio.Task[None] | None = None
    again: bool = False  # re-subscribed while a backfill ran: its history read may be too early
    present: dict[str, dict[str, Any]] | None = None  # who this node's clients believe is here
    resync: bool = False  # after a re-subscription: presence events may have been lost too


@dataclass
class _Seat:
    member: Member
    since: int = 0  # arrival tick when attached: older events waiting in a backfill are not for it
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
    def __init__(self, broker: Broker, store: Store | None = None) -> None:
        self._broker = broker
        self._store = store
        self._rooms: dict[str, dict[Connection, _Seat]] = {}
        self._tracks: dict[str, _Track] = {}
        self._subscribing: dict[str, asyncio.Future[None]] = {}
        self.delivered = 0
        self.events = 0
        self.duplicates = 0  # msg frames dropped because their seq was already delivered
        self.backfills = 0  # gaps (or re-subscriptions) repaired from history
        self.backfilled = 0  # messages delivered from history rather than pub/sub
        self._tick = 0  # counts events arriving and seats attaching, to order the two
        self.on_message: Callable[[str, int], None] | None = None  # (room, ts) per delivered msg

    async def start(self) -> None:
        if isinstance(self._broker, Resubscribing):
            self._broker.on_resubscribe(self._on_resubscribe)
        await self._broker.start(self._on_payload)

    async def close(self) -> None:
        for track in self._tracks.values():
            if track.task is not None:
                track.task.cancel()
        self._tracks.clear()

    # -- Fanout port -----------------------------------------------------------------------
    async def publish(self, event: Event) -> None:
        await self._broker.publish(channel(event.room), pack_event(event))

    # -- local membership --------------------------------------------------------------------
    async def attach(self, room: str, conn: Connection, member: Member) -> None:
        """Start collecting the room's events for `conn` (held back until `ready`)."""
        local = self._rooms.get(room)
        self._tick += 1
        if local is not None:
            local[conn] = _Seat(member=member, since=self._tick)
            waiting = self._subscribing.get(room)
            if waiting is not None:  # another member's subscribe is in flight: share its fate
                try:
                    await asyncio.shield(waiting)
                except BaseException:
                    local.pop(conn, None)
                    raise
            return
        local = self._rooms[room] = {conn: _Seat(member=member, since=self._tick)}
        done = self._subscribing[room] = asyncio.get_running_loop().create_future()
        try:
            await self._broker.subscribe(channel(room))
        except BaseException as exc:
            if not done.done():
                done.set_exception(exc)
                done.exception()  # retrieved: nobody else may be waiting
            if self._rooms.get(room) is local:
                del self._rooms[room]
            with contextlib.suppress(Exception):
                await self._broker.unsubscribe(channel(room))
            raise
        finally:
            if self._subscribing.get(room) is done:
                del self._subscribing[room]
        if not done.done():
            done.set_result(None)
        if self._store is not None and self._rooms.get(room) is local:
            # Learn where the room's stream stands; its events wait until we know.
            self._backfill(room, self._tracks.setdefault(room, _Track()))

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
            track = self._tracks.pop(room, None)
            if track is not None and track.task is not None:
                track.task.cancel()
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
        self._accept(event)

    def _accept(self, event: Event, tick: int | None = None) -> None:
        """Deliver in seq order: drop repeats, backfill gaps, hold events while that runs."""
        if tick is None:
            self._tick += 1
            tick = self._tick
        track = self._tracks.get(event.room)
        if track is None:
            self.deliver(event, tick)
            return
        if track.queue is not None:
            if len(track.queue) < BACKFILL_QUEUE:
                track.queue.append((tick, event))
                return
            log.warning("room backfill is taking too long; delivering without it")
            self._give_up(event.room, track)
        if event.frame.get("type") == "msg":
            seq = int(event.frame.get("seq", 0))
            if track.last is not None:
                if seq <= track.last:
                    self.duplicates += 1
                    return
                if seq > track.last + 1:
                    self._backfill(event.room, track, first=(tick, event))
                    return
            track.last = seq
        self.deliver(event, tick)

    def _on_resubscribe(self, channel_name: str) -> None:
        """The broker lost and regained the room's subscription: messages may be missing."""
        room = room_of(channel_name)
        track = self._tracks.get(room)
        if track is None or room not in self._rooms:
            return
        track.resync = True
        if track.queue is None:
            self._backfill(room, track)
        else:  # the running backfill may have read history before the subscription came back
            track.again = True

    def _backfill(self, room: str, track: _Track, first: tuple[int, Event] | None = None) -> None:
        track.again = False
        track.queue = [] if first is None else [first]
        track.task = asyncio.get_running_loop().create_task(self._run_backfill(room, track), name=f"backfill-{room}")

    def _give_up(self, room: str, track: _Track) -> None:
        if track.task is not None:
            track.task.cancel()
            track.task = None
        queued, track.queue, track.last = track.queue or [], None, None
        for tick, event in queued:
            self._accept(event, tick)

    async def _run_backfill(self, room: str, track: _Track) -> None:
        assert self._store is not None
        delay = BACKFILL_RETRY[0]
        while True:
            try:
                limit = 0 if track.last is None else BACKFILL_LIMIT  # not known yet: just learn `latest`
                page = await asyncio.wait_for(self._store.history(room, track.last or 0, limit), 10.0)
                if track.last is not None and page.latest < track.last:
                    # The room's history was lost (a new epoch): deliver what the new one holds.
                    log.warning("room history restarted; resetting the delivered seq")
                    track.last = 0
                    page = await asyncio.wait_for(self._store.history(room, 0, BACKFILL_LIMIT), 10.0)
                break
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("backfill of a room failed (%s); retrying", type(exc).__name__)
                await asyncio.sleep(delay)
                delay = min(delay * 2, BACKFILL_RETRY[1])
        if self._tracks.get(room) is not track:
            return
        if track.last is not None:
            self.backfills += 1
            filled = 0
            for message in page.messages:
                if message.seq > track.last:
                    filled += 1
                    self.deliver(room_events.to_room(room, message.wire(room)))
            self.backfilled += filled
            if filled:
                log.info("filled a gap of %d messages from history (after seq %d)", filled, track.last)
        await self._resync_presence(room, track)
        if self._tracks.get(room) is not track:
            return
        # Every seq up to `latest` is either delivered now, removed, or beyond retention.
        track.last = max(track.last or 0, page.latest)
        track.task = None
        queued, track.queue = track.queue or [], None
        for i, (tick, event) in enumerate(queued):
            self._accept(event, tick)
            if track.queue is not None:  # another gap: the rest waits for that backfill
                track.queue.extend(queued[i + 1:])
                break
        if track.again and track.queue is None:
            self._backfill(room, track)

    async def _resync_presence(self, room: str, track: _Track) -> None:
        """Learn who is here (first backfill); after a re-subscription, tell local clients the
        difference, since presence events published meanwhile were lost with the messages."""
        if track.present is not None and not track.resync:
            return
        assert self._store is not None
        try:
            now = {m.id: m.wire() for m in await asyncio.wait_for(self._store.presence(room), 10.0)}
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("reading a room's presence failed (%s); keeping the last known", type(exc).__name__)
            return
        before, track.present, track.resync = track.present, now, False
        if before is None:
            return
        joined = [m for mid, m in now.items() if mid not in before]
        left = [mid for mid in before if mid not in now]
        if joined or left:
            self.deliver(room_events.to_room(room, {"type": "presence", "room": room, "joined": joined, "left": left}))

    def _note_presence(self, room: str, frame: dict[str, Any]) -> None:
        track = self._tracks.get(room)
        if track is None or track.present is None:
            return
        for m in frame.get("joined") or []:
            if isinstance(m, dict) and "id" in m:
                track.present[str(m["id"])] = m
        for mid in frame.get("left") or []:
            track.present.pop(str(mid), None)

    def deliver(self, event: Event, tick: int | None = None) -> None:
        local = self._rooms.get(event.room)
        if not local:
            return
        self.events += 1
        if event.frame.get("type") == "presence":
            self._note_presence(event.room, event.frame)
        if self.on_message is not None and event.frame.get("type") == "msg":
            self.on_message(event.room, int(event.frame.get("ts", 0)))
        cache: dict[WireFormat, Wire] = {}
        for conn, seat in list(local.items()):
            if not _matches(event, seat.member) or (tick is not None and seat.since > tick):
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
