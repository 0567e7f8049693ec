"""HEARTH_REDIS_WAIT_REPLICAS: an append returns only once the room's master has the entry on
that many replicas (WAIT on the connection that ran the append script), or the timeout ran
out: then the message is delivered all the same and the shortfall is counted."""

from __future__ import annotations

import asyncio
import signal
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from redis.asyncio import Redis
from redis.asyncio.cluster import ClusterNode
from redis.asyncio.cluster import RedisCluster as ClusterClient

from rooms.model import Member, Role
from server.store.redis import RedisStore, room_key
from tests.support.redis import RedisCluster, RedisServer

pytestmark = pytest.mark.redis

ANA = Member(id="m-ana", name="Ana", role=Role.MEMBER)


def room_id() -> str:
    return f"w-{uuid.uuid4().hex[:10]}"


@dataclass
class Placed:
    """A room on a cluster with replicas: its master, its master's replica (READONLY)."""

    room: str
    master: RedisServer
    replica: RedisServer
    reader: Redis

    async def entry(self, seq: int) -> list[object]:
        return list(await self.reader.xrange(room_key(self.room, "hist"), f"{seq}-0", f"{seq}-0"))


@pytest.fixture
async def cluster_client(fresh_cluster_with_replicas: RedisCluster) -> AsyncIterator[ClusterClient]:
    cc = ClusterClient(startup_nodes=[ClusterNode("127.0.0.1", n.port) for n in fresh_cluster_with_replicas.nodes])
    await cc.initialize()
    yield cc
    await cc.aclose()


async def place(cluster: RedisCluster) -> Placed:
    room = room_id()
    key = room_key(room, "hist")
    master = cluster.owner_of(cluster.keyslot(key))
    ports = {int(part.split("=", 1)[1]) for line in master.cli("info", "replication").splitlines()
             if line.startswith("slave") for part in line.split(",") if part.startswith("port=")}
    replica = next(n for n in cluster.nodes if n.port in ports)
    reader = Redis(port=replica.port)
    assert await reader.execute_command("READONLY")
    return Placed(room, master, replica, reader)


async def test_an_acknowledged_append_is_on_the_replica(
    fresh_cluster_with_replicas: RedisCluster, cluster_client: ClusterClient
) -> None:
    placed = await place(fresh_cluster_with_replicas)
    store = RedisStore(cluster_client, sharded=True, wait_replicas=1, wait_timeout_ms=1000)
    try:
        for i in range(30):
            appended = await store.append_message(placed.room, ANA, f"m{i}", i, f"c{i}", 100)
            assert appended.message.seq == i + 1
            assert len(await placed.entry(i + 1)) == 1, f"seq {i + 1} not on the replica right after its append"
        # concurrent appends share the node's connections: each WAITs on the one its script ran on
        done = await asyncio.gather(*(store.append_message(placed.room, ANA, f"p{i}", i, f"p{i}", 100)
                                      for i in range(20)))
        for appended in done:
            assert len(await placed.entry(appended.message.seq)) == 1
        assert store.wait_short == 0
    finally:
        await placed.reader.aclose()


async def test_append_waits_for_a_stalled_replica_then_counts_a_timeout(
    fresh_cluster_with_replicas: RedisCluster, cluster_client: ClusterClient
) -> None:
    placed = await place(fresh_cluster_with_replicas)
    store = RedisStore(cluster_client, sharded=True, wait_replicas=1, wait_timeout_ms=1500)
    assert placed.replica.proc is not None
    await store.append_message(placed.room, ANA, "warm-up", 0, None, 100)  # script loaded, slot map read
    placed.replica.proc.send_signal(signal.SIGSTOP)  # far below cluster-node-timeout (2 s): no failover
    try:
        started = time.monotonic()
        pending = asyncio.ensure_future(store.append_message(placed.room, ANA, "held back", 1, "c1", 100))
        await asyncio.sleep(0.4)
        assert not pending.done(), "the append returned before its replica acknowledged it"
        placed.replica.proc.send_signal(signal.SIGCONT)
        appended = await pending
        assert 0.4 <= time.monotonic() - started < 1.5
        assert len(await placed.entry(appended.message.seq)) == 1
        assert store.wait_short == 0

        short = RedisStore(cluster_client, sharded=True, wait_replicas=1, wait_timeout_ms=100)
        placed.replica.proc.send_signal(signal.SIGSTOP)
        started = time.monotonic()
        late = await short.append_message(placed.room, ANA, "late", 2, "c2", 100)
        assert 0.09 <= time.monotonic() - started < 1.0
        assert late.message.seq == appended.message.seq + 1  # delivered all the same
        assert short.wait_short == 1
    finally:
        placed.replica.proc.send_signal(signal.SIGCONT)
        await placed.reader.aclose()


async def test_one_redis_without_replicas_delivers_and_counts(redis_server: RedisServer) -> None:
    client = Redis.from_url(redis_server.url)
    store = RedisStore(client, wait_replicas=1, wait_timeout_ms=50)
    room = room_id()
    try:
        first = await store.append_message(room, ANA, "one", 1, "c1", 100)
        again = await store.append_message(room, ANA, "one", 1, "c1", 100)
        assert first.message.seq == 1 and again.duplicate and again.message.seq == 1
        assert [m.text for m in (await store.history(room, 0, 10)).messages] == ["one"]
        assert store.wait_short == 2
        await client.script_flush()  # NOSCRIPT: loaded again, the pipeline runs once more
        assert (await store.append_message(room, ANA, "two", 2, "c2", 100)).message.seq == 2
        assert store.wait_short == 3
    finally:
        await client.aclose()
