"""One suite, every adapter: memory (the embedded default), one Redis, Redis Cluster."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from redis.asyncio import Redis
from redis.asyncio.cluster import ClusterNode
from redis.asyncio.cluster import RedisCluster as ClusterClient

from rooms.ports import Counters, Store
from server.broker import Broker
from server.broker.memory import MemoryBroker
from server.broker.redis import ClusterBroker, RedisBroker
from server.store.memory import MemoryCounters, MemoryStore
from server.store.redis import RedisStore
from server.store.redis_counters import RedisCounters
from tests.support.redis import RedisCluster, RedisServer


@dataclass
class Adapters:
    kind: str
    store: Store
    counters: Counters
    broker: Broker
    received: list[tuple[str, bytes]] = field(default_factory=list)
    closers: list[Callable[[], Any]] = field(default_factory=list)

    def handler(self, channel: str, payload: bytes) -> None:
        self.received.append((channel, payload))

    async def wait_received(self, count: int, timeout: float = 5.0) -> list[tuple[str, bytes]]:
        deadline = time.monotonic() + timeout
        while len(self.received) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.kind}: {len(self.received)} of {count} payloads within {timeout}s")
            await asyncio.sleep(0.005)
        return self.received


def room_id() -> str:
    return f"c-{uuid.uuid4().hex[:10]}"


@pytest.fixture(params=["memory", "redis", "cluster"])
async def adapters(request: pytest.FixtureRequest) -> AsyncIterator[Adapters]:
    kind = request.param
    prefix = f"test:{uuid.uuid4().hex[:8]}:"
    if kind == "memory":
        mb = MemoryBroker()
        a = Adapters(kind, MemoryStore(mb.publish_now), MemoryCounters(), mb)
    elif kind == "redis":
        server: RedisServer = request.getfixturevalue("redis_server")
        client = Redis.from_url(server.url)
        a = Adapters(kind, RedisStore(client, presence_ttl=30), RedisCounters(client, prefix=prefix),
                     RedisBroker(client, lambda: Redis.from_url(server.url)))
        a.closers.append(client.aclose)
    else:
        cluster: RedisCluster = request.getfixturevalue("redis_cluster")
        cc = ClusterClient(startup_nodes=[ClusterNode("127.0.0.1", n.port) for n in cluster.nodes])
        await cc.initialize()
        a = Adapters(kind, RedisStore(cc, sharded=True), RedisCounters(cc, prefix=prefix),
                     ClusterBroker(cc, lambda h, p: Redis(host=h, port=p)))
        a.closers.append(cc.aclose)
    await a.broker.start(a.handler)
    yield a
    await a.broker.close()
    for close in a.closers:
        await close()
