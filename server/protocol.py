"""Hearth wire protocol v1, Sans-I/O: bytes and strings in, validated frames out, and
encode-once helpers for the way back. No sockets here; see tests/unit/test_protocol.py.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from typing import Any

import msgpack
import orjson

PROTOCOL_VERSION = 1
REF_MAX = 64
ROOM_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
MOD_ACTIONS = frozenset(
    {
        "mute", "unmute", "kick", "ban", "unban", "pause", "resume", "slow", "remove",
        "approve", "reject", "pin", "unpin", "round", "floor", "end", "audit", "dismiss",
    }
)


class WireFormat(enum.Enum):
    JSON = "hearth.v1.json"
    MSGPACK = "hearth.v1.msgpack"


SUBPROTOCOLS = {fmt.value: fmt for fmt in WireFormat}


def choose_subprotocol(offered: list[str]) -> tuple[WireFormat, str | None]:
    """The first offered subprotocol we know; JSON (and no header) when none is known."""
    for name in offered:
        if name in SUBPROTOCOLS:
            return SUBPROTOCOLS[name], name
    return WireFormat.JSON, None


class FrameError(Exception):
    """A client frame we cannot act on. The connection stays open; the client gets an
    `error` frame with this code (`bad_frame`, `unknown_type`, `invalid`, `too_long`)."""

    def __init__(self, code: str, message: str, ref: int | str | None = None, room: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.ref = ref
        self.room = room


# -- client frames ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Frame:
    type: str
    ref: int | str | None = None


@dataclass(frozen=True, slots=True)
class Hello(Frame):
    token: str = ""


@dataclass(frozen=True, slots=True)
class Join(Frame):
    room: str = ""
    name: str | None = None
    since: int | None = None
    epoch: str | None = None
    agree: bool = False


@dataclass(frozen=True, slots=True)
class Leave(Frame):
    room: str = ""


@dataclass(frozen=True, slots=True)
class Send(Frame):
    room: str = ""
    text: str = ""
    cid: str | None = None


@dataclass(frozen=True, slots=True)
class React(Frame):
    room: str = ""
    seq: int = 0
    emoji: str = ""


@dataclass(frozen=True, slots=True)
class Typing(Frame):
    room: str = ""


@dataclass(frozen=True, slots=True)
class Hand(Frame):
    room: str = ""
    up: bool = False
    pass_: bool = False


@dataclass(frozen=True, slots=True)
class Report(Frame):
    room: str = ""
    seq: int = 0
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Mod(Frame):
    room: str = ""
    action: str = ""
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Ping(Frame):
    pass


ClientFrame = Hello | Join | Leave | Send | React | Typing | Hand | Report | Mod | Ping


# -- decoding ----------------------------------------------------------------------------
def parse(data: str | bytes) -> Any:
    """Text frames are JSON, binary frames are MessagePack, whatever was negotiated."""
    try:
        if isinstance(data, str):
            return orjson.loads(data)
        return msgpack.unpackb(data, raw=False, strict_map_key=True, use_list=True)
    except (ValueError, TypeError, msgpack.ExtraData, msgpack.FormatError, msgpack.StackError):
        raise FrameError("bad_frame", "the frame is not valid JSON or MessagePack") from None
    except Exception:  # msgpack raises a few others on hostile input
        raise FrameError("bad_frame", "the frame is not valid JSON or MessagePack") from None


def _ref(obj: dict[str, Any]) -> int | str | None:
    ref = obj.get("ref")
    if ref is None:
        return None
    if type(ref) is int or (isinstance(ref, str) and len(ref) <= REF_MAX):
        return ref
    raise FrameError("bad_frame", "ref must be an int or a string of at most 64 characters")


class _Fields:
    """Typed field access that turns every mistake into one clear `bad_frame`."""

    def __init__(self, obj: dict[str, Any], ref: int | str | None) -> None:
        self.obj = obj
        self.ref = ref
        self.room_name: str | None = None

    def fail(self, message: str, code: str = "bad_frame") -> FrameError:
        return FrameError(code, message, self.ref, self.room_name)

    def str_(self, name: str, *, required: bool = True, max_len: int = 256) -> str | None:
        value = self.obj.get(name)
        if value is None:
            if required:
                raise self.fail(f"'{name}' is required")
            return None
        if not isinstance(value, str):
            raise self.fail(f"'{name}' must be a string")
        if len(value) > max_len:
            raise self.fail(f"'{name}' is longer than {max_len} characters", "invalid")
        return value

    def int_(self, name: str, *, required: bool = True, minimum: int = 0) -> int | None:
        value = self.obj.get(name)
        if value is None:
            if required:
                raise self.fail(f"'{name}' is required")
            return None
        if type(value) is not int:
            raise self.fail(f"'{name}' must be an integer")
        if value < minimum or value > 2**53:
            raise self.fail(f"'{name}' is out of range", "invalid")
        return value

    def bool_(self, name: str, *, required: bool = False) -> bool:
        value = self.obj.get(name)
        if value is None:
            if required:
                raise self.fail(f"'{name}' is required")
            return False
        if not isinstance(value, bool):
            raise self.fail(f"'{name}' must be true or false")
        return value

    def room(self) -> str:
        value = self.obj.get("room")
        if isinstance(value, str):
            self.room_name = value[:64]
        room = self.str_("room")
        assert room is not None
        if not ROOM_RE.match(room):
            raise self.fail("'room' is not a valid room id", "invalid")
        return room


def decode(data: str | bytes) -> ClientFrame:
    """One client frame, validated. Raises FrameError with the code to send back."""
    obj = parse(data)
    if not isinstance(obj, dict):
        raise FrameError("bad_frame", "a frame must be an object with a string 'type'")
    ref = _ref(obj)
    kind = obj.get("type")
    if not isinstance(kind, str):
        raise FrameError("bad_frame", "a frame must have a string 'type'", ref)
    f = _Fields(obj, ref)
    if kind == "hello":
        return Hello(kind, ref, token=f.str_("token", max_len=4096) or "")
    if kind == "ping":
        return Ping(kind, ref)
    if kind not in _ROOM_FRAMES:
        raise FrameError("unknown_type", f"unknown frame type {kind[:32]!r}", ref)
    room = f.room()
    if kind == "join":
        return Join(
            kind, ref, room=room,
            name=f.str_("name", required=False, max_len=64),
            since=f.int_("since", required=False),
            epoch=f.str_("epoch", required=False, max_len=64),
            agree=f.bool_("agree"),
        )
    if kind == "leave":
        return Leave(kind, ref, room=room)
    if kind == "send":
        text = f.str_("text", max_len=1 << 20)
        cid = obj.get("cid")
        if cid is not None and not (
            (isinstance(cid, str) and len(cid) <= REF_MAX) or type(cid) is int
        ):
            raise f.fail("'cid' must be a string of at most 64 characters")
        return Send(kind, ref, room=room, text=text or "", cid=None if cid is None else str(cid))
    if kind == "react":
        seq = f.int_("seq", minimum=1) or 0
        return React(kind, ref, room=room, seq=seq, emoji=f.str_("emoji", max_len=32) or "")
    if kind == "typing":
        return Typing(kind, ref, room=room)
    if kind == "hand":
        return Hand(kind, ref, room=room, up=f.bool_("up"), pass_=f.bool_("pass"))
    if kind == "report":
        return Report(
            kind, ref, room=room, seq=f.int_("seq", minimum=1) or 0,
            reason=f.str_("reason", required=False, max_len=500) or "",
        )
    # mod
    action = f.str_("action", max_len=32) or ""
    if action not in MOD_ACTIONS:
        raise f.fail(f"unknown mod action {action!r}", "invalid")
    args = {k: v for k, v in obj.items() if k not in ("type", "ref", "room", "action")}
    return Mod(kind, ref, room=room, action=action, args=args)


_ROOM_FRAMES = frozenset({"join", "leave", "send", "react", "typing", "hand", "report", "mod"})


# -- encoding ----------------------------------------------------------------------------
Wire = str | bytes


def encode(frame: dict[str, Any], fmt: WireFormat) -> Wire:
    """One server frame in one wire format. Call once per event and format, then hand the
    same object to every connection (encode once, fan out bytes)."""
    if fmt is WireFormat.JSON:
        return orjson.dumps(frame).decode()
    return msgpack.packb(frame, use_bin_type=True)


def batch(items: list[Wire], fmt: WireFormat) -> Wire:
    """Coalesce already-encoded frames into one array frame without re-encoding them."""
    if len(items) == 1:
        return items[0]
    if fmt is WireFormat.JSON:
        return "[" + ",".join(items) + "]"  # type: ignore[arg-type]
    n = len(items)
    if n < 16:
        header = bytes([0x90 | n])
    elif n < 1 << 16:
        header = b"\xdc" + n.to_bytes(2, "big")
    else:
        header = b"\xdd" + n.to_bytes(4, "big")
    return header + b"".join(items)  # type: ignore[arg-type]


def error(code: str, message: str, ref: int | str | None = None, room: str | None = None,
          retry_after: int | None = None) -> dict[str, Any]:
    frame: dict[str, Any] = {"type": "error", "code": code, "message": message}
    if ref is not None:
        frame["ref"] = ref
    if room is not None:
        frame["room"] = room
    if retry_after is not None:
        frame["retry_after"] = retry_after
    return frame


def reply(kind: str, ref: int | str | None, **fields: Any) -> dict[str, Any]:
    frame: dict[str, Any] = {"type": kind}
    if ref is not None:
        frame["ref"] = ref
    frame.update(fields)
    return frame


# -- close codes (PROTOCOL.md) --------------------------------------------------------------
class Close(enum.IntEnum):
    NORMAL = 1000
    GOING_AWAY = 1001
    POLICY = 1008
    TOO_BIG = 1009
    INTERNAL = 1011
    RESTART = 1012
    TRY_LATER = 1013
    TOO_SLOW = 4008
    NOT_AUTHENTICATED = 4501
    BANNED = 4503
    TOO_MANY_VIOLATIONS = 4529
