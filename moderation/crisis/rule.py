"""The crisis rule: one level per message, one action per level.

=========  =====================================================  ==============================
level      what it means                                          what the pipeline is told
=========  =====================================================  ==============================
plan       a plan, means, a time, an act under way, recent        ESCALATE, ``crisis="plan"``:
           self-harm, goodbyes and finality acts                  held, private resources to the
                                                                  author, facilitators alerted
ideation   thoughts of suicide or self-harm, no plan              ALLOW, ``crisis="ideation"``:
                                                                  delivered, private resources,
                                                                  facilitators alerted
possible   the model is unsure                                    ALLOW + ``crisis_possible``: a
                                                                  quiet facilitator-only hint
history    crisis words only in negated, reported or figurative   ALLOW + ``crisis_history``
           spans                                                  (audit only)
=========  =====================================================  ==============================

How a level is reached (:func:`assess`): mask what the model cannot read (``rules.mask``),
score the rest with the learned model (``model.py``), compare with the thresholds shipped in
the weight file, then let an explicit plan (``rules.explicit_plan``) raise the level. The
``why`` of a verdict is the words that weighed most, for the facilitator's eyes only (it is
message text: never log it). If the model cannot be loaded or fails on a text, the rules
alone decide (``rules.fallback_ideation`` and the explicit plan) and the reason code
``crisis_model_unavailable`` tells the facilitator that detection is limited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from moderation.crisis import model as _weights
from moderation.crisis.features import crisis_view
from moderation.crisis.model import CrisisModel, load_model
from moderation.crisis.rules import explicit_plan, fallback_ideation, mask
from moderation.normalize import Normalized
from moderation.rules.base import Mode
from moderation.types import Action, Finding, RuleResult

__all__ = ["Assessment", "CrisisSettings", "CrisisRule", "assess", "model", "model_available"]


@dataclass(frozen=True)
class CrisisSettings:
    """Settings for the crisis rule."""

    hold_ideation: bool = field(
        default=False,
        metadata={"doc": "Hold (escalate) ideation too, instead of delivering it with a private alert."},
    )
    model: bool = field(
        default=True,
        metadata={"doc": "Use the learned classifier (off: the rules-only fallback, for diagnosis)."},
    )
    language: str = field(default="en", metadata={"doc": "The room's language: picks the model's thresholds."})


@dataclass(frozen=True)
class Assessment:
    """A crisis level (None, "history", "possible", "ideation", "plan"), the words that
    weighed most, and whether the model was unavailable."""

    level: str | None
    why: tuple[str, ...] = ()
    p_crisis: float = 0.0
    degraded: bool = False


@lru_cache(maxsize=1)
def model() -> CrisisModel | None:
    """The shipped model, loaded once per process; None when it cannot be read."""
    try:
        return load_model(_weights.MODEL_PATH)
    except Exception:  # a missing or corrupt weight file must not stop moderation
        return None


def model_available() -> bool:
    """Whether the learned model loaded (False: the rules-only fallback is running)."""
    return model() is not None


def _rules_only(scored: str, plan_words: tuple[str, ...], *, degraded: bool) -> Assessment:
    """The level the rules alone give: an explicit plan, or unmistakable phrases."""
    if plan_words:
        return Assessment("plan", plan_words, degraded=degraded)
    words = fallback_ideation(scored)
    return Assessment("ideation" if words else None, words, degraded=degraded)


def assess(n: Normalized, *, use_model: bool = True, language: str = "en") -> Assessment:
    """Pure predicate: the crisis level of one normalized text."""
    text = crisis_view(n.lower)
    scored, masked = mask(text)
    plan_words = explicit_plan(scored)
    m = model() if use_model else None
    try:
        s = m.score(scored) if m is not None else None
    except Exception:
        s = None
    if m is None or s is None:
        return _rules_only(scored, plan_words, degraded=True)
    th = m.thresholds_for(language)
    level: str | None = None
    if not s.scored:  # too few words for the model: the rules decide
        ruled = _rules_only(scored, plan_words, degraded=False)
        if ruled.level is not None:
            return ruled
    elif s.p_crisis >= th["flag"]:
        level = "plan" if s.p_plan >= th["plan"] else "ideation"
    elif s.p_crisis >= th["possible"]:
        level = "possible"
    if plan_words and level != "plan":
        return Assessment("plan", plan_words, s.p_crisis)
    if level is None and masked and fallback_ideation(text):
        level = "history"
    why = s.why() if level in ("plan", "ideation", "possible") else ()
    return Assessment(level, why, s.p_crisis)


class CrisisRule:
    """Thin rule wrapper: crisis never blocks silently, so it fails closed (hold)."""

    name = "crisis"
    fail_open = False

    def __init__(self, settings: CrisisSettings) -> None:
        self.settings = settings

    def evaluate(self, n: Normalized, mode: Mode) -> RuleResult:
        if mode != "message":
            return RuleResult()
        a = assess(n, use_model=self.settings.model, language=self.settings.language)
        extra = (Finding("crisis_model_unavailable", Action.ALLOW),) if a.degraded and self.settings.model else ()
        if a.level == "plan":
            return RuleResult((Finding("crisis_plan", Action.ESCALATE),) + extra, crisis="plan", why=a.why)
        if a.level == "ideation":
            action = Action.ESCALATE if self.settings.hold_ideation else Action.ALLOW
            return RuleResult((Finding("crisis_ideation", action),) + extra, crisis="ideation", why=a.why)
        if a.level in ("history", "possible"):
            return RuleResult((Finding(f"crisis_{a.level}", Action.ALLOW),) + extra, why=a.why)
        return RuleResult(extra)
