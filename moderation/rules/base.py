"""The contract every rule implements.

A rule is a pure function of a normalized text plus its own settings. It never acts: it
returns findings, and the pipeline decides what they mean (dry-run, exemption, precedence).
"""

from __future__ import annotations

from typing import Literal, Protocol

from moderation.normalize import Normalized
from moderation.types import RuleResult

__all__ = ["Mode", "Rule"]

Mode = Literal["message", "name"]


class Rule(Protocol):
    """A named predicate with an explicit failure policy.

    ``fail_open``: when ``evaluate`` raises, True lets the message through (with a reason
    recorded), False holds it for a facilitator. Every rule must choose.
    """

    name: str
    fail_open: bool

    def evaluate(self, n: Normalized, mode: Mode) -> RuleResult:
        """Inspect ``n``; ``mode`` is "message" for chat text, "name" for pseudonyms."""
        ...
