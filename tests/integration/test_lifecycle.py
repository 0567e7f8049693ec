"""Process lifecycle and operator views through a real server."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

from tests.support.client import Client
from tests.support.servers import HearthServer, mint


async def test_sigterm_closes_clients_with_1012_and_exits_cleanly(make_server: type[HearthServer],
                                                                    tmp_path: Path) -> None:
    server = make_server(tmp_path).start()
    room = server.create_room()
    client = await Client.connect(server.ws_url, server.token())
    await client.join(room)
    assert server.proc is not None
    server.proc.send_signal(signal.SIGTERM)
    assert await client.closed_with(timeout=10) == 1012
    code = await asyncio.to_thread(server.proc.wait, 15)
    # uvicorn re-raises the captured SIGTERM after its graceful shutdown.
    assert code in (0, -signal.SIGTERM), server.logs()
    assert "Traceback" not in server.logs()


async def test_operator_health_is_aggregates_only(hearth: HearthServer) -> None:
    room = hearth.create_room(title="Health check", moderation={"crisis_hold_ideation": True})
    fac = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"))
    await fac.join(room)
    members = []
    for i in range(3):
        c = await Client.connect(hearth.ws_url, hearth.token())
        joined = await c.join(room, name=f"Member Number{i}")
        members.append((c, joined["me"]))
    texts = ["a unique sentence about my week", "another unique sentence", "third unique sentence"]
    for (c, _), text in zip(members, texts, strict=True):
        assert (await c.request({"type": "send", "room": room, "text": text}))["status"] == "delivered"
    await members[0][0].request({"type": "send", "room": room, "text": "one more from the first member"})
    status, body = hearth.http("GET", "/api/rooms", token=mint("ops", "operator"))
    assert status == 200
    health = next(r for r in body["rooms"] if r["id"] == room)
    assert health["online"] == 3 and health["facilitators"] == 1 and health["facilitator_present"] is True
    assert health["messages"] == 4 and health["messages_per_minute"] == 4
    assert health["speakers"] == 3 and health["top_share"] == 0.5
    assert 0 <= health["delivery_ms_p50"] <= health["delivery_ms_p99"] < 5000
    flat = str(body)
    for text in texts:
        assert text not in flat
    for _, me in members:
        assert me["id"] not in flat and me["name"] not in flat
    status, _ = hearth.http("GET", "/api/rooms", token=hearth.token())
    assert status == 403
