"""Names that identify nobody in the room: fictional characters and quoted public figures.

The list lives in ``moderation/data/public_names.txt``. A name hit is kept anyway when the
text presents it as someone's own or a relation's name ("my name is Walter White", "my
ex, Michael Scott"): the allow-list only covers references, quotes and comparisons. A name
right after a quotation ("… " - Brené Brown) or introduced as a source ("as X says",
"X wrote", "according to X") is a quote attribution, not a sign-off.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

__all__ = ["name_key", "public_names", "is_public_name", "is_quote_attribution", "is_claimed"]

_TITLES = {
    "doctor": "dr", "dra": "dr", "mister": "mr", "missus": "mrs", "professor": "prof",
    "sr": "mr", "sra": "mrs", "herr": "mr", "frau": "mrs", "m": "mr", "mme": "mrs",
}
_FOLD = re.compile(r"[.\-_'’]+")


def name_key(name: str) -> str:
    """Canonical lookup key: lower case, dots/hyphens/apostrophes folded, titles unified."""
    words = _FOLD.sub(" ", name.lower()).split()
    return " ".join(_TITLES.get(w, w) if i == 0 else w for i, w in enumerate(words))


@lru_cache(maxsize=1)
def public_names() -> frozenset[str]:
    """Keys of every listed name of two or more words (accents folded to ASCII)."""
    from moderation.normalize import normalize  # same folding as the text we match

    raw = resources.files("moderation").joinpath("data/public_names.txt").read_text("utf-8")
    keys = set()
    for line in raw.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key = name_key(normalize(line).text)
            if len(key.split()) >= 2:
                keys.add(key)
    return frozenset(keys)


def is_public_name(name: str) -> bool:
    """Whether ``name`` (normalized text, with or without a title) is on the list."""
    key = name_key(name)
    names = public_names()
    if key in names:
        return True
    words = key.split()
    return len(words) >= 3 and " ".join(words[1:]) in names  # "Dr. Brene Brown"


# The name is claimed as a member's own or a relation's: never treat it as a reference.
_CLAIM = re.compile(
    r"(?:(?:my|full|real|legal|last|sur|family|maiden)\s?name\s*(?:is|'s|:|=|-)?|name's|"
    r"i'?m\s+called|call\s+me|i\s+go\s+by|(?:my|our|his|her)\s+(?:ex|boss|husband|wife|"
    r"partner|boyfriend|girlfriend|mum|mom|dad|father|mother|brother|sister|son|daughter|"
    r"therapist|doctor|counsell?or|teacher|manager|friend|neighbou?r|landlord|abuser|uncle|"
    r"aunt|cousin|coworker|colleague)(?:\s*,|\s+is)?)\s*$",
    re.IGNORECASE,
)
_SOURCE_BEFORE = re.compile(
    r"(?:\bas|\blike|according\s+to|quote\s+(?:from|by)|quoting|in\s+the\s+words\s+of|"
    r"(?:book|podcast|talk|ted\s+talk|video|show|episode|interview)\s+(?:by|with|from))\s+$",
    re.IGNORECASE,
)
_SOURCE_AFTER = re.compile(
    r"^(?:'s\s+(?:book|podcast|quote|talk|work|advice|theory|method)|\s+(?:says|said|"
    r"wrote|writes|put\s+it|puts\s+it|would\s+say|once\s+said|talks\s+about))",
    re.IGNORECASE,
)
_QUOTE_BEFORE = re.compile(r"[\"”»]\s*[\-~—–]*\s*$")


def is_claimed(text: str, start: int) -> bool:
    """Whether the words before ``start`` present the name as the author's or a relation's."""
    return _CLAIM.search(text[max(0, start - 40):start]) is not None


def is_quote_attribution(text: str, start: int, end: int) -> bool:
    """Whether the name at ``[start, end)`` is the source of a quote or an idea."""
    before = text[max(0, start - 40):start]
    if _QUOTE_BEFORE.search(before):
        return True
    if _SOURCE_BEFORE.search(before) and _SOURCE_AFTER.match(text[end:end + 30]):
        return True
    return False
