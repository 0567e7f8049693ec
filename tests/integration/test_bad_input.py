"""Every error code and close code the server produces for bad input, against a real server."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import jwt
import pytest

from tests.support.client import Client
from tests.support.raw import RawClient
from tests.support.servers import TEST_SECRET, HearthServer, mint


async def error_for(client: Client, frame: dict[str, Any]) -> dict[str, Any]:
    reply = await client.request(frame)
    assert reply["type"] == "error", reply
    assert isinstance(reply["message"], str) and reply["message"]
    return reply


async def still_open(client: Client) -> None:
    assert (await client.request({"type": "ping"}))["type"] == "pong"


# -- error frames (the connection stays open) ----------------------------------------------------
async def test_unparseable_frame_is_bad_frame(hearth: HearthServer) -> None:
    c = await Client.connect(hearth.ws_url, hearth.token())
    await c.ws.send("this is not json")
    err = await c.expect("error")
    assert err["code"] == "bad_frame"
    await c.ws.send(b"\xc1")  # never valid MessagePack
    assert (await c.expect("error"))["code"] == "bad_frame"
    await c.ws.send('[{"type":"ping"}]')  # clients send single objects
    assert (await c.expect("error"))["code"] == "bad_frame"
    await still_open(c)
    await c.close()


async def test_mistyped_fields_are_bad_frame_and_echo_ref(hearth: HearthServer) -> None:
    room = hearth.create_room()
    c = await Client.connect(hearth.ws_url, hearth.token(), "msgpack")
    for frame in (
        {"type": "join", "room": room, "since": "x"},
        {"type": "join", "room": room, "since": True},
        {"type": "join", "room": room, "agree": 1},
        {"type": "join", "room": 5},
        {"type": "send", "room": room},
    ):
        err = await error_for(c, frame)  # request() matches the echoed ref
        assert err["code"] == "bad_frame", (frame, err)
    err = await error_for(c, {"type": "join", "room": "not a room id"})
    assert err["code"] == "invalid"
    await still_open(c)
    await c.close()


async def test_unknown_type(hearth: HearthServer) -> None:
    c = await Client.connect(hearth.ws_url, hearth.token())
    err = await error_for(c, {"type": "teleport", "room": "x"})
    assert err["code"] == "unknown_type"
    await still_open(c)
    await c.close()


async def test_not_joined(hearth: HearthServer) -> None:
    room = hearth.create_room()
    c = await Client.connect(hearth.ws_url, hearth.token())
    for frame in (
        {"type": "send", "room": room, "text": "hello"},
        {"type": "react", "room": room, "seq": 1, "emoji": "hug"},
        {"type": "leave", "room": room},
    ):
        err = await error_for(c, frame)
        assert err["code"] == "not_joined", (frame, err)
        assert err["room"] == room
    await c.close()


async def test_not_found(hearth: HearthServer) -> None:
    room = hearth.create_room()
    c = await Client.connect(hearth.ws_url, hearth.token())
    err = await error_for(c, {"type": "join", "room": "no-such-room-anywhere"})
    assert err["code"] == "not_found"
    await c.join(room)
    err = await error_for(c, {"type": "react", "room": room, "seq": 99, "emoji": "hug"})
    assert err["code"] == "not_found"
    await c.close()


async def test_forbidden(hearth: HearthServer) -> None:
    room = hearth.create_room()
    operator = await Client.connect(hearth.ws_url, mint("ops-1", "operator"))
    assert operator.welcome["role"] == "operator"
    assert (await error_for(operator, {"type": "join", "room": room}))["code"] == "forbidden"
    scoped = await Client.connect(hearth.ws_url, hearth.token(rooms=["somewhere-else"]))
    assert (await error_for(scoped, {"type": "join", "room": room}))["code"] == "forbidden"
    ok = await Client.connect(hearth.ws_url, hearth.token(rooms=[room]))
    await ok.join(room)
    await operator.close()
    await scoped.close()
    await ok.close()


async def test_invalid_values(hearth: HearthServer) -> None:
    room = hearth.create_room()
    a = await Client.connect(hearth.ws_url, hearth.token())
    b = await Client.connect(hearth.ws_url, hearth.token())
    ja = await a.join(room, name="Tall Pine")
    assert ja["me"]["name"] == "Tall Pine"
    ack = await a.request({"type": "send", "room": room, "text": "something"})
    bad_emoji = {"type": "react", "room": room, "seq": ack["seq"], "emoji": "poop"}
    assert (await error_for(a, bad_emoji))["code"] == "invalid"
    assert (await error_for(a, {"type": "send", "room": room, "text": ""}))["code"] == "invalid"
    assert (await error_for(a, {"type": "send", "room": room, "text": "  \n\t "}))["code"] == "invalid"
    assert (await error_for(b, {"type": "join", "room": room, "name": "tall pine"}))["code"] == "invalid"  # taken
    assert (await error_for(b, {"type": "join", "room": room, "name": "<script>"}))["code"] == "invalid"
    assert (await error_for(b, {"type": "join", "room": room, "name": "x"}))["code"] == "invalid"
    jb = await b.join(room, name="Other Pine")
    assert jb["me"]["name"] == "Other Pine"
    ok = await a.request({"type": "react", "room": room, "seq": ack["seq"], "emoji": "hug"})
    assert ok["type"] == "ok"
    await a.close()
    await b.close()


async def test_too_long_keeps_the_connection_open(hearth: HearthServer) -> None:
    room = hearth.create_room()
    c = await Client.connect(hearth.ws_url, hearth.token())
    await c.join(room)
    err = await error_for(c, {"type": "send", "room": room, "text": "y" * 4001})
    assert err["code"] == "too_long"
    await still_open(c)
    ack = await c.request({"type": "send", "room": room, "text": "y" * 4000})
    assert ack["type"] == "ack" and ack["status"] == "delivered"
    await c.close()


async def test_room_full_but_facilitators_still_enter(hearth: HearthServer) -> None:
    room = hearth.create_room(capacity=1)
    token_a = hearth.token()
    a = await Client.connect(hearth.ws_url, token_a)
    b = await Client.connect(hearth.ws_url, hearth.token())
    f = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"))
    await a.join(room)
    assert (await error_for(b, {"type": "join", "room": room}))["code"] == "room_full"
    jf = await f.join(room)
    assert jf["me"]["role"] == "facilitator"
    # a second connection of the member already inside is not a new seat
    a2 = await Client.connect(hearth.ws_url, token_a)
    await a2.join(room)
    await a.close()
    await a2.close()
    await f.close()
    await b.close()


async def test_agreement_required_then_agree_then_remembered(hearth: HearthServer) -> None:
    agreement = "What is said here stays here."
    room = hearth.create_room(agreement=agreement)
    token = hearth.token()
    c = await Client.connect(hearth.ws_url, token)
    err = await error_for(c, {"type": "join", "room": room})
    assert err["code"] == "agreement_required" and err["message"] == agreement
    j = await c.join(room, agree=True)
    assert j["state"]["agreement"] == agreement
    assert (await c.request({"type": "leave", "room": room}))["type"] == "ok"
    await c.join(room)  # already agreed: no need to agree again
    await c.close()
    again = await Client.connect(hearth.ws_url, token)
    await again.join(room)  # nor after reconnecting
    await again.close()
    # facilitators are not asked
    f = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"))
    await f.join(room)
    await f.close()


async def test_flooding_frames_is_rate_limited(hearth: HearthServer) -> None:
    c = await Client.connect(hearth.ws_url, hearth.token())
    for i in range(55):  # burst is 40 at 20/s: some of these are refused, fewer than 20 (violations)
        await c.send({"type": "ping", "ref": i})
    err = await c.expect("error", code="rate_limited")
    assert isinstance(err["retry_after"], int) and 0 < err["retry_after"] <= 1000
    pongs = [await c.expect("pong") for _ in range(40)]
    assert len(pongs) == 40
    await c.close()


async def test_posting_too_fast_is_rate_limited(hearth: HearthServer) -> None:
    room = hearth.create_room()
    c = await Client.connect(hearth.ws_url, hearth.token())
    await c.join(room)
    codes = []
    for i in range(8):
        reply = await c.request({"type": "send", "room": room, "text": f"quick {i}"})
        codes.append(reply.get("code", reply["type"]))
        if reply["type"] == "error":
            assert isinstance(reply.get("retry_after"), int) and reply["retry_after"] > 0
    assert codes[0] == "ack" and "rate_limited" in codes, codes
    await c.close()


async def test_a_burst_within_the_limits_does_not_disconnect(hearth: HearthServer) -> None:
    """37 sends (under the frame burst of 40) by a facilitator (no posting rate) in one TCP
    write, on the fixture's send queue of 64: each gets an ack and a msg, and the client reads
    promptly, so it is not too slow."""
    room = hearth.create_room()
    raw = await asyncio.to_thread(RawClient, hearth.ws_url, None)
    raw.send({"type": "hello", "token": hearth.token(role="facilitator")}, {"type": "join", "room": room, "ref": 0})
    _, frames = await asyncio.to_thread(raw.read, time.monotonic() + 5, lambda got: any(f.get("ref") == 0 for f in got))
    assert any(f["type"] == "joined" for f in frames), frames
    # one message first, so the room is in its steady state (subscribed, stream position known)
    raw.send({"type": "send", "room": room, "text": "warm up", "ref": "w"})
    _, frames = await asyncio.to_thread(raw.read, time.monotonic() + 5,
                                        lambda got: any(f["type"] == "msg" for f in got))
    assert [f["seq"] for f in frames if f["type"] == "msg"] == [1], frames
    n = 37  # hello is free; join + warm-up + 37 = 39 frames, under the burst of 40
    raw.send(*({"type": "send", "room": room, "text": f"burst {i}", "ref": i + 1} for i in range(n)))

    def done(got: list[Any]) -> bool:
        return sum(f["type"] == "msg" for f in got) >= n and sum(f["type"] == "ack" for f in got) >= n

    code, frames = await asyncio.to_thread(raw.read, time.monotonic() + 10, done)
    raw.close()
    assert code is None, f"closed with {code}"
    assert [f["seq"] for f in frames if f["type"] == "msg"] == list(range(2, n + 2))
    assert sorted(f["ref"] for f in frames if f["type"] == "ack") == list(range(1, n + 1))


# -- close codes ------------------------------------------------------------------------------------
async def test_frame_over_64k_closes_with_1009(hearth: HearthServer) -> None:
    c = await Client.connect(hearth.ws_url, hearth.token())
    await c.ws.send('{"type":"ping","pad":"' + "z" * (64 * 1024) + '"}')
    assert await c.closed_with() == 1009


async def test_frame_just_under_64k_is_fine(hearth: HearthServer) -> None:
    c = await Client.connect(hearth.ws_url, hearth.token())
    pad = "z" * (64 * 1024 - 100)
    await c.ws.send('{"type":"ping","ref":1,"pad":"' + pad + '"}')
    assert (await c.expect("pong", ref=1))["type"] == "pong"
    await c.close()


@pytest.mark.parametrize(
    "first",
    [
        pytest.param("garbage", id="garbage-text"),
        pytest.param(b"\x00\x01\x02", id="garbage-binary"),
        pytest.param('{"type":"ping"}', id="ping-first"),
        pytest.param('{"type":"join","room":"r"}', id="join-first"),
        pytest.param('{"type":"hello"}', id="hello-without-token"),
    ],
)
async def test_anything_but_hello_first_closes_with_4501(hearth: HearthServer, first: str | bytes) -> None:
    c = await Client.connect(hearth.ws_url, hello=False)
    await c.ws.send(first)
    assert await c.closed_with() == 4501


def _alg_none_token() -> str:
    return jwt.encode({"sub": "mallory", "role": "facilitator", "exp": int(time.time()) + 3600}, None,
                      algorithm="none")


def _hs512_token() -> str:
    return jwt.encode({"sub": "mallory", "exp": int(time.time()) + 3600}, TEST_SECRET, algorithm="HS512")


@pytest.mark.parametrize(
    "token",
    [
        pytest.param(lambda: "not-a-token", id="garbage"),
        pytest.param(lambda: mint("bob", ttl=-30), id="expired"),
        pytest.param(_alg_none_token, id="alg-none"),
        pytest.param(_hs512_token, id="hs512", marks=pytest.mark.filterwarnings("ignore:The HMAC key")),
        pytest.param(lambda: mint("bob", secret="another-secret-of-sufficient-length"), id="wrong-secret"),
        pytest.param(lambda: jwt.encode({"sub": "bob"}, TEST_SECRET, algorithm="HS256"), id="no-exp"),
        pytest.param(lambda: jwt.encode({"exp": int(time.time()) + 60}, TEST_SECRET, algorithm="HS256"), id="no-sub"),
        pytest.param(lambda: mint("bob", role="king"), id="unknown-role"),
        pytest.param(lambda: "", id="empty"),
    ],
)
async def test_bad_tokens_close_with_4501(hearth: HearthServer, token: Any) -> None:
    c = await Client.connect(hearth.ws_url, hello=False)
    await c.send({"type": "hello", "token": token()})
    assert await c.closed_with() == 4501


async def test_second_hello_is_an_error_not_a_close(hearth: HearthServer) -> None:
    c = await Client.connect(hearth.ws_url, hearth.token())
    err = await error_for(c, {"type": "hello", "token": hearth.token()})
    assert err["code"] == "invalid"
    await still_open(c)
    await c.close()


async def test_no_hello_within_the_timeout_closes_with_4501(
    make_server: type[HearthServer], tmp_path: Path
) -> None:
    server = make_server(tmp_path, env={"HEARTH_HELLO_TIMEOUT": "1"}).start()
    c = await Client.connect(server.ws_url, hello=False)
    started = time.monotonic()
    assert await c.closed_with(timeout=5) == 4501
    assert 0.8 <= time.monotonic() - started < 4


@pytest.mark.parametrize(
    "abuse",
    [
        pytest.param(lambda i: "{broken", id="bad-frames"),
        pytest.param(lambda i: '{"type":"ping"}', id="ping-flood"),
    ],
)
async def test_too_many_violations_closes_with_4529(hearth: HearthServer, abuse: Any) -> None:
    c = await Client.connect(hearth.ws_url, hearth.token())
    for i in range(80):
        await c.ws.send(abuse(i))
    assert await c.closed_with() == 4529
