"""The hub's backfill: a re-subscription reported while a backfill runs gets one of its own."""

from __future__ import annotations

import asyncio

import orjson

from rooms.model import Member, Role
from rooms.ports import HistoryPage
from server.broker.memory import MemoryBroker
from server.codec import channel
from server.connection import Connection
from server.hub import Hub
from server.protocol import Wire, WireFormat
from server.store.memory import MemoryStore
from tests.support.waiting import eventually

ANA = Member(id="m-ana", name="Ana", role=Role.MEMBER)


class SlowHistory(MemoryStore):
    """History reads that can be held: the page is read at once, returned when released."""

    def __init__(self) -> None:
        super().__init__(lambda c, p: None)  # nothing goes out live: only backfills deliver
        self.hold: asyncio.Event | None = None
        self.reads = 0

    async def history(self, room: str, after: int, limit: int) -> HistoryPage:
        page = await super().history(room, after, limit)
        self.reads += 1
        if self.hold is not None:
            await self.hold.wait()
        return page


async def test_resubscribed_during_a_backfill_backfills_again() -> None:
    store = SlowHistory()
    hub = Hub(MemoryBroker(), store)
    await hub.start()

    async def send(data: Wire) -> None:
        pass

    conn = Connection(send, WireFormat.JSON, 100, lambda c: None)
    received: list[int] = []
    conn.push = lambda data: received.append(int(orjson.loads(data)["seq"]))  # type: ignore[method-assign]
    room = "r-hub"
    await hub.attach(room, conn, ANA)
    hub.ready(room, conn, ANA, 0)
    # The first backfill learns where the room stands (seq 0) and finishes.
    def first_backfill_done() -> bool:
        track = hub._tracks.get(room)
        return store.reads >= 1 and track is not None and track.task is None and track.last == 0

    await eventually(first_backfill_done, what="the first backfill")

    await store.append_message(room, ANA, "one", 1, None, 100)
    store.hold = asyncio.Event()
    hub._on_resubscribe(channel(room))  # a backfill reads history now (seq 1) and is held
    await eventually(lambda: store.reads >= 2, what="the held backfill's history read")
    await store.append_message(room, ANA, "two", 2, None, 100)  # lost in the re-subscription
    hub._on_resubscribe(channel(room))  # reported while the first backfill still runs
    store.hold.set()
    store.hold = None
    await eventually(lambda: len(received) >= 2, what="both messages")
    assert received == [1, 2]
    await hub.close()


async def test_presence_lost_with_a_subscription_is_resynced() -> None:
    store = MemoryStore(lambda c, p: None)  # nothing goes out live: as if pub/sub dropped it all
    hub = Hub(MemoryBroker(), store)
    await hub.start()

    async def send(data: Wire) -> None:
        pass

    conn = Connection(send, WireFormat.JSON, 100, lambda c: None)
    frames: list[dict[str, object]] = []
    conn.push = lambda data: frames.append(orjson.loads(data))  # type: ignore[method-assign]
    room = "r-presence"
    bob = Member(id="m-bob", name="Bob", role=Role.MEMBER)
    await store.presence_add(room, ANA, "c-ana")
    await store.presence_add(room, bob, "c-bob")
    await hub.attach(room, conn, ANA)
    hub.ready(room, conn, ANA, 0)
    # The first backfill learns who is here.
    await eventually(lambda: room in hub._tracks and hub._tracks[room].present is not None, what="presence")
    carl = Member(id="m-carl", name="Carl", role=Role.MEMBER)
    await store.presence_add(room, carl, "c-carl")  # joined while the subscription was down
    await store.presence_remove(room, bob.id, "c-bob")  # and Bob left
    hub._on_resubscribe(channel(room))
    await eventually(lambda: bool(frames), what="the presence resync")
    assert frames == [{"type": "presence", "room": room, "joined": [carl.wire()], "left": [bob.id]}]
    await hub.close()
