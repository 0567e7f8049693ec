"""Abuse rule: a severity-graded word list plus the room's own terms and patterns.

Matching is on whole words of the leetspeak-folded view, so "class", "assessment",
"Scunthorpe" and "therapist" never match. The room's ``abuse_level`` picks which severities
act; severities at or above ``reject_severity`` reject, lower ones hold. Room allow-listed
terms override any word-list hit they overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from moderation.normalize import Normalized, normalize
from moderation.rules.abuse_terms import TERMS
from moderation.rules.base import Mode
from moderation.types import Action, Finding, RuleResult

__all__ = ["AbuseSettings", "find_abuse", "AbuseRule", "term_regex", "min_severity_for_level"]

_NEGATED = re.compile(r"(?:don'?t|do\s+not|never|not|won'?t|wouldn'?t|can'?t|couldn'?t)\s*$")
# Self-talk ("I was such an idiot") and reported speech ("he told me to just get over it")
# are common in a support group; they do not make mild insults abusive.
_SELF_TALK = re.compile(
    r"\b(?:i|i'?m|im|i\s+am|i\s+was|i\s+feel|i\s+felt|me|myself)\b(?:(?!\byou|\bu\b|\bur\b)[^.!?])"
    r"{0,25}$"
)
_REPORTED = re.compile(
    r"\b(?:told|tell|tells|telling|said|says|saying|called|calls|calling)\s+"
    r"(?:me|us|him|her|them|myself)?\s*(?:to\s+|that\s+i'?m\s+|i\s+was\s+|i'?m\s+)?(?:just\s+)?$"
)
_WORD_SPLIT = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def _char_pattern(c: str, interior: bool) -> str:
    if c == "'":
        return "'?"
    if c == " ":
        return r"[\s\-_.*]*"
    if interior and c.isalpha():
        return f"[{c}*]+"  # masked letters: "f**k", "c*nt"
    if c.isalnum():
        return re.escape(c) + "+"
    return re.escape(c)


def _term_pattern(term: str) -> str:
    last = len(term) - 1
    return "".join(
        _char_pattern(c, 0 < i < last and term[i - 1] != " " and term[i + 1] != " ")
        for i, c in enumerate(term)
    )


def term_regex(terms: Iterable[str], *, suffixes: bool = True) -> re.Pattern[str] | None:
    """One whole-word regex for ``terms`` (tolerant of repeats, masks and separators)."""
    alts = sorted({t.strip().lower() for t in terms if t.strip()}, key=len, reverse=True)
    if not alts:
        return None
    body = "|".join(_term_pattern(t) for t in alts)
    suffix = "(?:s|es|ed|ing|ers?)?" if suffixes else ""
    return re.compile(rf"(?<![a-z0-9])(?:{body}){suffix}(?![a-z0-9])")


_SEVERITY_RES: dict[int, re.Pattern[str]] = {}
for _sev, _terms in TERMS.items():
    _compiled = term_regex(_terms)
    if _compiled is not None:
        _SEVERITY_RES[_sev] = _compiled


def min_severity_for_level(level: int) -> int:
    """abuse_level 0 = off, 1 acts on severity 4 only ... 4 acts on severities 1-4."""
    return 5 - level if level > 0 else 99


@dataclass(frozen=True)
class AbuseSettings:
    """Settings for the abuse rule."""

    level: int = field(default=2, metadata={"doc": "0 (off) .. 4 (strictest)."})
    reject_severity: int = field(
        default=3, metadata={"doc": "Word-list severities at or above this reject; lower hold."}
    )
    blocked_terms: tuple[str, ...] = field(
        default=(), metadata={"doc": "Room terms, matched as whole words."}
    )
    blocked_patterns: tuple[re.Pattern[str], ...] = field(
        default=(), metadata={"doc": "Validated room regexes (case-insensitive)."}
    )
    allowed_terms: tuple[str, ...] = field(
        default=(), metadata={"doc": "Terms that override any word-list hit they overlap."}
    )
    custom_action: Action = field(
        default=Action.HOLD, metadata={"doc": "What a blocked term or pattern does."}
    )


@dataclass(frozen=True)
class AbuseHit:
    """One abuse match in normalized coordinates."""

    start: int
    end: int
    code: str
    severity: int


def _spans(regex: re.Pattern[str] | None, views: tuple[str, ...]) -> list[tuple[int, int]]:
    if regex is None:
        return []
    out: list[tuple[int, int]] = []
    for view in views:
        out.extend((m.start(), m.end()) for m in regex.finditer(view))
    return out


class _Compiled:
    """Per-room compiled regexes, built once in ``AbuseRule.__init__``."""

    def __init__(self, s: AbuseSettings) -> None:
        self.blocked = term_regex(s.blocked_terms, suffixes=False)
        self.allowed = term_regex(s.allowed_terms, suffixes=False)
        self.min_sev = min_severity_for_level(s.level)


def find_abuse(n: Normalized, s: AbuseSettings, c: _Compiled | None = None) -> list[AbuseHit]:
    """Pure predicate: word-list hits at acting severities plus room terms and patterns."""
    c = c or _Compiled(s)
    low = n.lower
    views = (n.leet,) if n.leet == low else (n.leet, low)
    allowed = _spans(c.allowed, views)
    hits: list[AbuseHit] = []
    for sev, regex in _SEVERITY_RES.items():
        if sev < c.min_sev:
            continue
        for a, b in _spans(regex, views):
            if any(a < ab and aa < b for aa, ab in allowed):
                continue
            before = low[max(0, a - 40):a]
            if _NEGATED.search(before[-12:]) or _REPORTED.search(before):
                continue
            if sev <= 2 and _SELF_TALK.search(before):
                continue
            hits.append(AbuseHit(a, b, f"abuse_l{sev}", sev))
    for a, b in _spans(c.blocked, views):
        hits.append(AbuseHit(a, b, "custom_term", 0))
    for pattern in s.blocked_patterns:
        m = pattern.search(low)
        if m:
            hits.append(AbuseHit(m.start(), m.end(), "custom_pattern", 0))
    return hits


_DECORATION = re.compile(r"^[xX_.\-~*]+|[xX_.\-~*]+$")


def name_view(name: str) -> str:
    """Split a pseudonym into words, dropping gamer decoration ("xXSlurLordXx" -> "Slur Lord")."""
    core = _DECORATION.sub("", name)
    if len(core) < 3:
        core = name
    return " ".join(_WORD_SPLIT.findall(core))


class AbuseRule:
    """Thin rule wrapper. Fails open: a word-list glitch should not hold a whole room."""

    name = "abuse"
    fail_open = True

    def __init__(self, settings: AbuseSettings) -> None:
        self.settings = settings
        self._compiled = _Compiled(settings)
        self._name_settings = AbuseSettings(
            level=4, blocked_terms=settings.blocked_terms,
            blocked_patterns=settings.blocked_patterns, allowed_terms=settings.allowed_terms,
        )
        self._name_compiled = _Compiled(self._name_settings)

    def _action(self, hit: AbuseHit) -> Action:
        if hit.severity == 0:
            return self.settings.custom_action
        return Action.REJECT if hit.severity >= self.settings.reject_severity else Action.HOLD

    def evaluate(self, n: Normalized, mode: Mode) -> RuleResult:
        if mode == "name":
            hits = find_abuse(n, self._name_settings, self._name_compiled)
            hits += find_abuse(normalize(name_view(n.text)), self._name_settings,
                               self._name_compiled)
            codes = sorted({h.code for h in hits})
            return RuleResult(tuple(Finding(code, Action.REJECT) for code in codes))
        hits = find_abuse(n, self.settings, self._compiled)
        seen: set[str] = set()
        findings: list[Finding] = []
        for h in sorted(hits, key=lambda h: -h.severity):
            if h.code not in seen:
                seen.add(h.code)
                findings.append(Finding(h.code, self._action(h)))
        return RuleResult(tuple(findings))
