"""Value types shared by every rule and the pipeline.

Everything here is immutable so a verdict can be handed across tasks, cached, or logged
(reasons only, never text) without defensive copies.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = ["Action", "Reason", "Verdict", "Finding", "RuleResult"]


class Action(enum.IntEnum):
    """What should happen to a message; a higher value wins when rules disagree."""

    ALLOW = 0
    REDACT = 1
    HOLD = 2
    REJECT = 3
    ESCALATE = 4


@dataclass(frozen=True)
class Reason:
    """Why a verdict came out the way it did; safe to log (contains no message text).

    ``action`` is what the rule asked for. ``dry_run`` marks a rule that only reports;
    ``exempt`` marks a reason that did not act because the sender is exempt (facilitator).
    """

    rule: str
    code: str
    action: Action
    dry_run: bool = False
    exempt: bool = False


@dataclass(frozen=True)
class Verdict:
    """The pipeline's answer for one message or name.

    ``text`` is what to deliver: redacted when ``action`` is REDACT, the original otherwise
    (held and escalated messages keep the original for facilitator review). Whenever a PII
    or link redaction applied, ``redacted_text`` carries the redacted form regardless of the
    action, so a facilitator who approves a held message can deliver it without the PII.
    ``why`` holds the words that weighed most in a crisis verdict: for facilitators' eyes only
    (it is message text; never log it or put it in the audit trail).
    """

    action: Action
    text: str
    reasons: tuple[Reason, ...]
    crisis: str | None
    rule_set_version: str
    redacted_text: str | None = None
    why: tuple[str, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        """Reason codes, in order; convenient for tests and metrics labels."""
        return tuple(r.code for r in self.reasons)


@dataclass(frozen=True)
class Finding:
    """One hit from a rule's predicate.

    ``span`` is in ORIGINAL text coordinates (already mapped back through the
    normalizer's offset map); ``marker`` is the replacement used when the finding redacts.
    """

    code: str
    action: Action
    span: tuple[int, int] | None = None
    marker: str | None = None


@dataclass(frozen=True)
class RuleResult:
    """Everything one rule says about one text."""

    findings: tuple[Finding, ...] = ()
    crisis: str | None = None
    why: tuple[str, ...] = ()
