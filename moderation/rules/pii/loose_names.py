"""A full name anywhere in a sentence: a known first name + a listed surname.

"Yesterday Tom Hughes shouted at me", "ran into Sarah Kowalski": no introduction, but a
common first name (``wordlists.FIRST_NAMES``) followed by a capitalised surname on
``common_surnames.txt`` (or with a distinctive surname ending) is a person. Public
figures and characters are dropped later by ``people`` (``figures``).
"""

from __future__ import annotations

import re

from moderation.normalize import Normalized
from moderation.rules.pii.intros import surname_like
from moderation.rules.pii.numbers import Hit
from moderation.rules.wordlists import FIRST_NAMES

__all__ = ["find_loose_names"]

_PAIR = re.compile(
    r"(?<![A-Za-z'])([A-Z][a-z]+)(?=[ \t]+((?:O'|Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b)"
)


def find_loose_names(n: Normalized) -> list[Hit]:
    """First name + surname pairs (code ``full_name``) in normalized coordinates."""
    hits: list[Hit] = []
    for m in _PAIR.finditer(n.text):
        first, last = m.group(1), m.group(2)
        if first.lower() in FIRST_NAMES and last.lower() not in FIRST_NAMES \
                and surname_like(last.replace("-", "")):
            hits.append((m.start(), m.end(2), "full_name"))
    return hits
