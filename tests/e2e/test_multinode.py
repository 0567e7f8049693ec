"""Many nodes, one room: real `hearth serve` processes sharing a real redis-server."""

from __future__ import annotations

import asyncio
import signal
import time
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.multinode import Reader, facilitator, member, send_steadily, start_nodes
from tests.support.client import Client
from tests.support.redis import RedisServer
from tests.support.servers import HearthServer, wait_until

pytestmark = pytest.mark.redis


def ready(node: HearthServer) -> int:
    try:
        with urllib.request.urlopen(node.url + "/readyz", timeout=3) as r:
            return int(r.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


async def test_three_nodes_one_order_and_one_presence(
    redis_server: RedisServer, make_server: type[HearthServer], tmp_path: Path
) -> None:
    nodes = start_nodes(make_server, tmp_path, 3, {"HEARTH_REDIS_URL": redis_server.url})
    room = nodes[0].create_room(title="Across nodes")
    clients = [await Client.connect(n.ws_url, member(f"p{i}-{room}")) for i, n in enumerate(nodes)]
    joined = [await c.join(room) for c in clients]
    ids = [j["me"]["id"] for j in joined]
    assert {m["id"] for m in joined[2]["members"]} == set(ids)  # node 2 sees members of nodes 0 and 1
    for c, j in zip(clients[:2], joined[:2], strict=True):
        later = [i for i in ids if i != j["me"]["id"] and i not in {m["id"] for m in j["members"]}]
        for other in later:
            await c.wait(lambda f, o=other: f.get("type") == "presence" and f["joined"]  # type: ignore[misc]
                         and f["joined"][0]["id"] == o, 10, "presence across nodes")
    per_sender = 40
    senders = [await Client.connect(n.ws_url, facilitator(room)) for n in nodes]
    for s in senders:
        await s.join(room)
    started = time.monotonic()
    await asyncio.gather(*(send_steadily(s, room, per_sender, 0, f"n{i}") for i, s in enumerate(senders)))
    total = per_sender * len(senders)
    seen = [[(f["seq"], f["text"]) for f in await c.collect("msg", total, timeout=30)] for c in clients]
    elapsed = time.monotonic() - started
    assert [s for s, _ in seen[0]] == list(range(1, total + 1))
    assert seen[0] == seen[1] == seen[2]
    print(f"\n3 nodes: {total} messages to 3 readers on 3 nodes in {elapsed:.2f}s")
    # Presence agrees everywhere: a late joiner on each node sees the same members.
    await clients[1].close()
    for c in clients[::2]:
        await c.wait(lambda f: f.get("type") == "presence" and f["left"] == [ids[1]], 10, "left across nodes")
    views = []
    for n in nodes:
        probe = await Client.connect(n.ws_url, member(f"probe-{n.port}"))
        pj = await probe.join(room)
        views.append({m["id"] for m in pj["members"]} - {pj["me"]["id"]})
        await probe.close()
    assert views[0] == views[1] == views[2] and {ids[0], ids[2]} <= views[0] and ids[1] not in views[0]
    for c in (*clients, *senders):
        await c.close()


async def test_no_message_lost_while_pubsub_connections_are_killed(
    redis_server: RedisServer, make_server: type[HearthServer], tmp_path: Path
) -> None:
    nodes = start_nodes(make_server, tmp_path, 2, {"HEARTH_REDIS_URL": redis_server.url, "HEARTH_LOG_LEVEL": "info"})
    room = nodes[0].create_room(title="Killed subscriptions")
    readers = [Reader(nodes[i:] + nodes[:i], room, f"r{i}-{room}") for i in range(2)]
    for r in readers:
        await r.connect()
    sender = await Client.connect(nodes[0].ws_url, facilitator(room))
    await sender.join(room)
    total = 400
    kills = 0
    stop = asyncio.Event()

    async def killer() -> None:
        nonlocal kills
        while not stop.is_set():
            await asyncio.sleep(0.15)
            out = await asyncio.to_thread(redis_server.cli, "CLIENT", "KILL", "TYPE", "pubsub")
            kills += int(out or 0)

    killing = asyncio.create_task(killer())
    try:
        acked = await send_steadily(sender, room, total, 0.004, "k")
    finally:
        stop.set()
        await killing
    assert acked == list(range(1, total + 1))
    for r in readers:
        assert await r.read_until(total, 30) == list(range(1, total + 1))
        assert not r.resumes and not r.duplicates  # nobody reconnected: the nodes repaired the stream
    assert kills >= 4, kills
    filled = [int(line.split("gap of ")[1].split()[0]) for n in nodes for line in n.logs().splitlines()
              if "filled a gap of" in line]
    assert filled, "no gap was filled: the test did not exercise the backfill"
    print(f"\npub/sub killed {kills} times over {total} messages: {len(filled)} gaps "
          f"({sum(filled)} messages) filled from history, nothing missing")
    await sender.close()
    for r in readers:
        await r.close()


async def test_kill_9_a_node_readers_resume_elsewhere(
    redis_server: RedisServer, make_server: type[HearthServer], tmp_path: Path
) -> None:
    nodes = start_nodes(make_server, tmp_path, 3, {"HEARTH_REDIS_URL": redis_server.url})
    room = nodes[0].create_room(title="Kill nine", retain_messages=2000)
    victim = nodes[1]
    readers = [Reader([victim, nodes[2], nodes[0]], room, f"v{i}-{room}") for i in range(3)]
    readers.append(Reader([nodes[2], nodes[0]], room, f"s-{room}"))
    for r in readers:
        await r.connect()
    sender = await Client.connect(nodes[0].ws_url, facilitator(room))
    await sender.join(room)
    total = 600

    async def kill_midway() -> float:
        await asyncio.to_thread(wait_until, lambda: readers[0].seqs and readers[0].seqs[-1] >= 150, 30, "150 msgs")
        victim.stop(signal.SIGKILL)
        return time.monotonic()

    reading = [asyncio.create_task(r.read_until(total, 60)) for r in readers]
    killed_at, acked = await asyncio.gather(kill_midway(), send_steadily(sender, room, total, 0.003, "s"))
    assert acked == list(range(1, total + 1))
    results = await asyncio.gather(*reading)
    for r, seqs in zip(readers, results, strict=True):
        assert seqs == list(range(1, total + 1))  # nothing missing, in order
        assert r.duplicates == []  # nothing delivered twice, not even around the resume
        assert all(r.texts[i] == f"s {i - 1}" for i in range(1, total + 1))
    for r in readers[:3]:
        assert len(r.resumes) == 1 and r.resumes[0]["complete"] is True
    assert not readers[3].resumes
    print(f"\nkill -9 at seq ~{readers[0].resumes[0]['seq']}: 3 readers resumed on other nodes, "
          f"{total} messages, none missing, none repeated")
    _ = killed_at
    await sender.close()
    for r in readers:
        await r.close()


async def test_redis_restarted_empty_means_a_new_epoch(
    fresh_redis: RedisServer, make_server: type[HearthServer], tmp_path: Path
) -> None:
    nodes = start_nodes(make_server, tmp_path, 2, {"HEARTH_REDIS_URL": fresh_redis.url})
    room = nodes[0].create_room(title="Amnesia")
    a = await Client.connect(nodes[0].ws_url, member(f"a-{room}"))
    b = await Client.connect(nodes[1].ws_url, member(f"b-{room}"))
    await a.join(room)
    before = await b.join(room)
    ack = await a.request({"type": "send", "room": room, "text": "before the restart"})
    assert ack["seq"] == 1
    await b.expect("msg", 10, seq=1)
    fresh_redis.restart()  # no persistence: every key is gone
    wait_until(lambda: ready(nodes[0]) == 200 and ready(nodes[1]) == 200, 20, "nodes ready again")
    again = await Client.connect(nodes[1].ws_url, member(f"b-{room}"))
    rejoined = await again.join(room, since=1, epoch=before["epoch"])
    assert rejoined["complete"] is False and rejoined["epoch"] != before["epoch"]
    # The connected member carries on in the new epoch: a new message reaches both nodes.
    ack = await a.request({"type": "send", "room": room, "text": "after the restart"}, timeout=10)
    assert ack["type"] == "ack", ack
    got = await again.expect("msg", 10, text="after the restart")
    assert got["seq"] == ack["seq"]
    for c in (a, b, again):
        await c.close()


async def test_redis_down_for_a_few_seconds(make_server: type[HearthServer], tmp_path: Path) -> None:
    redis = RedisServer(tmp_path / "aof", extra=["--appendonly", "yes", "--appendfsync", "always"]).start()
    try:
        nodes = start_nodes(make_server, tmp_path, 2, {"HEARTH_REDIS_URL": redis.url})
        room = nodes[0].create_room(title="Outage", history="all")
        a = await Client.connect(nodes[0].ws_url, facilitator(room))
        b = await Client.connect(nodes[1].ws_url, member(f"b-{room}"))
        await a.join(room)
        await b.join(room)
        acked = await send_steadily(a, room, 5, 0, "before")
        redis.stop()
        t0 = time.monotonic()
        wait_until(lambda: ready(nodes[0]) == 503 and ready(nodes[1]) == 503, 10, "readyz to turn red")
        red_after = time.monotonic() - t0
        refusals = 0
        while time.monotonic() - t0 < 2.0 or not refusals:  # a couple of seconds of outage
            refused = await a.request({"type": "send", "room": room, "text": f"during {refusals}"}, timeout=10)
            assert refused["type"] == "error" and refused["code"] == "unavailable" and refused["retry_after"] > 0
            refusals += 1
            await asyncio.sleep(0.2)
        assert ready(nodes[1]) == 503
        redis.start()  # same port, same AOF: what was acknowledged is still there
        wait_until(lambda: ready(nodes[0]) == 200 and ready(nodes[1]) == 200, 20, "readyz to turn green")
        back_after = time.monotonic() - t0
        acked += await send_steadily(a, room, 5, 0, "after")  # same connections: nobody was dropped
        assert acked == list(range(1, 11))
        seqs = [f["seq"] for f in await b.collect("msg", 10, timeout=15)]
        assert seqs == acked
        probe = await Client.connect(nodes[1].ws_url, member(f"p-{room}"))
        history = (await probe.join(room))["history"]
        assert [m["seq"] for m in history] == acked
        print(f"\nredis down: readyz red {red_after:.1f}s after the stop, {refusals} sends refused, "
              f"green {back_after:.1f}s after the stop")
        for c in (a, b, probe):
            await c.close()
    finally:
        redis.stop()


async def test_sigterm_closes_with_1012_and_clears_the_nodes_presence(
    redis_server: RedisServer, make_server: type[HearthServer], tmp_path: Path
) -> None:
    nodes = start_nodes(make_server, tmp_path, 2, {"HEARTH_REDIS_URL": redis_server.url})
    room = nodes[0].create_room(title="Rolling restart")
    stay = await Client.connect(nodes[0].ws_url, member(f"stay-{room}"))
    goes = await Client.connect(nodes[1].ws_url, member(f"goes-{room}"))
    await stay.join(room)
    gone_id = (await goes.join(room))["me"]["id"]
    await stay.expect("presence", 10)
    stopping = asyncio.create_task(asyncio.to_thread(nodes[1].stop))
    assert await goes.closed_with(15) == 1012
    await stay.wait(lambda f: f.get("type") == "presence" and f["left"] == [gone_id], 10, "left on shutdown")
    assert await stopping in (0, -signal.SIGTERM)  # uvicorn re-raises the signal after a clean shutdown
    assert redis_server.cli("zcard", "{room:" + room + "}:pres") == "1"  # only `stay` is left
    await stay.close()
