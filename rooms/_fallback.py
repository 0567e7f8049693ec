"""TEMPORARY stand-in while moderation/ lands; allows everything."""
from __future__ import annotations

import enum
import html
from dataclasses import dataclass
from typing import Any


class Action(enum.IntEnum):
    ALLOW = 0
    REDACT = 1
    HOLD = 2
    REJECT = 3
    ESCALATE = 4


@dataclass(frozen=True)
class Reason:
    rule: str
    code: str
    action: Action
    dry_run: bool = False


@dataclass(frozen=True)
class Verdict:
    action: Action
    text: str
    reasons: tuple[Reason, ...]
    crisis: str | None
    rule_set_version: str


class RoomModeration:
    @classmethod
    def from_mapping(cls, data: Any) -> RoomModeration:
        return cls()


class Pipeline:
    def check_message(self, text: str, *, exempt: bool = False) -> Verdict:
        return Verdict(Action.ALLOW, text, (), None, "none")

    def check_name(self, name: str) -> Verdict:
        return Verdict(Action.ALLOW, name, (), None, "none")


def build_pipeline(config: RoomModeration) -> Pipeline:
    return Pipeline()


def sanitize_rich(markup: str) -> str:
    return html.escape(markup)
