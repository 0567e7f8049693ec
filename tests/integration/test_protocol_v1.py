"""Protocol v1 against a real server process and real WebSocket clients (PROTOCOL.md)."""

from __future__ import annotations

import asyncio
import time
import urllib.request
import uuid
from typing import Any

import jwt
import pytest
import websockets

from server import auth
from tests.support.client import Client
from tests.support.raw import RawClient
from tests.support.servers import TEST_SECRET, HearthServer, mint


def received(client: Client, kind: str, **fields: Any) -> list[dict[str, Any]]:
    """Every frame of `kind` the client has received so far, consumed by wait() or not."""
    out = []
    for f in client.frames:
        f = f.get("was", f) if f.get("type") == "_consumed" else f
        if f.get("type") == kind and all(f.get(k) == v for k, v in fields.items()):
            out.append(f)
    return out


async def barrier(sender: Client, room: str, *others: Client) -> int:
    """A message everyone must see: after it, anything sent earlier has arrived too."""
    marker = f"barrier-{uuid.uuid4().hex[:8]}"
    ack = await sender.request({"type": "send", "room": room, "text": marker})
    assert ack["type"] == "ack", ack
    for c in (sender, *others):
        await c.expect("msg", seq=ack["seq"], text=marker)
    return int(ack["seq"])


# -- chat, presence, leave ----------------------------------------------------------------------
async def test_json_and_msgpack_members_chat_both_ways(hearth: HearthServer) -> None:
    room = hearth.create_room(title="Mixed")
    a = await Client.connect(hearth.ws_url, hearth.token(), "json")
    b = await Client.connect(hearth.ws_url, hearth.token(), "msgpack")
    assert a.ws.subprotocol == "hearth.v1.json" and b.ws.subprotocol == "hearth.v1.msgpack"
    assert a.welcome["protocol"] == 1 and a.welcome["session"] != b.welcome["session"]
    ja = await a.join(room)
    jb = await b.join(room)
    assert jb["seq"] == 0 and jb["complete"] is True and jb["history"] == []
    assert {m["id"] for m in jb["members"]} == {ja["me"]["id"], jb["me"]["id"]}

    before = time.time() * 1000
    ack = await a.request({"type": "send", "room": room, "text": "from json"})
    assert ack["status"] == "delivered" and ack["seq"] == 1 and ack["text"] == "from json"
    msg = await b.expect("msg", seq=1)
    assert msg["room"] == room and msg["text"] == "from json"
    assert msg["from"] == ja["me"]
    assert before - 5_000 <= msg["ts"] <= time.time() * 1000 + 5_000  # ms since the epoch
    assert isinstance(msg["ts"], int)
    own = await a.expect("msg", seq=1)  # the sender sees its message in the room stream too
    assert own["text"] == "from json"

    ack = await b.request({"type": "send", "room": room, "text": "from msgpack ✓"})
    assert ack["seq"] == 2
    msg = await a.expect("msg", seq=2)
    assert msg["text"] == "from msgpack ✓" and msg["from"] == jb["me"]
    assert jb["me"]["role"] == "member" and jb["me"]["id"].startswith("m_")
    await a.close()
    await b.close()


async def test_presence_on_join_leave_and_disconnect(hearth: HearthServer) -> None:
    room = hearth.create_room()
    a = await Client.connect(hearth.ws_url, hearth.token())
    b = await Client.connect(hearth.ws_url, hearth.token(), "msgpack")
    c = await Client.connect(hearth.ws_url, hearth.token())
    await a.join(room)
    jb = await b.join(room)
    p = await a.expect("presence", joined=[jb["me"]])
    assert p == {"type": "presence", "room": room, "joined": [jb["me"]], "left": []}
    jc = await c.join(room)
    await a.expect("presence", joined=[jc["me"]], left=[])
    await b.expect("presence", joined=[jc["me"]], left=[])

    reply = await b.request({"type": "leave", "room": room, "ref": "ignored"})
    assert reply["type"] == "ok"
    p = await a.expect("presence", left=[jb["me"]["id"]])
    assert p["joined"] == []
    await c.expect("presence", left=[jb["me"]["id"]])

    await c.close()  # a disconnect is a leave
    p = await a.expect("presence", left=[jc["me"]["id"]])
    assert p["joined"] == []
    # nobody is told about their own arrival
    assert not any(m["id"] == jc["me"]["id"] for f in received(c, "presence") for m in f["joined"])
    await a.close()
    await b.close()


async def test_ok_reply_to_leave_echoes_ref(hearth: HearthServer) -> None:
    room = hearth.create_room()
    a = await Client.connect(hearth.ws_url, hearth.token())
    await a.join(room)
    for ref in ("leave-1", 99):
        await a.send({"type": "leave", "room": room, "ref": ref})
        assert await a.expect("ok", ref=ref) == {"type": "ok", "ref": ref}
        if ref == "leave-1":
            await a.join(room)
    # after leaving, the room's frames are refused
    reply = await a.request({"type": "send", "room": room, "text": "hello?"})
    assert reply["type"] == "error" and reply["code"] == "not_joined"
    await a.close()


# -- resume -----------------------------------------------------------------------------------------
async def test_resume_replays_exactly_what_was_missed(hearth: HearthServer) -> None:
    room = hearth.create_room()
    token_a = hearth.token()
    a = await Client.connect(hearth.ws_url, token_a)
    # B is a facilitator: exempt from the per-member posting rate, so 7 quick messages are fine
    b = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"), "msgpack")
    await b.join(room)
    await b.request({"type": "send", "room": room, "text": "before a came"})
    ja = await a.join(room)
    seen_seq = await barrier(b, room, a)
    epoch = ja["epoch"]
    assert ja["seq"] == 1 and seen_seq == 2 and isinstance(epoch, str) and epoch
    await a.close()
    await b.expect("presence", left=[ja["me"]["id"]])

    texts = [f"missed {i}" for i in range(5)]
    for t in texts:
        ack = await b.request({"type": "send", "room": room, "text": t})
        assert ack["type"] == "ack", ack

    a2 = await Client.connect(hearth.ws_url, token_a, "msgpack")
    j = await a2.join(room, since=seen_seq, epoch=epoch)
    assert j["me"]["id"] == ja["me"]["id"]  # same account, same room: same member
    assert [m["text"] for m in j["history"]] == texts
    assert [m["seq"] for m in j["history"]] == [3, 4, 5, 6, 7]
    assert j["complete"] is True and j["seq"] == 7 and j["epoch"] == epoch
    assert all(m["type"] == "msg" and m["room"] == room for m in j["history"])
    await a2.close()

    a3 = await Client.connect(hearth.ws_url, token_a)
    j = await a3.join(room, since=seen_seq, epoch="not-the-epoch")
    assert j["complete"] is False
    assert j["epoch"] == epoch
    await a3.close()
    await b.close()


async def test_resume_with_nothing_missed_is_complete_and_empty(hearth: HearthServer) -> None:
    room = hearth.create_room()
    token = hearth.token()
    a = await Client.connect(hearth.ws_url, token)
    j = await a.join(room)
    await a.request({"type": "send", "room": room, "text": "one"})
    await a.close()
    a = await Client.connect(hearth.ws_url, token)
    j2 = await a.join(room, since=1, epoch=j["epoch"])
    assert j2["history"] == [] and j2["complete"] is True and j2["seq"] == 1
    await a.close()


# -- history visibility -----------------------------------------------------------------------------
@pytest.mark.parametrize(("history", "sees_earlier"), [("joined", False), ("all", True)])
async def test_history_visibility(hearth: HearthServer, history: str, sees_earlier: bool) -> None:
    room = hearth.create_room(history=history) if history == "all" else hearth.create_room()
    a = await Client.connect(hearth.ws_url, hearth.token())
    ja = await a.join(room)
    assert ja["state"]["history"] == history
    for i in range(3):
        await a.request({"type": "send", "room": room, "text": f"early {i}"})
    late = await Client.connect(hearth.ws_url, hearth.token(), "msgpack")
    j = await late.join(room)
    assert j["seq"] == 3
    expected = [f"early {i}" for i in range(3)] if sees_earlier else []
    assert [m["text"] for m in j["history"]] == expected
    # what is said after joining is seen either way
    await a.request({"type": "send", "room": room, "text": "later"})
    assert (await late.expect("msg", seq=4))["text"] == "later"
    await a.close()
    await late.close()


# -- cid ---------------------------------------------------------------------------------------------
async def test_repeated_cid_is_acked_twice_but_delivered_once(hearth: HearthServer) -> None:
    room = hearth.create_room()
    a = await Client.connect(hearth.ws_url, hearth.token())
    b = await Client.connect(hearth.ws_url, hearth.token(), "msgpack")
    await a.join(room)
    await b.join(room)
    first = await a.request({"type": "send", "room": room, "text": "only once", "cid": "c-42"})
    second = await a.request({"type": "send", "room": room, "text": "only once", "cid": "c-42"})
    assert first["type"] == second["type"] == "ack"
    assert first["seq"] == second["seq"] == 1
    assert first["status"] == second["status"] == "delivered"
    last = await barrier(a, room, b)
    assert last == 2  # the repeat took no seq
    assert len(received(b, "msg", text="only once")) == 1
    assert len(received(a, "msg", text="only once")) == 1
    # another member's identical cid is a different message
    other = await b.request({"type": "send", "room": room, "text": "mine", "cid": "c-42"})
    assert other["seq"] == 3
    await a.close()
    await b.close()


# -- invites ------------------------------------------------------------------------------------------
async def test_invite_gives_a_personal_token_that_keeps_the_member(hearth: HearthServer) -> None:
    room = hearth.create_room()
    invite = auth.invite_token(TEST_SECRET, room, "member", 3600)
    p1 = await Client.connect(hearth.ws_url, invite)
    p2 = await Client.connect(hearth.ws_url, invite, "msgpack")
    personal = p1.welcome["token"]
    assert isinstance(personal, str) and personal != invite
    assert p2.welcome["token"] != personal
    claims = jwt.decode(personal, TEST_SECRET, algorithms=["HS256"])
    assert claims["rooms"] == [room] and claims["role"] == "member" and not claims.get("inv")
    j1 = await p1.join(room)
    j2 = await p2.join(room)
    assert j1["me"]["id"] != j2["me"]["id"]  # two people, one link: two members
    await p1.close()
    await p2.close()

    again = await Client.connect(hearth.ws_url, personal)
    assert "token" not in again.welcome  # a personal token is not an invite
    j = await again.join(room)
    assert j["me"]["id"] == j1["me"]["id"] and j["me"]["name"] == j1["me"]["name"]
    # the invite's scope holds: another room is forbidden
    other = hearth.create_room()
    reply = await again.request({"type": "join", "room": other})
    assert reply["type"] == "error" and reply["code"] == "forbidden"
    await again.close()


# -- confidentiality ----------------------------------------------------------------------------------
async def test_token_and_text_never_reach_the_log(hearth: HearthServer) -> None:
    room = hearth.create_room()
    token = hearth.token()
    secret_text = f"very private words {uuid.uuid4().hex}"
    a = await Client.connect(hearth.ws_url, token)
    await a.join(room)
    await a.request({"type": "send", "room": room, "text": secret_text})
    # a refused token is not logged either
    bad = await Client.connect(hearth.ws_url, hello=False)
    bad_token = mint("x", secret="wrong-secret-of-sufficient-length-000")
    await bad.send({"type": "hello", "token": bad_token})
    assert await bad.closed_with() == 4501
    await a.close()
    logs = hearth.logs()
    for needle in (token, token.split(".")[1], secret_text, bad_token.split(".")[2]):
        assert needle not in logs


async def test_debug_logging_keeps_tokens_and_text_out(make_server: type[HearthServer], tmp_path: Any) -> None:
    server = make_server(tmp_path, env={"HEARTH_LOG_LEVEL": "debug"}).start()
    room = server.create_room()
    token = server.token()
    text = f"psst {uuid.uuid4().hex[:6]}"
    a = await Client.connect(server.ws_url, token)
    await a.join(room)
    await a.request({"type": "send", "room": room, "text": text})
    await a.close()
    logs = server.logs()
    assert "'log_level': 'debug'" in logs  # the server ran at debug level, so the check below means something
    # Frame logs elide the middle of long frames: look for the token's signature tail and short text.
    leaked = [needle for needle in (token[-16:], text) if needle in logs]
    assert not leaked, f"found in the debug log: {leaked}"


# -- Origin -------------------------------------------------------------------------------------------
async def test_foreign_origin_is_refused_with_403(hearth: HearthServer) -> None:
    with pytest.raises(websockets.InvalidStatus) as info:
        await websockets.connect(hearth.ws_url, origin="http://evil.example")  # type: ignore[arg-type]
    assert info.value.response.status_code == 403


async def test_same_origin_is_accepted(hearth: HearthServer) -> None:
    c = await Client.connect(hearth.ws_url, hearth.token(), origin=f"http://127.0.0.1:{hearth.port}")
    assert c.welcome["type"] == "welcome"
    await c.close()


async def test_allowed_origin_is_accepted(make_server: type[HearthServer], tmp_path: Any) -> None:
    server = make_server(tmp_path, env={"HEARTH_ALLOWED_ORIGINS": "https://app.example,https://b.example"}).start()
    c = await Client.connect(server.ws_url, server.token(), origin="https://app.example")
    assert c.welcome["type"] == "welcome"
    await c.close()
    with pytest.raises(websockets.InvalidStatus) as info:
        await websockets.connect(server.ws_url, origin="https://evil.example")  # type: ignore[arg-type]
    assert info.value.response.status_code == 403


# -- slow client --------------------------------------------------------------------------------------
async def test_slow_client_is_closed_with_4008_and_others_get_everything(
    make_server: type[HearthServer], tmp_path: Any
) -> None:
    server = make_server(
        tmp_path,
        env={"HEARTH_SEND_QUEUE": "64", "HEARTH_FRAMES_PER_SECOND": "100000", "HEARTH_FRAME_BURST": "100000"},
    ).start()
    room = server.create_room(capacity=10)
    # The sender is a facilitator (no per-member posting rate); the reader is an ordinary member.
    sender = await Client.connect(server.ws_url, server.token(role="facilitator"))
    reader = await Client.connect(server.ws_url, server.token(), "msgpack")
    await sender.join(room)
    await reader.join(room)

    slow = await asyncio.to_thread(RawClient, server.ws_url)
    slow.send({"type": "hello", "token": server.token()}, {"type": "join", "room": room})
    await reader.expect("presence")  # the slow member is in
    await sender.expect("presence")

    n, body, window = 3000, "x" * 1000, 16
    deadline = time.monotonic() + 40

    def left() -> float:
        return max(0.1, deadline - time.monotonic())

    async def read_all(client: Client) -> list[int]:
        seqs: list[int] = []
        while len(seqs) < n:
            frame = await client.expect("msg", left())
            seqs.append(frame["seq"])
        return seqs

    reading = asyncio.create_task(read_all(reader))
    sender_seqs: list[int] = []
    for start in range(0, n, window):
        stop = min(n, start + window)
        for i in range(start, stop):
            await sender.send({"type": "send", "room": room, "text": f"m{i} {body}", "ref": f"s{i}"})
        for i in range(start, stop):
            ack = await sender.wait(lambda f, r=f"s{i}": f.get("ref") == r, left(), f"ack s{i}")
            assert ack["type"] == "ack", ack
            sender_seqs.append((await sender.expect("msg", left()))["seq"])
    assert sender_seqs == list(range(1, n + 1))
    assert await reading == list(range(1, n + 1))  # every message, in order
    code, _ = await asyncio.to_thread(slow.read, time.monotonic() + 20)
    slow.close()
    assert code == 4008
    await sender.close()
    await reader.close()


# -- HTTP ----------------------------------------------------------------------------------------------
def test_health_and_readiness(hearth: HearthServer) -> None:
    with urllib.request.urlopen(hearth.url + "/healthz", timeout=5) as r:
        assert r.status == 200
    status, body = hearth.http("GET", "/readyz")
    assert status == 200 and body["ready"] is True


def test_rooms_api_auth_and_validation(hearth: HearthServer) -> None:
    rid = f"api-{uuid.uuid4().hex[:8]}"
    good = {"id": rid, "title": "API room", "capacity": 5}
    status, body = hearth.http("POST", "/api/rooms", good)
    assert status == 401 and body["error"] == "unauthorized"
    status, _ = hearth.http("POST", "/api/rooms", good, token="not-a-jwt")
    assert status == 401
    status, body = hearth.http("POST", "/api/rooms", good, token=hearth.token())
    assert status == 403
    operator = mint("ops", "operator")
    for bad in ({"id": "has space"}, {"id": rid, "capacity": 0}, {"id": rid, "history": "some"}, {"title": "no id"},
                {"id": rid, "color": "red"}, ["not", "an", "object"]):
        status, body = hearth.http("POST", "/api/rooms", bad, token=operator)
        assert status == 400, (bad, status, body)
    status, body = hearth.http("POST", "/api/rooms", good, token=operator)
    assert status == 201 and body["id"] == rid and body["capacity"] == 5
    status, body = hearth.http("POST", "/api/rooms", {**good, "capacity": 7}, token=operator)
    assert status == 200 and body["capacity"] == 7
    status, body = hearth.http("GET", "/api/rooms", token=operator)
    assert status == 200
    listed = {r["id"]: r for r in body["rooms"]}
    assert listed[rid]["capacity"] == 7
    status, _ = hearth.http("GET", "/api/rooms", token=hearth.token())
    assert status == 403


def test_room_card(hearth: HearthServer) -> None:
    room = hearth.create_room(title="Card room", topic="Tea", agreement="Be kind.")
    status, card = hearth.http("GET", f"/api/rooms/{room}/card", token=hearth.token())
    assert status == 200
    assert card["title"] == "Card room" and card["agreement"] == "Be kind."
    first, second = card["suggested_name"].split(" ")
    assert first and second
    status, _ = hearth.http("GET", f"/api/rooms/{room}/card")
    assert status == 401
    status, _ = hearth.http("GET", "/api/rooms/no-such-room-here/card", token=hearth.token())
    assert status == 404
    status, _ = hearth.http("GET", f"/api/rooms/{room}/card", token=hearth.token(rooms=["elsewhere"]))
    assert status == 403


def test_room_page_has_csp(hearth: HearthServer) -> None:
    with urllib.request.urlopen(hearth.url + "/r/x", timeout=5) as r:
        assert r.status == 200
        csp = r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp
