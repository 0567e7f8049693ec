"""Rooms declared in a TOML file:

    [[room]]
    id = "evening-circle"
    title = "Evening circle"
    topic = "How the week went"
    capacity = 12
    agreement = "What is said here stays here."
    history = "joined"        # or "all"
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from rooms.model import HistoryVisibility, RoomConfig
from rooms.safety import sanitize_rich, validate_moderation
from server.protocol import ROOM_RE

KNOWN = {"id", "title", "topic", "capacity", "agreement", "history", "needs_facilitator",
         "retain_messages", "moderation"}


class RoomsFileError(ValueError):
    """A rooms file or room definition Hearth cannot use; the message says where."""


def room_from_mapping(data: dict[str, Any], where: str = "room") -> RoomConfig:
    unknown = set(data) - KNOWN
    if unknown:
        raise RoomsFileError(f"{where}: unknown keys {sorted(unknown)}")
    rid = data.get("id")
    if not isinstance(rid, str) or not ROOM_RE.match(rid):
        raise RoomsFileError(f"{where}: 'id' must be 1-64 letters, digits, '_', '-' or '.'")
    for key in ("title", "topic"):
        if not isinstance(data.get(key, ""), str) or len(data.get(key, "")) > 200:
            raise RoomsFileError(f"{where}: '{key}' must be a string of at most 200 characters")
    agreement = data.get("agreement")
    if agreement is not None and (not isinstance(agreement, str) or len(agreement) > 4000):
        raise RoomsFileError(f"{where}: 'agreement' must be a string of at most 4000 characters")
    capacity = data.get("capacity", 50)
    if type(capacity) is not int or not 1 <= capacity <= 10_000:
        raise RoomsFileError(f"{where}: 'capacity' must be an integer from 1 to 10000")
    retain = data.get("retain_messages", 1000)
    if type(retain) is not int or not 1 <= retain <= 100_000:
        raise RoomsFileError(f"{where}: 'retain_messages' must be an integer from 1 to 100000")
    history = data.get("history", "joined")
    if history not in ("joined", "all"):
        raise RoomsFileError(f"{where}: 'history' must be 'joined' or 'all'")
    needs = data.get("needs_facilitator", False)
    if not isinstance(needs, bool):
        raise RoomsFileError(f"{where}: 'needs_facilitator' must be true or false")
    moderation = data.get("moderation", {})
    if not isinstance(moderation, dict):
        raise RoomsFileError(f"{where}: 'moderation' must be a table")
    try:
        validate_moderation(moderation)
    except ValueError as exc:
        raise RoomsFileError(f"{where}: {exc}") from None
    return RoomConfig(
        id=rid, title=data.get("title", "") or rid, topic=data.get("topic", ""),
        capacity=capacity, agreement=sanitize_rich(agreement) if agreement else None,
        history=HistoryVisibility(history),
        needs_facilitator=needs, retain_messages=retain, moderation=moderation,
    )


def load_rooms(path: str | Path) -> list[RoomConfig]:
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text())
    except FileNotFoundError:
        raise RoomsFileError(f"{p}: no such file") from None
    except tomllib.TOMLDecodeError as exc:
        raise RoomsFileError(f"{p}: not valid TOML ({exc})") from None
    rooms = data.get("room", [])
    if not isinstance(rooms, list):
        raise RoomsFileError(f"{p}: rooms are declared as [[room]] tables")
    configs = [room_from_mapping(r, f"{p}: room #{i + 1}") for i, r in enumerate(rooms)]
    ids = [c.id for c in configs]
    if len(ids) != len(set(ids)):
        raise RoomsFileError(f"{p}: room ids must be unique")
    return configs


DEMO_ROOM = RoomConfig(
    id="demo",
    title="Evening circle (demo)",
    topic="How has this week been for you?",
    capacity=12,
    agreement=(
        "What is said here stays here. Use first names or your pseudonym only. "
        "Listen without judging; share only what you choose. If you are in danger, "
        "contact local emergency services."
    ),
)
