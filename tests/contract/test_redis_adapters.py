"""What only the Redis adapters have: expiry of a dead node's presence, a new epoch when
Redis lost the room, the retryable error when Redis is gone, re-subscription reports."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
from redis.asyncio import Redis
from redis.asyncio.cluster import ClusterNode
from redis.asyncio.cluster import RedisCluster as ClusterClient
from redis.crc import key_slot

from rooms.errors import RoomError
from rooms.model import Member, Role, RoomConfig
from server.broker.redis import ClusterBroker, RedisBroker
from server.store.redis import RedisStore
from tests.support.redis import RedisCluster, RedisServer
from tests.support.servers import free_port
from tests.support.waiting import eventually

ANA = Member(id="m-ana", name="Ana", role=Role.MEMBER)
BO = Member(id="m-bo", name="Bo", role=Role.MEMBER)

pytestmark = pytest.mark.redis


def room_id() -> str:
    return f"r-{uuid.uuid4().hex[:10]}"


async def test_dead_nodes_presence_expires_live_one_is_refreshed(redis_server: RedisServer) -> None:
    room = room_id()
    dead_client, live_client = Redis.from_url(redis_server.url), Redis.from_url(redis_server.url)
    dead = RedisStore(dead_client, presence_ttl=3)  # never starts its heartbeat: "kill -9"
    live = RedisStore(live_client, presence_ttl=3)
    await live.start()
    try:
        assert await dead.presence_add(room, ANA, "c1")
        assert await live.presence_add(room, BO, "c2")

        async def only_bo() -> bool:
            return [m.id for m in await live.presence(room)] == [BO.id]

        started = time.monotonic()
        await eventually(only_bo, timeout=10, what="the dead node's member to expire", interval=0.05)
        assert time.monotonic() - started < 6
        await asyncio.sleep(1.5)  # longer than a TTL since Bo joined: the heartbeat kept him
        assert await only_bo()
    finally:
        await live.close()
        assert await live.presence(room) == []  # close removed this node's presence
        await dead_client.aclose()
        await live_client.aclose()


async def test_room_lost_by_redis_gets_a_new_epoch(redis_server: RedisServer) -> None:
    room = room_id()
    client = Redis.from_url(redis_server.url)
    store = RedisStore(client)
    try:
        await store.put_room(RoomConfig(id=room, title="T"))
        first = await store.epoch(room)
        for i in range(3):
            await store.append_message(room, ANA, f"m{i}", i, None, 100)
        keys = await client.keys("{room:" + room + "}:*")
        await client.delete(*keys)  # what a restart without persistence does to this room
        assert await store.epoch(room) != first
        assert (await store.history(room, 0, 10)).latest == 0
        assert (await store.append_message(room, ANA, "new", 9, None, 100)).message.seq == 1
        assert (await store.get_room(room)).title == "T"  # type: ignore[union-attr]  # re-put from memory
    finally:
        await client.aclose()


async def test_redis_gone_is_a_retryable_error() -> None:
    client = Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=1, socket_timeout=1)
    store = RedisStore(client)
    try:
        with pytest.raises(RoomError) as info:
            await store.append_message(room_id(), ANA, "x", 1, None, 10)
        assert info.value.code == "unavailable" and info.value.retry_after == 1000
        assert not await store.ping()
    finally:
        await client.aclose()


async def test_killed_subscription_is_reported_and_restored(redis_server: RedisServer) -> None:
    client = Redis.from_url(redis_server.url)
    broker = RedisBroker(client, lambda: Redis.from_url(redis_server.url))
    got: list[bytes] = []
    resubscribed: list[str] = []
    broker.on_resubscribe(resubscribed.append)
    await broker.start(lambda c, p: got.append(p))
    channel = "{room:" + room_id() + "}:events"
    try:
        await broker.subscribe(channel)
        await client.execute_command("CLIENT", "KILL", "TYPE", "pubsub")

        async def back() -> bool:
            return channel in resubscribed

        await eventually(back, timeout=10, what="a re-subscription report", interval=0.05)
        await client.publish(channel, b"after")

        async def arrived() -> bool:
            return got == [b"after"]

        await eventually(arrived, timeout=5, what="delivery after the re-subscription", interval=0.05)
    finally:
        await broker.close()
        await client.aclose()


async def test_cluster_subscriptions_in_different_slots_come_back_after_a_kill(
    redis_cluster: RedisCluster,
) -> None:
    """One SSUBSCRIBE takes channels of one slot only: a pub/sub connection holding rooms of
    several slots must re-subscribe them one by one after it was dropped."""
    cc = ClusterClient(startup_nodes=[ClusterNode("127.0.0.1", n.port) for n in redis_cluster.nodes])
    await cc.initialize()
    broker = ClusterBroker(cc, lambda h, p: Redis(host=h, port=p))
    got: list[tuple[str, bytes]] = []
    resubscribed: list[str] = []
    broker.on_resubscribe(resubscribed.append)
    await broker.start(lambda c, p: got.append((c, p)))
    master = redis_cluster.nodes[0]
    channels: list[str] = []
    while len(channels) < 3:  # three rooms, three slots, one master
        channel = "{room:" + room_id() + "}:events"
        if redis_cluster.owner_of(key_slot(channel.encode())) is master:
            channels.append(channel)
    try:
        for channel in channels:
            await broker.subscribe(channel)
        await asyncio.to_thread(master.cli, "CLIENT", "KILL", "TYPE", "pubsub")

        async def back() -> bool:
            return set(channels) <= set(resubscribed)

        await eventually(back, timeout=10, what="every channel re-subscribed", interval=0.05)
        for channel in channels:
            await cc.spublish(channel, b"after")

        async def arrived() -> bool:
            return sorted(got) == sorted((c, b"after") for c in channels)

        await eventually(arrived, timeout=5, what="delivery on every channel after the re-subscription",
                         interval=0.05)
    finally:
        await broker.close()
        await cc.aclose()


async def test_cluster_subscriptions_follow_a_moved_slot(fresh_cluster: RedisCluster) -> None:
    """A slot moves (resharding): a subscribed channel is moved to the new owner at once and
    reported; a channel subscribed later, with the slot map out of date, is confirmed by the
    new owner instead of timing out on the old one."""
    cc = ClusterClient(startup_nodes=[ClusterNode("127.0.0.1", n.port) for n in fresh_cluster.nodes])
    await cc.initialize()
    broker = ClusterBroker(cc, lambda h, p: Redis(host=h, port=p))
    got: list[tuple[str, bytes]] = []
    resubscribed: list[str] = []
    broker.on_resubscribe(resubscribed.append)
    await broker.start(lambda c, p: got.append((c, p)))
    live, later = ("{room:" + room_id() + "}:events" for _ in range(2))
    try:
        await broker.subscribe(live)
        slot = key_slot(live.encode())
        source = fresh_cluster.owner_of(slot)
        target = next(n for n in fresh_cluster.nodes if n is not source)
        await asyncio.to_thread(fresh_cluster.move_slot, slot, target)

        async def reported() -> bool:
            return live in resubscribed

        # Within 3 s: not the 5 s periodic check.
        await eventually(reported, timeout=3, what="the moved channel re-subscribed on the new owner", interval=0.05)
        await cc.spublish(live, b"moved")

        async def arrived() -> bool:
            return got == [(live, b"moved")]

        await eventually(arrived, timeout=3, what="delivery through the new owner", interval=0.05)

        other = key_slot(later.encode())
        owner = fresh_cluster.owner_of(other)
        await asyncio.to_thread(fresh_cluster.move_slot, other, next(n for n in fresh_cluster.nodes if n is not owner))
        started = time.monotonic()
        await broker.subscribe(later)  # the broker still thinks `owner` has it
        assert time.monotonic() - started < 3
        await cc.spublish(later, b"later")

        async def both() -> bool:
            return got == [(live, b"moved"), (later, b"later")]

        await eventually(both, timeout=3, what="delivery on the channel subscribed after its slot moved", interval=0.05)
    finally:
        await broker.close()
        await cc.aclose()
