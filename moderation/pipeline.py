"""The pipeline: run rules in order, isolate failures, combine verdicts.

Rules decide, the pipeline combines, the server acts. Combination is by precedence
(escalate > reject > hold > redact > allow) and keeps every reason. Dry-run rules and
exempt senders (facilitators) still produce reasons, marked, but never change the action,
the text or the crisis flag (exempt senders do keep the crisis flag: facilitators are
alerted, the message is never held). ``check_message`` and ``check_name`` never raise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from moderation.config import RoomModeration
from moderation.crisis import CrisisRule, CrisisSettings
from moderation.normalize import Normalized, normalize
from moderation.redact import output_bound, redact
from moderation.regex_guard import compile_patterns
from moderation.rules.abuse import AbuseRule, AbuseSettings
from moderation.rules.anonymity import AnonymityRule, AnonymitySettings
from moderation.rules.base import Mode, Rule
from moderation.rules.links import LinkSettings, LinksRule
from moderation.types import Action, Finding, Reason, RuleResult, Verdict

__all__ = ["Pipeline", "build_pipeline", "RULES_VERSION", "RULE_FACTORIES"]

RULES_VERSION = "2025.1"
_CRISIS_RANK = {None: 0, "ideation": 1, "plan": 2}


def _crisis_rule(c: RoomModeration) -> Rule:
    return CrisisRule(CrisisSettings(hold_ideation=c.crisis_hold_ideation, model=c.crisis_model, language=c.language))


def _anonymity_rule(c: RoomModeration) -> Rule:
    action = Action.HOLD if c.pii_action == "hold" else Action.REDACT
    return AnonymityRule(
        AnonymitySettings(phone_region=c.phone_region, action=action, language=c.language)
    )


def _abuse_rule(c: RoomModeration) -> Rule:
    return AbuseRule(AbuseSettings(
        level=c.abuse_level,
        reject_severity=c.abuse_reject_severity,
        blocked_terms=c.blocked_terms,
        blocked_patterns=compile_patterns(c.blocked_patterns),
        allowed_terms=c.allowed_terms,
        custom_action=Action.REJECT if c.blocked_action == "reject" else Action.HOLD,
    ))


def _links_rule(c: RoomModeration) -> Rule:
    return LinksRule(LinkSettings(policy=c.link_policy, allowed_domains=c.allowed_domains))


RULE_FACTORIES: dict[str, Callable[[RoomModeration], Rule]] = {
    "crisis": _crisis_rule,
    "anonymity": _anonymity_rule,
    "abuse": _abuse_rule,
    "links": _links_rule,
}


class Pipeline:
    """An ordered list of rules plus the room settings that govern how they act."""

    def __init__(
        self,
        rules: Sequence[Rule],
        *,
        dry_run: Sequence[str] = (),
        max_length: int = 4000,
        version: str = RULES_VERSION,
    ) -> None:
        self.rules = tuple(rules)
        self.dry_run = frozenset(dry_run)
        self.max_length = max_length
        self.version = version

    def check_message(self, text: str, *, exempt: bool = False) -> Verdict:
        """Moderate one chat message. ``exempt`` is for facilitators (see module doc)."""
        try:
            return self._check(text, "message", exempt)
        except Exception:  # the pipeline must never raise
            return self._internal_error(text, exempt)

    def check_name(self, name: str) -> Verdict:
        """Check a pseudonym at join: any PII, full name, handle, link or abuse rejects."""
        try:
            verdict = self._check(name, "name", False)
        except Exception:
            return self._internal_error(name, False)
        if verdict.action == Action.ALLOW:
            return verdict
        return Verdict(Action.REJECT, name, verdict.reasons, None, self.version)

    def _internal_error(self, text: str, exempt: bool) -> Verdict:
        action = Action.ALLOW if exempt else Action.HOLD
        text = text if isinstance(text, str) and len(text) <= self.max_length else ""
        reason = Reason("pipeline", "rule_error", Action.HOLD, exempt=exempt)
        return Verdict(action, text, (reason,), None, self.version)

    def _run_rule(self, rule: Rule, n: Normalized, mode: Mode) -> RuleResult:
        try:
            return rule.evaluate(n, mode)
        except Exception:  # isolate the failing rule
            action = Action.ALLOW if rule.fail_open else Action.HOLD
            return RuleResult((Finding("rule_error", action),))

    def _check(self, text: str, mode: Mode, exempt: bool) -> Verdict:
        if not isinstance(text, str):
            raise TypeError("text must be str")
        if len(text) > self.max_length:
            reason = Reason("pipeline", "too_long", Action.REJECT)
            return Verdict(Action.REJECT, "", (reason,), None, self.version)
        n = normalize(text)
        action = Action.ALLOW
        crisis: str | None = None
        why: tuple[str, ...] = ()
        reasons: list[Reason] = []
        spans: list[tuple[int, int, str]] = []
        for rule in self.rules:
            result = self._run_rule(rule, n, mode)
            dry = rule.name in self.dry_run
            seen: set[tuple[str, Action]] = set()
            for f in result.findings:
                exempted = exempt and not dry and f.action > Action.ALLOW
                if (f.code, f.action) not in seen:
                    seen.add((f.code, f.action))
                    reasons.append(
                        Reason(rule.name, f.code, f.action, dry_run=dry, exempt=exempted)
                    )
                if dry or exempt:
                    continue
                action = max(action, f.action)
                if f.action == Action.REDACT and f.span is not None:
                    spans.append((f.span[0], f.span[1], f.marker or "[removed]"))
            if not dry and _CRISIS_RANK.get(result.crisis, 0) > _CRISIS_RANK.get(crisis, 0):
                crisis = result.crisis
            if not dry and result.why and not why:
                why = result.why
        redacted = redact(text, spans) if spans else None
        if redacted is not None and len(redacted) > output_bound(len(text)):
            redacted = "[message removed]"  # redact() guarantees the bound; belt and braces
        out = redacted if action == Action.REDACT and redacted is not None else text
        return Verdict(action, out, tuple(reasons), crisis, self.version, redacted, why)


def build_pipeline(config: RoomModeration) -> Pipeline:
    """Compile a room's rules once; the result is immutable and cheap to cache per room."""
    rules = [RULE_FACTORIES[name](config) for name in config.rules]
    return Pipeline(
        rules,
        dry_run=config.dry_run,
        max_length=config.max_length,
        version=f"{RULES_VERSION}+{config.digest()}",
    )
