"""Facilitation across two nodes sharing a real Redis: sanctions, phases and rounds are
decided in the store, so they hold whichever node a person is connected to."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.multinode import start_nodes
from tests.support.client import Client
from tests.support.redis import RedisServer
from tests.support.servers import HearthServer, mint

pytestmark = pytest.mark.redis


async def test_sanctions_and_phases_hold_across_nodes(
    make_server: type[HearthServer], tmp_path: Path, redis_server: RedisServer
) -> None:
    a, b = start_nodes(make_server, tmp_path, 2, {"HEARTH_REDIS_URL": redis_server.url})
    room = a.create_room(history="all")
    fac = await Client.connect(a.ws_url, mint("fac-" + room, "facilitator"))
    await fac.join(room)
    account = mint("acct-x-" + room)
    mem = await Client.connect(b.ws_url, account)
    mid = (await mem.join(room, name="Calm Otter"))["me"]["id"]

    # A mute set through node A is enforced on node B.
    await fac.request({"type": "mod", "room": room, "action": "mute", "member": mid, "seconds": 120,
                       "reason": "a pause"})
    assert (await mem.expect("muted"))["reason"] == "a pause"
    assert (await mem.request({"type": "send", "room": room, "text": "hello"}))["code"] == "muted"
    await fac.request({"type": "mod", "room": room, "action": "unmute", "member": mid})
    await mem.expect("muted", until=None)
    ack = await mem.request({"type": "send", "room": room, "text": "thanks for having me"})
    assert ack["status"] == "delivered"
    assert (await fac.expect("msg", seq=ack["seq"]))["from"]["id"] == mid

    # Pause on A is seen and enforced on B; a round's floor too.
    await fac.request({"type": "mod", "room": room, "action": "pause"})
    await mem.expect("state", phase="paused")
    assert (await mem.request({"type": "send", "room": room, "text": "still here"}))["code"] == "paused"
    await fac.request({"type": "mod", "room": room, "action": "round", "on": True})
    await mem.expect("state", phase="round")
    assert (await mem.request({"type": "hand", "room": room, "up": True}))["type"] == "ok"
    await fac.expect("state", queue=[mid])
    await fac.request({"type": "mod", "room": room, "action": "floor", "member": mid})
    await mem.expect("state", floor=mid)
    assert (await mem.request({"type": "send", "room": room, "text": "my turn"}))["status"] == "delivered"
    await fac.request({"type": "mod", "room": room, "action": "round", "on": False})

    # Removal on A: gone for a late joiner on B.
    await fac.request({"type": "mod", "room": room, "action": "remove", "seq": ack["seq"]})
    await mem.expect("removed", seq=ack["seq"])

    # A ban through A survives reconnecting to the other node with a new pseudonym.
    await fac.request({"type": "mod", "room": room, "action": "ban", "member": mid})
    assert (await mem.expect("kicked"))["banned"] is True
    assert await mem.closed_with() == 4503
    for node in (a, b):
        again = await Client.connect(node.ws_url, account)
        refused = await again.request({"type": "join", "room": room, "name": "Different Name"})
        assert refused["code"] == "banned"
        await again.close()
    late = await Client.connect(b.ws_url, mint("acct-late-" + room))
    history = (await late.join(room))["history"]
    assert ack["seq"] not in [m["seq"] for m in history]
    await fac.close()
    await late.close()
