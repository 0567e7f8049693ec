from __future__ import annotations

from tests.support.client import Client
from tests.support.servers import HearthServer


async def test_two_members_chat_json_and_msgpack(hearth: HearthServer) -> None:
    room = hearth.create_room(title="Smoke")
    a = await Client.connect(hearth.ws_url, hearth.token(), "json")
    b = await Client.connect(hearth.ws_url, hearth.token(), "msgpack")
    ja = await a.join(room)
    jb = await b.join(room)
    assert ja["me"]["id"] != jb["me"]["id"]
    presence = await a.expect("presence")
    assert presence["joined"][0]["id"] == jb["me"]["id"]
    ack = await a.request({"type": "send", "room": room, "text": "hello there", "cid": "c1"})
    assert ack["type"] == "ack" and ack["status"] == "delivered" and ack["seq"] == 1
    msg = await b.expect("msg")
    assert msg["text"] == "hello there" and msg["seq"] == 1 and msg["from"]["id"] == ja["me"]["id"]
    await a.close()
    await b.close()


async def test_history_carries_reaction_counts(hearth: HearthServer) -> None:
    room = hearth.create_room(history="all")
    a = await Client.connect(hearth.ws_url, hearth.token())
    await a.join(room)
    seq = (await a.request({"type": "send", "room": room, "text": "a share worth a hug"}))["seq"]
    for emoji in ("hug", "hug", "heart"):
        assert (await a.request({"type": "react", "room": room, "seq": seq, "emoji": emoji}))["type"] == "ok"
    b = await Client.connect(hearth.ws_url, hearth.token())
    late = await b.join(room)
    assert late["history"][0]["reactions"] == {"hug": 1, "heart": 1}
