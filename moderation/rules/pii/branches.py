"""A large employer's branch: the chain alone identifies nobody, the branch does.

"I work at the Tesco on Mill Road", "trabajo en Mercadona de la calle Alcalá", "je bosse
chez Decathlon à Lille": the employer is on ``common_employers.txt`` (so ``orgs`` lets it
pass), but the place after it pins the author down. The employer and its location are
removed together as a ``workplace``; "I work at Tesco" alone still passes.
"""

from __future__ import annotations

import re

from moderation.normalize import Normalized
from moderation.rules.pii.numbers import Hit
from moderation.rules.pii.orgs import common_employers

__all__ = ["find_branches"]

_CAP = r"[A-Z][A-Za-z'’\-]+"
_BRANCH = re.compile(
    r"(?i:\b(?:work(?:s|ed|ing)?|job|shifts?|trabaj(?:o|a|aba)|trabalh(?:o|a|ava)|"
    r"travaill(?:e|es|ait)|boss(?:e|es|ait)|arbeite(?:t|n)?)\b(?:[ \t]+[a-z0-9'’]+){0,3}?"
    r"[ \t]+(?:at|for|in|en|na|no|em|chez|bei|im|pour|para|pra))"
    r"[ \t]+(?i:(?:the|el|la|o|a|le)[ \t]+)?"
    rf"(?P<emp>{_CAP}(?:[ \t]+{_CAP})?)"
    r"[ \t]+(?i:on|in|at|near|en|del|de|a|au|in\s+der|an\s+der|am|na|em|no|da|do)"
    r"(?:[ \t]+(?i:la|el|the))?(?:[ \t]+(?i:calle|c/|rua|avenida|av\.|rue|avenue|strasse|"
    r"str\.|road|street|high\s+street))?"
    rf"[ \t]+(?P<loc>{_CAP}(?:[ \t]+{_CAP}){{0,2}})"
)
_GATE = re.compile(r"[a-z][ \t]+[A-Z]")


def _fold(name: str) -> str:
    return re.sub(r"[^a-z0-9&]+", " ", name.lower()).strip()


def find_branches(n: Normalized) -> list[Hit]:
    """Employer + branch location hits (code ``workplace``) in normalized coordinates."""
    text = n.text
    if not _GATE.search(text):
        return []
    hits: list[Hit] = []
    for m in _BRANCH.finditer(text):
        if _fold(m.group("emp")) in common_employers():
            hits.append((m.start("emp"), m.end("loc"), "workplace"))
    return hits
