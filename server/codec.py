"""Node-to-node payloads: a domain Event as MessagePack bytes, and channel names."""

from __future__ import annotations

from typing import Any

import msgpack

from rooms.events import Event


def channel(room: str) -> str:
    return "{room:" + room + "}:events"


def room_of(channel_name: str) -> str:
    return channel_name[len("{room:") : channel_name.index("}")]


def pack_event(event: Event) -> bytes:
    return msgpack.packb(event.wire(), use_bin_type=True)


def unpack_event(payload: bytes) -> Event:
    data: dict[str, Any] = msgpack.unpackb(payload, raw=False)
    return Event.from_wire(data)
