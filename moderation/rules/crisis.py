"""Crisis rule: detect suicidal ideation, self-harm and plans or means.

The predicate returns ``"plan"``, ``"ideation"``, ``"history"`` (only negated or past
mentions), ``"possible"`` (risk vocabulary without a recognised phrase: a low-priority hint
for facilitators, never an alert) or ``None``. Plans always escalate: the message is held, the sender gets crisis
resources and facilitators are alerted. Ideation is delivered with a private alert unless
the room asks to hold it. Nothing here ever rejects: a person in crisis must not be told
their message "is not allowed".

Levels come from the phrase bank (``crisis_patterns``, ``crisis_cues``) and, when that finds
no plan, from the scored detector (``crisis_score``); the higher level wins. Both share the
scorer's context discounts (informational, temporary leave-taking, someone else). When the
room enables ``crisis_model`` (the default), the learned classifier (``crisis_model``) may
then raise the level; it never lowers it and never overrides a negated or past mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from moderation.normalize import Normalized
from moderation.rules.base import Mode
from moderation.rules.crisis_cues import IDEATION_EXTRA, RISK_VOCABULARY, combine, find_cues
from moderation.rules.crisis_model import model_level
from moderation.rules.crisis_patterns import (
    CLAUSE_BREAK,
    GO_IMPERATIVE,
    IDEATION,
    MEANS_WORD,
    NEGATION_BEFORE,
    PAST_CLAUSE,
    PLAN,
    REPORTED_QUESTION,
    USE_IT,
)
from moderation.rules.crisis_score import foreign_context, scored_level
from moderation.types import Action, Finding, RuleResult

__all__ = ["CrisisSettings", "assess", "assess_rules", "CrisisRule"]

_LEETISH = re.compile(r"[a-z][013457@$!|][a-z]|[013457@$!|][a-z]{2}")
_TONIGHT = re.compile(r"\btonight\b")
_NEG_IN_MATCH = re.compile(r"\b(?:not|never|no\s+longer|won'?t|wouldn'?t|don'?t|dont|didn'?t)\b")


@dataclass(frozen=True)
class CrisisSettings:
    """Settings for the crisis rule."""

    hold_ideation: bool = field(
        default=False,
        metadata={"doc": "Hold (escalate) ideation without a plan instead of delivering it "
                         "with a private facilitator alert."},
    )
    model: bool = field(
        default=False,
        metadata={"doc": "Also consult the learned classifier (crisis_model) and let it "
                         "raise the level (see crisis_model.combine)."},
    )


def _clause(text: str, start: int, end: int) -> str:
    """The clause around ``[start, end)``: from the previous break to the next one."""
    lo = 0
    for m in CLAUSE_BREAK.finditer(text, 0, start):
        lo = m.end()
    nxt = CLAUSE_BREAK.search(text, end)
    hi = nxt.start() if nxt else len(text)
    return text[lo:hi]


def _discounted(text: str, start: int, end: int, *, plan: bool) -> bool:
    """True when a match is negated ("I'm not going to...") or about the past."""
    before = text[max(0, start - 40):start]
    if NEGATION_BEFORE.search(before):
        return True
    if plan and _NEG_IN_MATCH.search(text, start + 1, end):
        return True
    if GO_IMPERATIVE.search(before[-12:]) and plan:
        return True  # "go jump off a bridge" is abuse aimed at someone else, not a plan
    if REPORTED_QUESTION.search(text, max(0, start - 60), start):
        return True  # "my therapist asked if I've had thoughts of self harm"
    if foreign_context(text, start, end):
        return True
    return PAST_CLAUSE.search(_clause(text, start, end)) is not None


def _live(regex: re.Pattern[str], text: str, *, plan: bool = False) -> bool:
    """Whether ``regex`` has a match in ``text`` that is not negated or in the past."""
    return any(
        not _discounted(text, m.start(), m.end(), plan=plan) for m in regex.finditer(text)
    )


def _assess_view(text: str) -> str | None:
    history = False
    use = USE_IT.search(text)
    if use and MEANS_WORD.search(text) and not _discounted(text, use.start(), use.end(),
                                                           plan=True):
        return "plan"  # "my dad has a gun ... I'm going to use it"
    for m in PLAN.finditer(text):
        if _discounted(text, m.start(), m.end(), plan=True):
            history = True
            continue
        return "plan"
    ideation = False
    for regex in (IDEATION, IDEATION_EXTRA):
        for m in regex.finditer(text):
            if _discounted(text, m.start(), m.end(), plan=False):
                history = True
                continue
            if _TONIGHT.search(_clause(text, m.start(), m.end())):
                return "plan"
            ideation = True
    level = combine(find_cues(text, _live), ideation)
    if level != "plan":
        scored = scored_level(text)
        if scored is not None and _RANK[scored] > _RANK[level]:
            level = scored
    if level is None and history:
        return "history"
    if level is None and _live(RISK_VOCABULARY, text):
        return "possible"
    return level


_RANK = {None: 0, "possible": 1, "history": 2, "ideation": 3, "plan": 4}


def assess_rules(n: Normalized) -> str | None:
    """The hand-written rules' crisis level of a normalized text."""
    low = n.lower
    level = _assess_view(low)
    if level != "plan" and _LEETISH.search(low):
        leet_level = _assess_view(n.leet)
        if _RANK[leet_level] > _RANK[level]:
            level = leet_level
    return level


def assess(n: Normalized, *, model: bool = False) -> str | None:
    """Pure predicate: the crisis level of a normalized text (rules, plus the learned
    classifier when ``model`` is true; it can only raise the level)."""
    level = assess_rules(n)
    if not model:
        return level
    return model_level(level, n.lower)


class CrisisRule:
    """Thin rule wrapper: crisis never blocks silently, so it fails closed (hold)."""

    name = "crisis"
    fail_open = False

    def __init__(self, settings: CrisisSettings) -> None:
        self.settings = settings

    def evaluate(self, n: Normalized, mode: Mode) -> RuleResult:
        if mode != "message":
            return RuleResult()
        level = assess(n, model=self.settings.model)
        if level == "plan":
            return RuleResult((Finding("crisis_plan", Action.ESCALATE),), crisis="plan")
        if level == "ideation":
            action = Action.ESCALATE if self.settings.hold_ideation else Action.ALLOW
            return RuleResult((Finding("crisis_ideation", action),), crisis="ideation")
        if level in ("history", "possible"):
            return RuleResult((Finding(f"crisis_{level}", Action.ALLOW),))
        return RuleResult()
