"""Domain events: a client frame and the audience it is for.

The domain decides *what* is said to *whom*; the hub decides how to encode and deliver it.
Every event travels on the room's channel, so every node sees it and delivers it to its
own local connections that match the audience.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ROOM = "room"
MEMBER = "member"
FACILITATORS = "facilitators"
MEMBERS = "members"  # everyone joined who is not a facilitator


@dataclass(frozen=True, slots=True)
class Event:
    """One frame for an audience in one room.

    `audience` is ROOM (everyone joined; minus `exclude`), MEMBER (only `member`), or
    FACILITATORS (facilitators joined to the room, plus `member` when given, e.g. the
    sender of a held message learning its outcome).
    """

    room: str
    frame: dict[str, Any]
    audience: str = ROOM
    member: str | None = None
    exclude: str | None = None

    def wire(self) -> dict[str, Any]:
        return {
            "room": self.room,
            "frame": self.frame,
            "audience": self.audience,
            "member": self.member,
            "exclude": self.exclude,
        }

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> Event:
        return cls(
            room=str(data["room"]),
            frame=dict(data["frame"]),
            audience=str(data.get("audience", ROOM)),
            member=data.get("member"),
            exclude=data.get("exclude"),
        )


def to_room(room: str, frame: dict[str, Any], exclude: str | None = None) -> Event:
    return Event(room=room, frame=frame, audience=ROOM, exclude=exclude)


def to_member(room: str, member: str, frame: dict[str, Any]) -> Event:
    return Event(room=room, frame=frame, audience=MEMBER, member=member)


def to_members(room: str, frame: dict[str, Any]) -> Event:
    return Event(room=room, frame=frame, audience=MEMBERS)


def to_facilitators(room: str, frame: dict[str, Any], also: str | None = None) -> Event:
    return Event(room=room, frame=frame, audience=FACILITATORS, member=also)
