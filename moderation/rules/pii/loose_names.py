"""A full name anywhere in a sentence: a known first name + a surname-looking word.

"Yesterday Tom Hughes shouted at me", "I talked with Rachel Whitmore today", "my friend
"Kevin Walsh"": no introduction, but a common first name (``wordlists.FIRST_NAMES``)
followed by a capitalised word that is a surname (``common_surnames.txt`` or a
distinctive ending) or at least not an ordinary word, another first name or a kind of
place ("Victoria Station", "Grace Hospital") is a person. A family named with its
neighbourhood ("the Hendersons next door", "our neighbours, the Okafors") goes too.
Public figures and characters are dropped later by ``people`` (``figures``).
"""

from __future__ import annotations

import re

from moderation.normalize import Normalized
from moderation.rules.pii.intros import surname_like
from moderation.rules.pii.numbers import Hit
from moderation.rules.wordlists import COMMON_WORDS, FIRST_NAMES

__all__ = ["find_loose_names"]

_PAIR = re.compile(
    r"(?<![A-Za-z'])([A-Z][a-z]+)(?=[ \t]+((?:O'|Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b)"
)
# Capitalised words that follow a first name without being a surname.
_NOT_SURNAME = frozenset("""
street st road rd lane avenue ave drive way close crescent place square station line park
hall house palace bridge gardens garden court centre center bay beach hill hills mount
mountain river lake island gate market stadium arena airport theatre theater museum
library clinic hospital school college university academy church chapel cathedral
primary high infirmary memorial trust foundation ward unit wing road's day days week
month eve night morning birthday wedding christmas easter baby babies award awards
cup prize prime plus pro max mini app apps show series movie film book books song album
tour concert fest festival club league team fc united city county hotel inn pub bar cafe
shop store mall tower towers court's fund group ltd inc co company bank
""".split())
_FAMILY = re.compile(
    r"\b(?:the|neighbou?rs,?[ \t]+the)[ \t]+([A-Z][a-z]{2,}s)(?=[ \t]+(?:next[ \t]+door|"
    r"across[ \t]+the|upstairs|downstairs|down[ \t]+the|up[ \t]+the|two[ \t]+doors|"
    r"opposite|from[ \t]+(?:church|work|school)))"
)


def _surname(last: str) -> bool:
    w = last.lower()
    if w in FIRST_NAMES or w in COMMON_WORDS or w in _NOT_SURNAME or len(w) < 3:
        return surname_like(last.replace("-", "")) and w not in FIRST_NAMES
    return True


def find_loose_names(n: Normalized) -> list[Hit]:
    """First name + surname pairs (code ``full_name``) in normalized coordinates."""
    hits: list[Hit] = []
    text = n.text
    for m in _PAIR.finditer(text):
        first, last = m.group(1), m.group(2)
        if first.lower() in FIRST_NAMES and _surname(last):
            hits.append((m.start(), m.end(2), "full_name"))
    if "the" in n.words:
        for m in _FAMILY.finditer(text):
            hits.append((m.start(1), m.end(1), "full_name"))
    return hits
