"""Anonymity rule: keep contact details and real names out of an anonymous room.

Detects emails (also "jane dot doe at gmail dot com"), phone numbers (any common format,
spelled-out digits, the room's region for local numbers), street addresses and postcodes,
social handles and full names / surnames. Each hit becomes a redaction of the ORIGINAL span.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from moderation.normalize import Normalized
from moderation.rules.base import Mode
from moderation.rules.names import find_names, looks_like_full_name
from moderation.rules.pii_patterns import (
    Hit,
    find_addresses,
    find_emails,
    find_handles,
    find_phones,
)
from moderation.types import Action, Finding, RuleResult

__all__ = ["AnonymitySettings", "find_pii", "AnonymityRule", "MARKERS"]

MARKERS: dict[str, str] = {
    "email": "[email removed]",
    "phone": "[phone removed]",
    "address": "[address removed]",
    "handle": "[handle removed]",
    "full_name": "[name removed]",
    "url": "[link removed]",
}


@dataclass(frozen=True)
class AnonymitySettings:
    """Settings for the anonymity rule."""

    phone_region: str = field(
        default="US",
        metadata={"doc": "ISO region used to read local phone numbers (phonenumbers)."},
    )
    action: Action = field(
        default=Action.REDACT,
        metadata={"doc": "What a PII hit does in a message: REDACT (default) or HOLD."},
    )
    detect_names: bool = field(
        default=True, metadata={"doc": "Detect full names and surnames in introductions."}
    )


def find_pii(n: Normalized, settings: AnonymitySettings) -> list[Hit]:
    """Pure predicate: every PII hit in normalized coordinates."""
    hits: list[Hit] = []
    hits.extend(find_emails(n))
    hits.extend(find_phones(n, settings.phone_region))
    hits.extend(find_addresses(n))
    hits.extend(find_handles(n))
    if settings.detect_names:
        hits.extend(find_names(n))
    return hits


class AnonymityRule:
    """Thin rule wrapper. Fails closed: a broken PII check must not leak a phone number."""

    name = "anonymity"
    fail_open = False

    def __init__(self, settings: AnonymitySettings) -> None:
        self.settings = settings

    def evaluate(self, n: Normalized, mode: Mode) -> RuleResult:
        hits = find_pii(n, self.settings)
        if mode == "name":
            codes = {code for _, _, code in hits}
            if looks_like_full_name(n.text):
                codes.add("full_name")
            return RuleResult(tuple(Finding(c, Action.REJECT) for c in sorted(codes)))
        findings = []
        for start, end, code in sorted(hits):
            span = n.to_original(start, end)
            if span[1] > span[0]:
                findings.append(Finding(code, self.settings.action, span, MARKERS[code]))
        return RuleResult(tuple(findings))
