"""The ports the domain needs. Adapters live in server/ (memory, Redis)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from rooms.events import Event
from rooms.model import Member, Message, RoomConfig, RoomState


@dataclass(frozen=True, slots=True)
class Appended:
    """The result of appending a message: `duplicate` when its `cid` was seen before."""

    message: Message
    duplicate: bool


@dataclass(frozen=True, slots=True)
class HistoryPage:
    """Messages after a seq, in order; `oldest` is the oldest seq still retained (0 if none)."""

    messages: list[Message]
    oldest: int
    latest: int


class Fanout(Protocol):
    """Carries events to every node that has members of the room (at most once; the
    ordered `msg` stream is made whole by `seq` and history, not by this port)."""

    async def publish(self, event: Event) -> None: ...


class Store(Protocol):
    """Room configuration, membership, presence and history, shared by every node.

    Every method is one atomic step from the domain's point of view.
    """

    async def put_room(self, config: RoomConfig) -> None: ...

    async def get_room(self, room: str) -> RoomConfig | None: ...

    async def list_rooms(self) -> list[RoomConfig]: ...

    async def get_state(self, room: str) -> RoomState: ...

    async def set_state(self, room: str, state: RoomState) -> None: ...

    async def epoch(self, room: str) -> str:
        """The room's history epoch; a new one is made when history is lost or purged."""
        ...

    async def append_message(
        self, room: str, sender: Member, text: str, ts: int, cid: str | None, retain: int
    ) -> Appended:
        """Assign the next seq, append to history (bounded by `retain`) and publish the
        `msg` frame to the room, as one step: history order equals delivery order. A
        repeat `cid` from the same member returns the first message, not a new one."""
        ...

    async def history(self, room: str, after: int, limit: int) -> HistoryPage:
        """Retained, not removed messages with seq > `after`, oldest first, at most `limit`
        (the newest ones when more are retained)."""
        ...

    async def react(self, room: str, seq: int, member: str, emoji: str) -> int | None:
        """Record a reaction once per member; the count for (seq, emoji), or None when
        the message is not retained."""
        ...

    async def first_seen(self, room: str, member: str, seq: int) -> int:
        """The seq at which the member first joined this session (set on first call)."""
        ...

    async def claim_name(self, room: str, member: str, name: str) -> bool:
        """Reserve a pseudonym in the room for a member; False when another holds it."""
        ...

    async def name_of(self, room: str, member: str) -> str | None: ...

    async def agreed(self, room: str, member: str, set_: bool = False) -> bool: ...

    async def presence_add(self, room: str, member: Member, conn: str) -> bool:
        """Count one more connection of `member`; True when it is the first."""
        ...

    async def presence_remove(self, room: str, member: str, conn: str) -> Member | None:
        """Count one connection less; the member when it was the last."""
        ...

    async def presence(self, room: str) -> list[Member]: ...

    async def ping(self) -> bool: ...

    async def info(self) -> dict[str, Any]: ...
