"""Who a person is in a room: a keyed, unlinkable member id and a pseudonym."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import unicodedata
from dataclasses import dataclass

from rooms.model import Role

ADJECTIVES: tuple[str, ...] = (
    "Quiet", "Gentle", "Brave", "Calm", "Kind", "Steady", "Bright", "Warm", "Patient", "Hopeful",
    "Curious", "Soft", "Tender", "Clear", "Honest", "Open", "Still", "Mellow", "Sunny", "Lucky",
    "Silver", "Golden", "Amber", "Misty", "Mossy", "Rustic", "Wild", "Humble", "Merry", "Nimble",
    "Placid", "Serene", "Sturdy", "Thoughtful", "Wise", "Cozy", "Dreamy", "Earnest", "Graceful", "Jolly",
)
ANIMALS: tuple[str, ...] = (
    "Heron", "Otter", "Fox", "Wren", "Badger", "Owl", "Deer", "Hare", "Robin", "Seal",
    "Finch", "Lynx", "Sparrow", "Turtle", "Dolphin", "Panda", "Koala", "Crane", "Swan", "Lark",
    "Beaver", "Bison", "Falcon", "Hedgehog", "Moose", "Puffin", "Raven", "Salmon", "Stork", "Walrus",
    "Yak", "Zebra", "Gecko", "Ibis", "Jay", "Kiwi", "Lemur", "Marten", "Newt", "Quail",
)

NAME_MIN = 2
NAME_MAX = 32
_NAME_OK = re.compile(r"^[\w][\w .'\-]*[\w.]$", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Principal:
    """An authenticated account as the domain sees it. `sub` never leaves the server."""

    sub: str
    role: Role
    rooms: tuple[str, ...] = ("*",)

    def may_enter(self, room: str) -> bool:
        return "*" in self.rooms or room in self.rooms


def member_id(secret: bytes, sub: str, room: str) -> str:
    """Stable for one account in one room, unlinkable across rooms without the secret."""
    digest = hmac.new(secret, f"{room}\x00{sub}".encode(), hashlib.sha256).digest()
    return "m_" + base64.b32encode(digest[:10]).decode().lower()


def suggest_name(mid: str, attempt: int = 0) -> str:
    """A friendly "Adjective Animal" derived from the member id (same person, same name)."""
    digest = hashlib.sha256(f"{mid}:{attempt}".encode()).digest()
    adjective = ADJECTIVES[digest[0] % len(ADJECTIVES)]
    animal = ANIMALS[digest[1] % len(ANIMALS)]
    return f"{adjective} {animal}" if attempt < 8 else f"{adjective} {animal} {digest[2] % 100}"


def clean_name(raw: str) -> str | None:
    """Normalize a requested pseudonym; None when it is not an acceptable shape."""
    name = " ".join(unicodedata.normalize("NFKC", raw).split())
    if not (NAME_MIN <= len(name) <= NAME_MAX):
        return None
    if not _NAME_OK.match(name):
        return None
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") for ch in name):
        return None
    return name
