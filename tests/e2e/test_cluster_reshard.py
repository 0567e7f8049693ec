"""A room's slot changes master while messages flow: resharding, and failover to a replica.

Each test builds its own cluster (it is changed). Two Hearth nodes, two readers on each,
one steady sender; two bystander rooms of other slots live on the same master.

Resharding: midway the slot of the room's hash tag is migrated the way `redis-cli --cluster
reshard` does it (IMPORTING/MIGRATING, MIGRATE the keys, SETSLOT NODE on every master).
While the keys move the room's scripts get TRYAGAIN (redis-py retries a few times; past
that the send is refused with the retryable `unavailable` and the sender retries with the
same `cid`). The old master drops the room's SSUBSCRIBE; each node re-reads the slot map,
subscribes on the new owner and backfills the room from history. The bystanders' pub/sub
connection is never given up.

Failover: the master owning the room's slot is killed (SIGKILL); its replica is promoted
(cluster-node-timeout 2 s). Sends are refused as `unavailable` meanwhile and retried; each
node moves every room of the dead master to the promoted replica and backfills.
"""

from __future__ import annotations

import asyncio
import signal
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from redis.crc import key_slot

from tests.e2e.multinode import Reader, facilitator, start_nodes
from tests.support.client import Client
from tests.support.redis import RedisCluster, RedisServer
from tests.support.servers import HearthServer

pytestmark = pytest.mark.redis

BEFORE = 100  # messages acknowledged before the slot changes master
AFTER_MOVED = 60  # messages sent after both nodes moved their subscription (live delivery)
AT_LEAST = 300
BYSTANDER_MESSAGES = 20  # per bystander room: half before, half after
FOLLOW_WITHIN = 3.0  # seconds from the new owner to both nodes subscribed there (the periodic check: 5 s)
DEADLINE = 45.0  # the whole exchange, well under the 60 s budget


class RetryingSender:
    """Sends `tag-i` messages one at a time; on `unavailable` retries the same cid."""

    def __init__(self, client: Client, room: str, tag: str, deadline: float) -> None:
        self.client = client
        self.room = room
        self.tag = tag
        self.deadline = deadline
        self.acks: dict[str, list[int]] = {}  # cid -> seqs of every ack received for it
        self.unavailable = 0
        self.sent = 0

    async def send(self) -> None:
        cid = f"{self.tag}-{self.sent}"
        while True:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{cid} was never acknowledged ({self.unavailable} unavailable)")
            reply = await self.client.request(
                {"type": "send", "room": self.room, "text": cid, "cid": cid}, timeout=min(left, 10))
            if reply["type"] == "ack":
                assert reply["status"] == "delivered", reply
                self.acks.setdefault(cid, []).append(int(reply["seq"]))
                self.sent += 1
                return
            assert reply["type"] == "error" and reply["code"] == "unavailable", reply
            self.unavailable += 1
            await asyncio.sleep(min(int(reply.get("retry_after", 100)), 100) / 1000)

    async def until(self, done: Callable[[], bool], interval: float = 0.005) -> None:
        while not done():
            await self.send()
            await asyncio.sleep(interval)


def moved_logged(node: HearthServer) -> bool:
    return "room channel moved" in node.logs()


async def exchange(cluster: RedisCluster, make_server: type[HearthServer], tmp_path: Path,
                   change: Callable[[int, RedisServer], Awaitable[str]]) -> dict[str, Any]:
    """Run the room, call `change(slot, owner)` after BEFORE acks, keep sending; check that
    every reader got every seq once and in order, and every cid was acknowledged once."""
    deadline = time.monotonic() + DEADLINE
    nodes = start_nodes(make_server, tmp_path, 2, {"HEARTH_REDIS_CLUSTER": cluster.spec, "HEARTH_LOG_LEVEL": "info"})
    room = nodes[0].create_room(title="Moving", retain_messages=2000)
    slot = cluster.keyslot("{room:" + room + "}")
    owner = cluster.owner_of(slot)
    bystanders: list[str] = []  # rooms of other slots on the same master
    while len(bystanders) < 2:
        rid = f"stay-{uuid.uuid4().hex[:8]}"
        other = key_slot(("{room:" + rid + "}").encode())
        if other != slot and cluster.owner_of(other) is owner:
            bystanders.append(nodes[1].create_room(id=rid, title="Bystander"))

    readers = [Reader(nodes[i % 2:] + nodes[:i % 2], room, f"r{i}-{room}") for i in range(4)]
    b_readers = [Reader(nodes[i:] + nodes[:i], b, f"b{i}-{b}") for b in bystanders for i in range(2)]
    for r in (*readers, *b_readers):  # r0, r2 on node 0; r1, r3 on node 1; one per node per bystander
        await r.connect()
    final: list[int] = []  # the main room's last seq, once the sender is done
    following = [asyncio.create_task(r.follow(lambda: final[0] if final else None, deadline)) for r in readers]
    following += [asyncio.create_task(r.follow(lambda: BYSTANDER_MESSAGES, deadline)) for r in b_readers]
    client = await Client.connect(nodes[0].ws_url, facilitator(room))
    await client.join(room)
    sender = RetryingSender(client, room, "m", deadline)
    b_senders = []
    for b in bystanders:
        c = await Client.connect(nodes[1].ws_url, facilitator(b))
        await c.join(b)
        b_senders.append(RetryingSender(c, b, "b", deadline))

    await sender.until(lambda: sender.sent >= BEFORE)
    for bs in b_senders:
        await bs.until(lambda bs=bs: bs.sent >= BYSTANDER_MESSAGES // 2)  # type: ignore[misc]
    stop = asyncio.Event()  # not cancel(): a cancel racing a reply can be swallowed by wait_for
    sending = asyncio.create_task(sender.until(stop.is_set))
    try:
        what = await change(slot, owner)
        at_change, changed = sender.sent, time.monotonic()
        # Both nodes move the room's subscription to the new owner ...
        while not all(moved_logged(n) for n in nodes):
            assert time.monotonic() < deadline, "a node never moved the room's subscription"
            assert not sending.done(), sending
            await asyncio.sleep(0.05)
        # ... and live delivery through it carries on.
        after_moved, followed_in = sender.sent, time.monotonic() - changed
        while sender.sent < max(AT_LEAST, after_moved + AFTER_MOVED):
            assert not sending.done(), sending
            assert time.monotonic() < deadline, f"sending stalled at {sender.sent}"
            await asyncio.sleep(0.02)
    finally:
        stop.set()
        await asyncio.wait_for(sending, max(1.0, deadline - time.monotonic()))
    total = sender.sent
    for bs in b_senders:
        await bs.until(lambda bs=bs: bs.sent >= BYSTANDER_MESSAGES)  # type: ignore[misc]

    # Every cid acknowledged exactly once, seqs 1..total with no hole and no repeat.
    assert len(sender.acks) == total
    assert all(len(seqs) == 1 for seqs in sender.acks.values())
    assert sorted(s[0] for s in sender.acks.values()) == list(range(1, total + 1))
    expected = {seqs[0]: cid for cid, seqs in sender.acks.items()}
    final.append(total)
    await asyncio.wait_for(asyncio.gather(*following), max(1.0, deadline - time.monotonic()) + 1)
    for r in readers:
        got = r.seqs
        assert got == list(range(1, total + 1)), f"missing {sorted(set(range(1, total + 1)) - set(got))}"
        assert not r.duplicates, r.duplicates
        assert r.texts == expected  # history holds each cid once, under the seq its ack named
        assert all(j["complete"] for j in r.resumes)
    for bs, pair in zip(b_senders, (b_readers[:2], b_readers[2:]), strict=True):
        assert sorted(s[0] for s in bs.acks.values()) == list(range(1, BYSTANDER_MESSAGES + 1))
        for r in pair:
            got = r.seqs
            assert got == list(range(1, BYSTANDER_MESSAGES + 1))
            assert not r.duplicates and all(j["complete"] for j in r.resumes)
    everyone = (*readers, *b_readers)
    resumes = sum(len(r.resumes) for r in everyone)
    for r in everyone:
        assert r.client is not None and not [f for f in r.client.frames if f.get("type") == "error"]
        await r.close()
    for c in (client, *(bs.client for bs in b_senders)):
        assert not [f for f in c.frames if f.get("type") == "error" and f.get("code") != "unavailable"]
        await c.close()
    filled = sum(int(line.split("gap of ")[1].split()[0]) for n in nodes for line in n.logs().splitlines()
                 if "filled a gap of" in line)
    bounced = sum(n.logs().count("pub/sub connection") for n in nodes)
    print(f"\n{what} after {at_change} acks; both nodes followed within {followed_in:.2f} s; "
          f"{sender.unavailable} sends refused as unavailable and retried; "
          f"{total} messages, {filled} delivered from history across both nodes; {resumes} reader resumptions; "
          f"{len(bystanders)} bystander rooms on the same master kept flowing")
    return {"resumes": resumes, "bounced": bounced, "unavailable": sender.unavailable, "followed_in": followed_in}


async def test_room_slot_moves_to_another_master_while_messages_flow(
    fresh_cluster: RedisCluster, make_server: type[HearthServer], tmp_path: Path
) -> None:
    moved: dict[str, Any] = {}

    async def reshard(slot: int, source: RedisServer) -> str:
        target = next(n for n in fresh_cluster.nodes if n is not source)
        started = time.monotonic()
        # Ten keys a batch, 0.1 s apart: the room is half-moved for about a second, longer
        # than redis-py keeps retrying TRYAGAIN, so some sends are refused and retried.
        moved["keys"] = await asyncio.to_thread(fresh_cluster.move_slot, slot, target, 10, 0.1)
        took = time.monotonic() - started
        await asyncio.to_thread(fresh_cluster.agree_on_owner, slot, target)
        moved["slot"], moved["target"] = slot, target
        return f"slot {slot} ({moved['keys']} keys) migrated {source.port} -> {target.port} in {took * 1000:.0f} ms"

    seen = await exchange(fresh_cluster, make_server, tmp_path, reshard)
    assert moved["keys"] > 0
    assert seen["unavailable"] > 0, "no send met the half-moved room: the retry path was not exercised"
    assert fresh_cluster.owner_of(moved["slot"]) is moved["target"]
    assert seen["resumes"] == 0, "a reader was disconnected"
    assert seen["bounced"] == 0, "a pub/sub connection was dropped: the bystander rooms were disturbed"
    assert seen["followed_in"] < FOLLOW_WITHIN, "the dropped subscription did not move the room at once"


async def test_room_master_killed_its_replica_takes_over_while_messages_flow(
    fresh_cluster_with_replicas: RedisCluster, make_server: type[HearthServer], tmp_path: Path
) -> None:
    cluster = fresh_cluster_with_replicas

    async def kill_master(slot: int, owner: RedisServer) -> str:
        started = time.monotonic()
        owner.stop(signal.SIGKILL)
        promoted = await asyncio.to_thread(cluster.wait_failover, slot, owner)
        took = time.monotonic() - started
        return f"master {owner.port} of slot {slot} killed; replica {promoted.port} promoted in {took:.1f} s"

    seen = await exchange(cluster, make_server, tmp_path, kill_master)
    assert seen["resumes"] == 0, "a reader was disconnected"
    assert seen["followed_in"] < FOLLOW_WITHIN, "the lost connection did not make the nodes re-read the slot map"
