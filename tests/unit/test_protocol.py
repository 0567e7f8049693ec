"""server/protocol.py without sockets: decode/encode, validation codes, batching."""

from __future__ import annotations

from typing import Any

import msgpack
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server import protocol
from server.protocol import FrameError, WireFormat


def as_json(obj: Any) -> str:
    return orjson.dumps(obj).decode()


def as_msgpack(obj: Any) -> bytes:
    return msgpack.packb(obj, use_bin_type=True)


ENCODERS = [pytest.param(as_json, id="json"), pytest.param(as_msgpack, id="msgpack")]

# One valid example of every client frame type, with the decoded frame it must give.
VALID: list[tuple[dict[str, Any], protocol.Frame]] = [
    ({"type": "hello", "token": "abc.def.ghi", "ref": 1}, protocol.Hello("hello", 1, token="abc.def.ghi")),
    (
        {"type": "join", "room": "r1", "name": "Quiet Heron", "since": 7, "epoch": "e1", "agree": True, "ref": "j"},
        protocol.Join("join", "j", room="r1", name="Quiet Heron", since=7, epoch="e1", agree=True),
    ),
    ({"type": "join", "room": "r1"}, protocol.Join("join", None, room="r1")),
    ({"type": "leave", "room": "r-2.x_y", "ref": 3}, protocol.Leave("leave", 3, room="r-2.x_y")),
    (
        {"type": "send", "room": "r1", "text": "hi there", "cid": "c-1", "ref": 4},
        protocol.Send("send", 4, room="r1", text="hi there", cid="c-1"),
    ),
    (
        {"type": "send", "room": "r1", "text": "x", "cid": 12},
        protocol.Send("send", None, room="r1", text="x", cid="12"),
    ),
    (
        {"type": "react", "room": "r1", "seq": 5, "emoji": "hug", "ref": 5},
        protocol.React("react", 5, room="r1", seq=5, emoji="hug"),
    ),
    ({"type": "typing", "room": "r1"}, protocol.Typing("typing", None, room="r1")),
    (
        {"type": "hand", "room": "r1", "up": True, "pass": True, "ref": 6},
        protocol.Hand("hand", 6, room="r1", up=True, pass_=True),
    ),
    (
        {"type": "report", "room": "r1", "seq": 9, "reason": "spam", "ref": 7},
        protocol.Report("report", 7, room="r1", seq=9, reason="spam"),
    ),
    (
        {"type": "mod", "room": "r1", "action": "mute", "member": "m_abc", "seconds": 60, "ref": 8},
        protocol.Mod("mod", 8, room="r1", action="mute", args={"member": "m_abc", "seconds": 60}),
    ),
    ({"type": "mod", "room": "r1", "action": "pause"}, protocol.Mod("mod", None, room="r1", action="pause")),
    ({"type": "ping", "ref": 9}, protocol.Ping("ping", 9)),
]


@pytest.mark.parametrize("encode", ENCODERS)
@pytest.mark.parametrize(("obj", "expected"), VALID, ids=[f"{o['type']}-{i}" for i, (o, _) in enumerate(VALID)])
def test_decode_every_client_frame(encode: Any, obj: dict[str, Any], expected: protocol.Frame) -> None:
    assert protocol.decode(encode(obj)) == expected


def test_all_client_frame_types_are_covered() -> None:
    covered = {obj["type"] for obj, _ in VALID}
    assert covered == {"hello", "ping"} | protocol._ROOM_FRAMES


@pytest.mark.parametrize("fmt", list(WireFormat))
def test_encode_round_trips(fmt: WireFormat) -> None:
    frame = {"type": "msg", "room": "r1", "seq": 3, "from": {"id": "m_x", "name": "Kind Owl", "role": "member"},
             "text": "héllo ✓", "ts": 1_700_000_000_000}
    data = protocol.encode(frame, fmt)
    if fmt is WireFormat.JSON:
        assert isinstance(data, str)
        assert orjson.loads(data) == frame
    else:
        assert isinstance(data, bytes)
        assert msgpack.unpackb(data, raw=False) == frame


def test_error_and_reply_helpers() -> None:
    assert protocol.error("rate_limited", "slow", ref=3, room="r", retry_after=50) == {
        "type": "error", "code": "rate_limited", "message": "slow", "ref": 3, "room": "r", "retry_after": 50,
    }
    assert protocol.error("bad_frame", "x") == {"type": "error", "code": "bad_frame", "message": "x"}
    assert protocol.reply("ok", "r1") == {"type": "ok", "ref": "r1"}
    assert protocol.reply("pong", None) == {"type": "pong"}


# -- validation errors ---------------------------------------------------------------------------
BAD: list[tuple[Any, str]] = [
    ([{"type": "ping"}], "bad_frame"),  # an array: clients send single objects
    ("just a string", "bad_frame"),
    (42, "bad_frame"),
    (None, "bad_frame"),
    ({}, "bad_frame"),  # missing type
    ({"type": 5}, "bad_frame"),
    ({"type": None, "room": "r"}, "bad_frame"),
    ({"type": "shout", "room": "r"}, "unknown_type"),
    ({"type": "Join", "room": "r"}, "unknown_type"),
    ({"type": "hello"}, "bad_frame"),  # missing token
    ({"type": "hello", "token": 5}, "bad_frame"),
    ({"type": "join"}, "bad_frame"),  # missing room
    ({"type": "join", "room": 5}, "bad_frame"),
    ({"type": "join", "room": ["r"]}, "bad_frame"),
    ({"type": "join", "room": "r", "since": "x"}, "bad_frame"),
    ({"type": "join", "room": "r", "since": True}, "bad_frame"),
    ({"type": "join", "room": "r", "since": 1.5}, "bad_frame"),
    ({"type": "join", "room": "r", "since": -1}, "invalid"),
    ({"type": "join", "room": "r", "agree": 1}, "bad_frame"),
    ({"type": "join", "room": "r", "agree": "yes"}, "bad_frame"),
    ({"type": "join", "room": "r", "name": 7}, "bad_frame"),
    ({"type": "join", "room": "r", "epoch": 7}, "bad_frame"),
    ({"type": "join", "room": ""}, "invalid"),
    ({"type": "join", "room": "-r"}, "invalid"),
    ({"type": "join", "room": "a b"}, "invalid"),
    ({"type": "join", "room": "r" * 65}, "invalid"),
    ({"type": "join", "room": "r/../x"}, "invalid"),
    ({"type": "send", "room": "r"}, "bad_frame"),  # missing text
    ({"type": "send", "room": "r", "text": 5}, "bad_frame"),
    ({"type": "send", "room": "r", "text": "x", "cid": 1.5}, "bad_frame"),
    ({"type": "send", "room": "r", "text": "x", "cid": "c" * 65}, "bad_frame"),
    ({"type": "send", "room": "r", "text": "x", "cid": True}, "bad_frame"),
    ({"type": "react", "room": "r", "emoji": "hug"}, "bad_frame"),  # missing seq
    ({"type": "react", "room": "r", "seq": "1", "emoji": "hug"}, "bad_frame"),
    ({"type": "react", "room": "r", "seq": 0, "emoji": "hug"}, "invalid"),
    ({"type": "react", "room": "r", "seq": 2**60, "emoji": "hug"}, "invalid"),
    ({"type": "react", "room": "r", "seq": 1}, "bad_frame"),  # missing emoji
    ({"type": "hand", "room": "r", "up": "yes"}, "bad_frame"),
    ({"type": "hand", "room": "r", "up": True, "pass": 0}, "bad_frame"),
    ({"type": "report", "room": "r"}, "bad_frame"),
    ({"type": "report", "room": "r", "seq": 1, "reason": 3}, "bad_frame"),
    ({"type": "mod", "room": "r"}, "bad_frame"),  # missing action
    ({"type": "mod", "room": "r", "action": "explode"}, "invalid"),
    ({"type": "mod", "room": "r", "action": 3}, "bad_frame"),
]


@pytest.mark.parametrize("encode", ENCODERS)
@pytest.mark.parametrize(("obj", "code"), BAD, ids=[f"{i}-{c}" for i, (_, c) in enumerate(BAD)])
def test_bad_frames_give_the_right_code(encode: Any, obj: Any, code: str) -> None:
    with pytest.raises(FrameError) as info:
        protocol.decode(encode(obj))
    assert info.value.code == code, info.value.message
    assert info.value.message  # always something to show


@pytest.mark.parametrize(
    "data",
    [
        "", "{", "{'type': 'ping'}", "nul", "[1,", '{"type":"ping"} x', "\x00",
        b"", b"\xc1", b"\x81", b"\x82\xa4type\xa4ping", b"\x81\xa4type\xa4ping\x00",  # extra data
        b"\xc7\x00",
    ],
)
def test_unparseable_is_bad_frame(data: str | bytes) -> None:
    with pytest.raises(FrameError) as info:
        protocol.decode(data)
    assert info.value.code == "bad_frame"


def test_msgpack_invalid_utf8_string_is_bad_frame() -> None:
    # fixmap(1) { fixstr "type": fixstr(2) with invalid UTF-8 }
    data = b"\x81\xa4type\xa2\xff\xfe"
    with pytest.raises(FrameError) as info:
        protocol.decode(data)
    assert info.value.code == "bad_frame"


def test_msgpack_non_string_map_keys_are_bad_frame() -> None:
    with pytest.raises(FrameError) as info:
        protocol.decode(msgpack.packb({1: "ping"}))
    assert info.value.code == "bad_frame"


@pytest.mark.parametrize(
    "ref",
    ["r" * 65, 1.5, True, [1], {"a": 1}],
)
def test_bad_ref_is_bad_frame(ref: Any) -> None:
    with pytest.raises(FrameError) as info:
        protocol.decode(as_json({"type": "ping", "ref": ref}))
    assert info.value.code == "bad_frame"


@pytest.mark.parametrize("ref", [0, -3, 2**53, "", "r" * 64, "ünïcode"])
def test_good_refs_are_kept(ref: Any) -> None:
    assert protocol.decode(as_json({"type": "ping", "ref": ref})).ref == ref


@pytest.mark.parametrize(
    ("obj", "code"),
    [
        ({"type": "shout", "ref": "q1"}, "unknown_type"),
        ({"type": "join", "room": 5, "ref": "q1"}, "bad_frame"),
        ({"type": "join", "room": "r", "since": "x", "ref": "q1"}, "bad_frame"),
        ({"type": "join", "room": "no spaces", "ref": "q1"}, "invalid"),
        ({"type": "send", "room": "r", "ref": "q1"}, "bad_frame"),
        ({"type": "mod", "room": "r", "action": "explode", "ref": "q1"}, "invalid"),
    ],
)
def test_frame_error_echoes_ref(obj: dict[str, Any], code: str) -> None:
    with pytest.raises(FrameError) as info:
        protocol.decode(as_json(obj))
    assert (info.value.code, info.value.ref) == (code, "q1")


def test_frame_error_names_the_room_when_it_can() -> None:
    with pytest.raises(FrameError) as info:
        protocol.decode(as_json({"type": "send", "room": "r1", "ref": 2}))
    assert info.value.room == "r1"


# -- batching --------------------------------------------------------------------------------------
def _frames(n: int) -> list[dict[str, Any]]:
    return [{"type": "msg", "room": "r", "seq": i, "text": f"t{i}"} for i in range(1, n + 1)]


def _unbatch(data: Any, fmt: WireFormat) -> list[Any]:
    decoded = orjson.loads(data) if fmt is WireFormat.JSON else msgpack.unpackb(data, raw=False)
    return decoded if isinstance(decoded, list) else [decoded]


@pytest.mark.parametrize("fmt", list(WireFormat))
@pytest.mark.parametrize("n", [1, 2, 15, 16, 17, 65535, 65536, 70000])
def test_batch_decodes_to_the_same_frames(fmt: WireFormat, n: int) -> None:
    frames = _frames(n)
    items = [protocol.encode(f, fmt) for f in frames]
    data = protocol.batch(items, fmt)
    if fmt is WireFormat.MSGPACK:
        assert isinstance(data, bytes)
        # exactly one array object, no trailing data (unpackb raises ExtraData otherwise)
        decoded = msgpack.unpackb(data, raw=False)
    else:
        assert isinstance(data, str)
        decoded = orjson.loads(data)
    if n == 1:
        assert decoded in (frames[0], [frames[0]])  # a lone frame may go out unwrapped
    else:
        assert isinstance(decoded, list)
    assert _unbatch(data, fmt) == frames


@pytest.mark.parametrize(
    ("n", "header"),
    [(2, b"\x92"), (15, b"\x9f"), (16, b"\xdc\x00\x10"), (17, b"\xdc\x00\x11"), (65535, b"\xdc\xff\xff"),
     (65536, b"\xdd\x00\x01\x00\x00"), (70000, b"\xdd" + (70000).to_bytes(4, "big"))],
)
def test_msgpack_batch_header_sizes(n: int, header: bytes) -> None:
    items = [protocol.encode({"type": "pong"}, WireFormat.MSGPACK)] * n
    data = protocol.batch(items, WireFormat.MSGPACK)
    assert isinstance(data, bytes)
    assert data.startswith(header)
    assert len(data) == len(header) + sum(len(i) for i in items)


# -- subprotocols ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("offered", "fmt", "chosen"),
    [
        ([], WireFormat.JSON, None),
        (["chat", "v2"], WireFormat.JSON, None),
        (["hearth.v1.msgpack"], WireFormat.MSGPACK, "hearth.v1.msgpack"),
        (["hearth.v1.json", "hearth.v1.msgpack"], WireFormat.JSON, "hearth.v1.json"),
        (["hearth.v1.msgpack", "hearth.v1.json"], WireFormat.MSGPACK, "hearth.v1.msgpack"),
        (["hearth.v2.json", "hearth.v1.msgpack", "hearth.v1.json"], WireFormat.MSGPACK, "hearth.v1.msgpack"),
        (["HEARTH.V1.JSON"], WireFormat.JSON, None),
    ],
)
def test_choose_subprotocol_picks_first_known(offered: list[str], fmt: WireFormat, chosen: str | None) -> None:
    assert protocol.choose_subprotocol(offered) == (fmt, chosen)


# -- property: decode raises FrameError and nothing else -------------------------------------------
def _decode_or_frame_error(data: str | bytes) -> None:
    try:
        frame = protocol.decode(data)
    except FrameError as exc:
        assert exc.code in {"bad_frame", "unknown_type", "invalid"}
        return
    assert isinstance(frame, protocol.Frame)


json_scalars = st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1) | st.floats(allow_nan=False) | st.text()
json_like = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
FIELD_NAMES = ["type", "ref", "room", "token", "name", "since", "epoch", "agree", "text", "cid", "seq", "emoji",
               "up", "pass", "reason", "action", "member"]
TYPES = ["hello", "join", "leave", "send", "react", "typing", "hand", "report", "mod", "ping", "nope"]
frame_like = st.fixed_dictionaries(
    {"type": st.sampled_from(TYPES) | json_scalars},
    optional={name: json_like | st.sampled_from(["r1", "mute", "hug", "x" * 70]) for name in FIELD_NAMES[1:]},
)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=200))
def test_decode_arbitrary_bytes(data: bytes) -> None:
    _decode_or_frame_error(data)


@FUZZ
@given(st.text(max_size=200))
def test_decode_arbitrary_text(data: str) -> None:
    _decode_or_frame_error(data)


@FUZZ
@given(json_like | frame_like)
def test_decode_arbitrary_json_like_objects(obj: Any) -> None:
    try:
        text = as_json(obj)
    except TypeError:  # orjson refuses ints beyond 64 bits: not a frame anyone can send as JSON
        text = None
    if text is not None:
        _decode_or_frame_error(text)
    _decode_or_frame_error(as_msgpack(obj))
