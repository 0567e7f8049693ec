"""Per-room moderation configuration, validated on construction.

``RoomModeration`` is what a facilitator edits (through the server's API) and what the
room stores. ``from_mapping`` turns untrusted JSON-ish data into one, raising
``ValueError`` with a message that names the offending key.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import phonenumbers

from moderation.regex_guard import compile_patterns
from moderation.rules.links import LINK_POLICIES

__all__ = [
    "RoomModeration", "KNOWN_RULES", "ACTION_NAMES", "MAX_TERMS", "MAX_TERM_LENGTH", "SUPPORTED_LANGUAGES",
]

KNOWN_RULES = ("crisis", "anonymity", "abuse", "links")
ACTION_NAMES = ("redact", "hold", "reject")
MAX_TERMS = 500
MAX_TERM_LENGTH = 100
MAX_LENGTH_LIMIT = 100_000

_REGIONS = frozenset(phonenumbers.SUPPORTED_REGIONS)
# Languages the crisis detector was trained and measured on (docs/moderation.md). Any other
# ISO 639-1 code is accepted: the language-independent rules still run, and the room is
# marked as having limited detection.
SUPPORTED_LANGUAGES = ("en", "es", "pt", "fr", "de")


def _str_tuple(key: str, value: Any, *, max_items: int, max_len: int) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ValueError(f"{key}: expected a list of strings")
    if len(value) > max_items:
        raise ValueError(f"{key}: at most {max_items} entries are allowed")
    out: list[str] = []
    for item in value:
        if not isinstance(item, str):
            raise ValueError(f"{key}: every entry must be a string, got {type(item).__name__}")
        if not item.strip():
            raise ValueError(f"{key}: entries must not be empty")
        if len(item) > max_len:
            raise ValueError(f"{key}: entries must be at most {max_len} characters")
        out.append(item)
    return tuple(out)


@dataclass(frozen=True)
class RoomModeration:
    """Moderation settings for one room; every field has a safe default.

    rules: rule names to run, in order. phone_region: ISO region for local phone numbers.
    abuse_level: 0 (off) .. 4 (strictest). abuse_reject_severity: word-list severities at or
    above this reject, lower ones hold. blocked_terms / blocked_patterns: room additions
    (patterns bounded and checked for catastrophic backtracking). blocked_action: what they
    do ("hold" or "reject" or "redact"... redact is treated as hold: terms are not spans we
    promise to remove). allowed_terms: override word-list hits. crisis_hold_ideation: hold
    ideation without a plan. crisis_model: use the learned crisis classifier
    (``moderation/crisis/``); off leaves only its rules-only fallback (for diagnosis). dry_run: rule names
    that only report. link_policy: allow | redact | hold | reject. allowed_domains: links
    that always pass. pii_action: "redact" or "hold". language: the room's language (ISO
    639-1; crisis detection and local address/phone shapes are trained for
    ``SUPPORTED_LANGUAGES``). max_length: longer messages are rejected before any rule runs.
    """

    rules: tuple[str, ...] = KNOWN_RULES
    phone_region: str = "US"
    abuse_level: int = 2
    abuse_reject_severity: int = 3
    blocked_terms: tuple[str, ...] = ()
    blocked_patterns: tuple[str, ...] = ()
    blocked_action: str = "hold"
    allowed_terms: tuple[str, ...] = ()
    crisis_hold_ideation: bool = False
    crisis_model: bool = True
    dry_run: tuple[str, ...] = ()
    link_policy: str = "redact"
    allowed_domains: tuple[str, ...] = ()
    pii_action: str = "redact"
    max_length: int = 4000
    language: str = "en"

    @property
    def detection_limited(self) -> bool:
        """True when crisis detection was not trained for the room's language."""
        return self.language not in SUPPORTED_LANGUAGES

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, list):
                object.__setattr__(self, f.name, tuple(value))
        self._validate()

    def _validate(self) -> None:
        for key in ("rules", "dry_run"):
            names = _str_tuple(key, getattr(self, key), max_items=16, max_len=32)
            unknown = [n for n in names if n not in KNOWN_RULES]
            if unknown:
                raise ValueError(
                    f"{key}: unknown rule(s) {', '.join(unknown)}; known: {', '.join(KNOWN_RULES)}"
                )
            if len(set(names)) != len(names):
                raise ValueError(f"{key}: duplicate rule names")
        if not isinstance(self.phone_region, str) or self.phone_region not in _REGIONS:
            raise ValueError(
                f"phone_region: {self.phone_region!r} is not a supported ISO region code"
            )
        for key, lo, hi in (("abuse_level", 0, 4), ("abuse_reject_severity", 1, 5),
                            ("max_length", 1, MAX_LENGTH_LIMIT)):
            value = getattr(self, key)
            if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
                raise ValueError(f"{key}: expected an integer from {lo} to {hi}")
        for key in ("blocked_terms", "allowed_terms", "allowed_domains"):
            _str_tuple(key, getattr(self, key), max_items=MAX_TERMS, max_len=MAX_TERM_LENGTH)
        compile_patterns(_str_tuple("blocked_patterns", self.blocked_patterns,
                                    max_items=10_000, max_len=10_000))
        if self.blocked_action not in ("hold", "reject"):
            raise ValueError("blocked_action: expected 'hold' or 'reject'")
        if self.link_policy not in LINK_POLICIES:
            raise ValueError(f"link_policy: expected one of {', '.join(LINK_POLICIES)}")
        if not (isinstance(self.language, str) and len(self.language) == 2
                and self.language.isascii() and self.language.isalpha() and self.language.islower()):
            raise ValueError("language: expected a two-letter ISO 639-1 code such as 'en' or 'es'")
        if self.pii_action not in ("redact", "hold"):
            raise ValueError("pii_action: expected 'redact' or 'hold'")
        for key in ("crisis_hold_ideation", "crisis_model"):
            if not isinstance(getattr(self, key), bool):
                raise ValueError(f"{key}: expected true or false")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> RoomModeration:
        """Build from untrusted data (lists become tuples); unknown keys are an error."""
        if not isinstance(data, Mapping):
            raise ValueError("moderation config: expected a mapping")
        fields = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(str(k) for k in data if k not in fields)
        if unknown:
            raise ValueError(f"unknown moderation setting(s): {', '.join(unknown)}")
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            kwargs[key] = tuple(value) if isinstance(value, list) else value
        if isinstance(kwargs.get("language"), str):
            kwargs["language"] = kwargs["language"].lower()
        if isinstance(kwargs.get("phone_region"), str):
            kwargs["phone_region"] = kwargs["phone_region"].upper()
        return cls(**kwargs)

    def to_mapping(self) -> dict[str, Any]:
        """JSON-friendly form (tuples become lists)."""
        return {
            k: list(v) if isinstance(v, tuple) else v
            for k, v in dataclasses.asdict(self).items()
        }

    def digest(self) -> str:
        """A short stable hash of the configuration, part of ``rule_set_version``."""
        items = sorted(self.to_mapping().items())
        return hashlib.blake2b(repr(items).encode(), digest_size=4).hexdigest()
