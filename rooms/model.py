"""Value types of the domain: roles, members, room configuration and state, messages."""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass, field
from typing import Any

from moderation import SUPPORTED_LANGUAGES, crisis_model_available

REACTIONS: tuple[str, ...] = ("heart", "hug", "nod", "clap", "strong", "thanks")
MAX_TEXT = 4000


class Role(enum.StrEnum):
    MEMBER = "member"
    FACILITATOR = "facilitator"
    OPERATOR = "operator"


class Phase(enum.StrEnum):
    OPEN = "open"
    PAUSED = "paused"
    ROUND = "round"


class HistoryVisibility(enum.StrEnum):
    JOINED = "joined"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class Member:
    """A person as the room sees them: pseudonymous, unlinkable across rooms."""

    id: str
    name: str
    role: Role

    def wire(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "role": self.role.value}

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> Member:
        return cls(id=str(data["id"]), name=str(data["name"]), role=Role(data["role"]))


@dataclass(frozen=True, slots=True)
class RoomConfig:
    """What an operator declares about a room (rooms file or `POST /api/rooms`)."""

    id: str
    title: str = ""
    topic: str = ""
    capacity: int = 50
    agreement: str | None = None
    history: HistoryVisibility = HistoryVisibility.JOINED
    needs_facilitator: bool = False
    retain_messages: int = 1000
    moderation: dict[str, Any] = field(default_factory=dict)

    @property
    def language(self) -> str:
        lang = self.moderation.get("language", "en")
        return lang.lower() if isinstance(lang, str) else "en"

    @property
    def detection(self) -> str:
        """"full", or "limited" when crisis detection was not trained for the room's language
        or its model could not be loaded (the rules-only fallback is running)."""
        ok = self.language in SUPPORTED_LANGUAGES and crisis_model_available()
        return "full" if ok else "limited"

    def wire(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "topic": self.topic,
            "capacity": self.capacity,
            "agreement": self.agreement,
            "history": self.history.value,
            "needs_facilitator": self.needs_facilitator,
            "retain_messages": self.retain_messages,
            "moderation": dict(self.moderation),
        }

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> RoomConfig:
        return cls(
            id=str(data["id"]),
            title=str(data.get("title", "")),
            topic=str(data.get("topic", "")),
            capacity=int(data.get("capacity", 50)),
            agreement=data.get("agreement"),
            history=HistoryVisibility(data.get("history", "joined")),
            needs_facilitator=bool(data.get("needs_facilitator", False)),
            retain_messages=int(data.get("retain_messages", 1000)),
            moderation=dict(data.get("moderation") or {}),
        )


@dataclass(frozen=True, slots=True)
class RoomState:
    """The shared, changing state of a room (what the `state` frame carries)."""

    phase: Phase = Phase.OPEN
    slow: int = 0
    pinned: str | None = None
    floor: str | None = None
    queue: tuple[str, ...] = ()
    version: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "phase": self.phase.value, "slow": self.slow, "pinned": self.pinned,
            "floor": self.floor, "queue": list(self.queue), "version": self.version,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RoomState:
        return cls(
            phase=Phase(data.get("phase", "open")), slow=int(data.get("slow", 0)),
            pinned=data.get("pinned"), floor=data.get("floor"),
            queue=tuple(data.get("queue") or ()), version=int(data.get("version", 0)),
        )

    def wire(self, config: RoomConfig) -> dict[str, Any]:
        return {
            "phase": self.phase.value,
            "slow": self.slow,
            "pinned": self.pinned,
            "topic": config.topic,
            "floor": self.floor,
            "queue": list(self.queue),
            "language": config.language,
            "detection": config.detection,
        }


@dataclass(frozen=True, slots=True)
class Message:
    """A delivered message as kept in history and sent to members."""

    seq: int
    sender: Member
    text: str
    ts: int

    def wire(self, room: str) -> dict[str, Any]:
        return {
            "type": "msg",
            "room": room,
            "seq": self.seq,
            "from": self.sender.wire(),
            "text": self.text,
            "ts": self.ts,
        }


@dataclass(frozen=True, slots=True)
class Held:
    """A message waiting for a facilitator: it takes a seq only when approved."""

    id: str
    sender: Member
    text: str
    ts: int
    reasons: tuple[str, ...]
    crisis: str | None = None
    cid: str | None = None
    why: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "sender": self.sender.wire(), "text": self.text, "ts": self.ts,
            "reasons": list(self.reasons), "crisis": self.crisis, "cid": self.cid, "why": list(self.why),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Held:
        return cls(
            id=str(data["id"]), sender=Member.from_wire(data["sender"]), text=str(data["text"]),
            ts=int(data["ts"]), reasons=tuple(data.get("reasons") or ()), crisis=data.get("crisis"),
            cid=data.get("cid"), why=tuple(str(w) for w in data.get("why") or ()),
        )


@dataclass(frozen=True, slots=True)
class Mute:
    until: int | None  # ms since epoch; None = until unmuted
    reason: str = ""

    def active(self, now_ms: int) -> bool:
        return self.until is None or self.until > now_ms


def attention_id(ts: int) -> str:
    """Ids of facilitator attention items (alerts, reports) sort by time."""
    return f"a_{ts:013d}_{secrets.token_hex(3)}"
