"""Everything one running node owns, built in the app's lifespan and torn down with it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from rooms.health import room_health
from rooms.model import RoomConfig
from rooms.ports import Counters, Store
from rooms.service import RoomService
from server.broker import Broker
from server.broker.memory import MemoryBroker
from server.hub import Hub
from server.latency import LatencyTracker
from server.protocol import Close
from server.settings import Settings
from server.store.memory import MemoryCounters, MemoryStore

if TYPE_CHECKING:
    from server.session import Session

log = logging.getLogger("hearth")


class Service(Protocol):
    """A resource with a lifetime owned by the runtime (e.g. the Redis store's heartbeat)."""

    async def start(self) -> None: ...

    async def close(self) -> None: ...


class Runtime:
    def __init__(self, settings: Settings, broker: Broker, store: Store, counters: Counters,
                 services: Sequence[Service] = ()) -> None:
        self.settings = settings
        self.broker = broker
        self.store = store
        self.counters = counters
        self.services = list(services)
        self.hub = Hub(broker, store)
        self.latency = LatencyTracker()
        self.hub.on_message = self.latency.observe
        self.service = RoomService(store, self.hub, settings.secret.encode(), counters)
        self.sessions: set[Session] = set()
        self.draining = False
        self.registry = CollectorRegistry(auto_describe=True)
        self.registry.register(_Stats(self))

    @classmethod
    def embedded(cls, settings: Settings) -> Runtime:
        broker = MemoryBroker()
        return cls(settings, broker, MemoryStore(broker.publish_now), MemoryCounters())

    async def start(self, rooms: list[RoomConfig]) -> None:
        for service in self.services:
            await service.start()
        await self.hub.start()
        for config in rooms:
            await self.store.put_room(config)

    async def readiness(self) -> dict[str, bool]:
        async def check(coro: Any) -> bool:
            try:
                return bool(await asyncio.wait_for(coro, 2.0))
            except Exception:
                return False

        return {"broker": await check(self.broker.ping()), "store": await check(self.store.ping())}

    async def stop(self) -> None:
        """Stop accepting, ask clients to resume elsewhere (1012), drain, close the broker."""
        self.draining = True
        sessions = list(self.sessions)
        for session in sessions:
            await session.shutdown(Close.RESTART)
        deadline = asyncio.get_running_loop().time() + 5.0
        while self.sessions and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
        with contextlib.suppress(Exception):
            await self.broker.close()
        await self.hub.close()
        for service in reversed(self.services):
            with contextlib.suppress(Exception):
                await service.close()

    async def room_health(self, room: str) -> dict[str, Any]:
        """Aggregates only: never message text, never identities."""
        health = await room_health(self.store, room, int(time.time() * 1000))
        health["delivery_ms_p50"], health["delivery_ms_p99"] = self.latency.percentiles(room)
        return health

    def metrics_text(self) -> tuple[bytes, str]:
        return generate_latest(self.registry), "text/plain; version=0.0.4; charset=utf-8"


class _Stats(Collector):
    """Read at scrape time: nothing is counted on the hot path for metrics' sake."""

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt

    def collect(self) -> Iterator[Metric]:
        conns = GaugeMetricFamily("hearth_connections", "open WebSocket connections")
        conns.add_metric([], len(self.rt.sessions))
        yield conns
        rooms = GaugeMetricFamily("hearth_local_rooms", "rooms with members on this node")
        rooms.add_metric([], len(self.rt.hub.local_rooms()))
        yield rooms
        delivered = CounterMetricFamily("hearth_deliveries", "frames handed to connection queues")
        delivered.add_metric([], self.rt.hub.delivered)
        yield delivered
        events = CounterMetricFamily("hearth_room_events", "room events received by this node")
        events.add_metric([], self.rt.hub.events)
        yield events
