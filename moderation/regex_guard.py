"""Validation of room-supplied regular expressions.

Facilitators may add a few patterns of their own. Python's ``re`` backtracks, so a careless
pattern like ``(a+)+$`` can take exponential time on a hostile message and stall the event
loop. We bound the count and length, refuse backreferences, empty matches and nested
unbounded quantifiers (the classic catastrophic shape). This is best effort, not a proof:
see docs/moderation.md.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from typing import Any

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants
    import sre_parse

__all__ = ["MAX_PATTERNS", "MAX_PATTERN_LENGTH", "compile_patterns", "check_pattern"]

MAX_PATTERNS = 20
MAX_PATTERN_LENGTH = 200
_LARGE = 50  # a bounded repeat above this counts as unbounded for nesting purposes

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
_POSSESSIVE = getattr(sre_constants, "POSSESSIVE_REPEAT", None)
if _POSSESSIVE is not None:
    _REPEATS.add(_POSSESSIVE)


def _children(op: Any, av: Any) -> list[Any]:
    """Sub-patterns nested in one parsed node."""
    if op in _REPEATS:
        return [av[2]]
    if op == sre_constants.SUBPATTERN:
        return [av[-1]]
    if op == sre_constants.BRANCH:
        return list(av[1])
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return [av[1]]
    if op == getattr(sre_constants, "ATOMIC_GROUP", object()):
        return [av]
    if op == sre_constants.GROUPREF_EXISTS:
        return [p for p in av[1:] if p is not None]
    return []


def _has_unbounded(sub: Any) -> bool:
    for op, av in sub:
        if op in _REPEATS and av[1] > _LARGE:
            return True
        if any(_has_unbounded(c) for c in _children(op, av)):
            return True
    return False


def _has_branch(sub: Any) -> bool:
    for op, av in sub:
        if op == sre_constants.BRANCH:
            return True
        if any(_has_branch(c) for c in _children(op, av)):
            return True
    return False


def _problem(sub: Any) -> str | None:
    for op, av in sub:
        if op in (sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS):
            return "backreferences are not allowed"
        if op in _REPEATS and av[1] > 1 and _has_unbounded(av[2]):
            return "nested quantifiers like (a+)+ may take exponential time"
        if op in _REPEATS and av[1] > _LARGE and _has_branch(av[2]):
            return "a repeated alternation like (a|ab)* may take exponential time"
        for child in _children(op, av):
            found = _problem(child)
            if found:
                return found
    return None


def check_pattern(pattern: str) -> re.Pattern[str]:
    """Compile one room pattern or raise ``ValueError`` saying what is wrong with it."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise ValueError("blocked_patterns: patterns must be non-empty strings")
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise ValueError(
            f"blocked_patterns: pattern longer than {MAX_PATTERN_LENGTH} characters"
        )
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except (re.error, RecursionError, OverflowError) as exc:
        raise ValueError(f"blocked_patterns: {pattern!r} does not compile: {exc}") from None
    problem = _problem(parsed)
    if problem:
        raise ValueError(f"blocked_patterns: {pattern!r} rejected: {problem}")
    if compiled.search("") is not None:
        raise ValueError(f"blocked_patterns: {pattern!r} matches the empty string")
    return compiled


def compile_patterns(patterns: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """Validate and compile a room's patterns (at most ``MAX_PATTERNS``)."""
    items = tuple(patterns)
    if len(items) > MAX_PATTERNS:
        raise ValueError(f"blocked_patterns: at most {MAX_PATTERNS} patterns are allowed")
    return tuple(check_pattern(p) for p in items)
