"""Pure detection of full names and surnames in self-introductions.

First names alone are fine in an anonymous room ("I'm Sarah", "hi Tom"); a first name plus
a surname, or a surname on its own ("my last name is Nguyen"), is identifying. Without a
name gazetteer we rely on introduction phrases, capitalization and a short list of common
first names; see docs/moderation.md for the limits.
"""

from __future__ import annotations

import re

from moderation.normalize import Normalized
from moderation.rules.wordlists import FIRST_NAMES, NOT_A_NAME

__all__ = ["find_names", "looks_like_full_name"]

Hit = tuple[int, int, str]

# Words after "I'm" / "call me" that are not a surname either ("I'm Mexican American",
# "call me Sam please").
_STOP = NOT_A_NAME | frozenset("""
please pls plz american british english irish scottish welsh canadian australian mexican
spanish french german italian portuguese brazilian indian chinese japanese korean african
asian latina latino jewish muslim christian catholic hindu sikh buddhist atheist
""".split())

_TOKEN = r"([A-Za-z][A-Za-z'\-]{0,30})"
_SURNAME = re.compile(
    rf"(?:last|sur|family|maiden|second)\s?name\s*(?:is|'s|was|:|=|-)?\s*{_TOKEN}"
    rf"(?:[ \t]+{_TOKEN})?",
    re.IGNORECASE,
)
_SURNAME_AFTER = re.compile(
    rf"{_TOKEN}\s+is\s+my\s+(?:last|sur|family|maiden)\s?name", re.IGNORECASE
)
# Strong intros: whatever follows is a name.
_STRONG = re.compile(
    rf"(?:(?:full|real|legal|actual|whole|birth)?\s*name\s*(?:is|'s|:|=)|name's|"
    rf"i'?m\s+called|i\s+am\s+called|call\s+me|i\s+go\s+by|known\s+as|named)\s+"
    rf"{_TOKEN}(?:[ \t]+{_TOKEN})?(?:[ \t]+{_TOKEN})?",
    re.IGNORECASE,
)
# Weak intros: only a name if the tokens look like one.
_WEAK = re.compile(
    rf"(?<![a-z])(?:i'?m|i\s+am|this\s+is|it'?s(?:\s+me)?|signed|regards|cheers|-|~)\s*,?\s+"
    rf"{_TOKEN}[ \t]+{_TOKEN}(?:[ \t]+{_TOKEN})?",
    re.IGNORECASE,
)
_RELATION = re.compile(
    r"(?<![A-Za-z])(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er)\s+(?:ex|boss|husband|wife|partner|boyfriend|"
    r"girlfriend|mum|mom|dad|father|mother|brother|sister|son|daughter|therapist|doctor|"
    r"counsell?or|teacher|manager|friend|best\s+friend|neighbou?r|landlord|abuser|uncle|aunt|"
    r"cousin|stepdad|stepmom|stepmum|coworker|colleague)(?:\s*,|\s+is)?\s+"
    r"([A-Z][a-z'\-]+)\s+([A-Z][a-z'\-]+)"
)
_CAMEL = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")
_HONORIFIC = re.compile(r"(?<![A-Za-z])(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof)\.?\s+([A-Z][a-z'\-]{1,30})")
# Substrings each pattern needs (in the lower-case view): cheap pre-filters.
_STRONG_WORDS = ("called", "call me", "go by", "known as")
_WEAK_WORDS = ("im", "i'm", "i am", "this is", "it's", "its", "signed", "regards", "cheers", "-", "~")
_RELATION_WORDS = ("my", "our", "his", "her")
_TITLE_WORDS = ("dr", "mr", "ms", "mx", "miss", "prof")
# The weak and relation patterns need a capitalised word after a lower-case one, or a
# known first name ("i'm jake morrison").
_CAP_AFTER = re.compile(r"[a-z,'~\-][ \t]+[A-Z][a-z]")


def _is_word(tok: str | None) -> bool:
    return tok is None or tok.lower().strip("'-") in _STOP or len(tok.strip("'-")) < 2


def _cap(tok: str) -> bool:
    return tok[:1].isupper() and not tok.isupper() or (tok.isupper() and len(tok) > 1)


def _first_name(tok: str) -> bool:
    return tok.lower() in FIRST_NAMES


def find_names(n: Normalized) -> list[Hit]:
    """Spans (normalized coordinates) of surnames / full names in introductions."""
    text, low = n.text, n.lower
    hits: list[Hit] = []
    # Each pattern runs only when a word it needs occurs (plain substring tests are far
    # cheaper than scanning every position with a case-insensitive alternation).
    has_name = "name" in low
    for m in _SURNAME.finditer(text) if has_name else ():
        if not _is_word(m.group(1)):
            end = m.end(2) if m.group(2) and not _is_word(m.group(2)) else m.end(1)
            hits.append((m.start(1), end, "full_name"))
    for m in _SURNAME_AFTER.finditer(text) if has_name and "is my" in low else ():
        if not _is_word(m.group(1)):
            hits.append((m.start(1), m.end(1), "full_name"))
    strong = has_name or any(w in low for w in _STRONG_WORDS)
    for m in _STRONG.finditer(text) if strong else ():
        first, second, third = m.group(1), m.group(2), m.group(3)
        if not _is_word(first) and _CAMEL.match(first):
            hits.append((m.start(1), m.end(1), "full_name"))  # "SarahKowalski"
            continue
        if _is_word(first) or _is_word(second):
            continue
        end = m.end(3) if third and not _is_word(third) else m.end(2)
        hits.append((m.start(1), end, "full_name"))
    named = not n.words.isdisjoint(FIRST_NAMES) or _CAP_AFTER.search(text) is not None
    weak = named and any(w in low for w in _WEAK_WORDS)
    for m in _WEAK.finditer(text) if weak else ():
        first, second, third = m.group(1), m.group(2), m.group(3)
        if _is_word(first) or _is_word(second):
            continue
        if not (_first_name(first) or (_cap(first) and _cap(second))):
            continue
        end = m.end(3) if third and not _is_word(third) and _cap(third) else m.end(2)
        hits.append((m.start(1), end, "full_name"))
    relation = named and any(w in low for w in _RELATION_WORDS)
    for m in _RELATION.finditer(text) if relation else ():
        if not (_is_word(m.group(1)) or _is_word(m.group(2))):
            hits.append((m.start(1), m.end(2), "full_name"))
    for m in _HONORIFIC.finditer(text) if any(w in low for w in _TITLE_WORDS) else ():
        if not _is_word(m.group(1)):
            hits.append((m.start(1), m.end(1), "full_name"))
    return hits


_SPLIT = re.compile(r"[A-Z]?[a-z']+|[A-Z]+(?![a-z])")


def looks_like_full_name(name: str) -> bool:
    """Whether a pseudonym looks like a real first + last name ("Jane Doe", "jane_doe")."""
    tokens = [t for t in _SPLIT.findall(name) if t]
    for a, b in zip(tokens, tokens[1:], strict=False):
        if _first_name(a) and len(b) >= 2 and b.lower() not in NOT_A_NAME:
            return True
    return False
