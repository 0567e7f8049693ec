"""The ports the domain needs. Adapters live in server/ (memory, Redis)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from rooms.events import Event
from rooms.model import Held, Member, Message, Mute, RoomConfig, RoomState


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

    async def cas_state(self, room: str, expected_version: int, state: RoomState) -> bool:
        """Replace the room's state if its version is still `expected_version`; the stored
        state gets version expected_version + 1. False when someone else changed it first."""
        ...

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

    async def find_cid(self, room: str, member: str, cid: str) -> Message | None:
        """The message this member already sent with this `cid`, if still remembered."""
        ...

    async def history(self, room: str, after: int, limit: int) -> HistoryPage:
        """Retained, not removed messages with seq > `after`, oldest first, at most `limit`
        (the newest ones when more are retained)."""
        ...

    async def react(self, room: str, seq: int, member: str, emoji: str) -> int | None:
        """Record a reaction once per member; the count for (seq, emoji), or None when
        the message is not retained."""
        ...

    async def reaction_counts(self, room: str, seqs: list[int]) -> dict[int, dict[str, int]]:
        """Reaction counts per emoji for the given messages (only those with any)."""
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

    # -- sanctions (keyed to the member id: account + room, not the pseudonym) ------------------
    async def set_mute(self, room: str, member: str, mute: Mute | None) -> None: ...

    async def get_mute(self, room: str, member: str) -> Mute | None: ...

    async def list_mutes(self, room: str) -> dict[str, Mute]:
        """Every mute in the room by member id (expired ones may be included)."""
        ...

    async def set_ban(self, room: str, member: str, reason: str | None) -> None:
        """Ban (reason given) or unban (None)."""
        ...

    async def is_banned(self, room: str, member: str) -> bool: ...

    # -- held queue, removal, reports, session end ------------------------------------------
    async def hold(self, room: str, held: Held) -> None: ...

    async def take_held(self, room: str, held_id: str) -> Held | None:
        """Remove and return a held message (exactly one caller wins)."""
        ...

    async def list_held(self, room: str) -> list[Held]: ...

    async def publish_held(self, room: str, held: Held, retain: int) -> Message:
        """Append an approved held message like append_message (next seq, publish)."""
        ...

    async def remove_message(self, room: str, seq: int) -> bool:
        """Mark a retained message removed (never replayed again); False if unknown."""
        ...

    async def context(self, room: str, seq: int, before: int) -> list[Message]:
        """The message `seq` (if retained and not removed) and up to `before` before it."""
        ...

    async def add_attention(self, room: str, item_id: str, frame: dict[str, Any], keep: int = 500) -> None:
        """Keep an alert or report for the room's facilitators until one dismisses it; ids
        sort by time, and past `keep` items the oldest go."""
        ...

    async def list_attention(self, room: str) -> list[dict[str, Any]]:
        """The open items' frames, oldest first."""
        ...

    async def take_attention(self, room: str, item_id: str) -> dict[str, Any] | None:
        """Remove and return an item (exactly one caller wins)."""
        ...

    async def purge(self, room: str) -> str:
        """End of session: drop history, reactions, held queue, first-seen marks, names,
        agreements and mutes; keep config and bans; return the new epoch."""
        ...

    async def audit(self, room: str, entry: dict[str, Any], keep: int = 1000) -> None:
        """Append an audit entry (never message text)."""
        ...

    async def audit_log(self, room: str, limit: int) -> list[dict[str, Any]]: ...

    async def ping(self) -> bool: ...

    async def info(self) -> dict[str, Any]: ...


class Counters(Protocol):
    """Counters that must hold across nodes (rate limits, slow mode, duplicate suppression)."""

    async def take(self, key: str, rate: float, burst: int, now_ms: int) -> int:
        """Token bucket: 0 when a token was taken, else ms until one is available."""
        ...

    async def gap(self, key: str, seconds: int, now_ms: int) -> int:
        """Minimum interval (slow mode): 0 and start a new interval, else ms left."""
        ...

    async def seen(self, key: str, ttl_seconds: int) -> bool:
        """True when `key` was seen within ttl (and mark it seen now)."""
        ...
