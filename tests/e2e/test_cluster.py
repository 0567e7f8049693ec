"""Many nodes, one room, on a 3-master Redis Cluster (sharded pub/sub, one slot per room)."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import pytest
from redis.crc import key_slot

from tests.e2e.multinode import Reader, facilitator, member, send_steadily, start_nodes
from tests.support.client import Client
from tests.support.redis import RedisCluster
from tests.support.servers import HearthServer

pytestmark = pytest.mark.redis


async def test_rooms_across_nodes_on_a_cluster(
    redis_cluster: RedisCluster, make_server: type[HearthServer], tmp_path: Path
) -> None:
    nodes = start_nodes(make_server, tmp_path, 3, {"HEARTH_REDIS_CLUSTER": redis_cluster.spec})
    # One room on each master (redis-cli gives masters equal slot ranges in order).
    wanted: dict[int, str] = {}
    while len(wanted) < 3:
        rid = f"room-{uuid.uuid4().hex[:10]}"
        wanted.setdefault(min(key_slot(("{room:" + rid + "}").encode()) * 3 // 16384, 2), rid)
    rooms = [nodes[i].create_room(id=wanted[i], title=f"Cluster {i}") for i in range(3)]
    total = 60
    readers = {r: [Reader(nodes[i:] + nodes[:i], r, f"c{i}-{r}") for i in range(3)] for r in rooms}
    for group in readers.values():
        for reader in group:
            await reader.connect()
    for group in readers.values():  # presence agrees across nodes
        late = await Client.connect(nodes[0].ws_url, member(f"late-{group[0].room}"))
        joined = await late.join(group[0].room)
        assert len(joined["members"]) == 4
        await late.close()
    senders = []
    for i, r in enumerate(rooms):
        s = await Client.connect(nodes[(i + 1) % 3].ws_url, facilitator(r))
        await s.join(r)
        senders.append(s)
    acks = await asyncio.gather(*(send_steadily(s, r, total, 0.002, "x") for s, r in zip(senders, rooms, strict=True)))
    assert all(a == list(range(1, total + 1)) for a in acks)
    for group in readers.values():
        got = [await reader.read_until(total, 30) for reader in group]
        assert all(g == list(range(1, total + 1)) for g in got)
        assert group[0].texts == group[1].texts == group[2].texts
        assert all(not reader.duplicates for reader in group)
    for s in senders:
        await s.close()
    for group in readers.values():
        for reader in group:
            await reader.close()
