"""All person-name detection in one place: find, extend over surnames, drop references.

1. ``rules/names.py`` (English introductions, relations, honorific + surname), plus
   ``titled.find_titled_names`` and ``titled.find_intro_names_i18n``;
2. every hit grows over the rest of its surname (``titled.extend_surnames``);
3. hits that are fictional characters or public figures (``figures``), or the source of a
   quote ("… " - Brené Brown, "as Brené Brown says"), are dropped — unless the text
   claims the name as the author's own or a relation's ("my name is Walter White").
"""

from __future__ import annotations

import re

from moderation.normalize import Normalized
from moderation.rules.names import find_names
from moderation.rules.pii.figures import is_claimed, is_public_name, is_quote_attribution
from moderation.rules.pii.intros import find_intro_names
from moderation.rules.pii.loose_names import find_loose_names
from moderation.rules.pii.numbers import Hit
from moderation.rules.pii.titled import extend_surnames, find_intro_names_i18n, find_titled_names

__all__ = ["find_people"]

# "Prof. Dr. Hans Berg": the second title is not a surname.
_TITLES = frozenset("Dr Dra Mr Mrs Ms Mx Miss Prof Sr Sra Srta Herr Frau Mme Mlle".split())

_TITLE_BEFORE = re.compile(
    r"(?:Dr|Dra|Mr|Mrs|Ms|Mx|Miss|Prof|Sr|Sra|Srta|Herr|Frau|M|Mme|Mlle|Doctor|Professor)"
    r"\.?[ \t]+$"
)


def _reference(text: str, start: int, end: int) -> bool:
    """Whether the name at ``[start, end)`` refers to a character or public figure."""
    if is_claimed(text, start):
        return False
    title = _TITLE_BEFORE.search(text[max(0, start - 12):start])
    name = text[start:end]
    if title is not None and is_public_name(title.group() + name):
        return True
    return is_public_name(name) or is_quote_attribution(text, start, end)


def find_people(n: Normalized) -> list[Hit]:
    """Full-name / surname hits (code ``full_name``) in normalized coordinates."""
    text = n.text
    hits = find_names(n) + find_titled_names(n) + find_intro_names_i18n(n) + find_intro_names(n)
    hits += find_loose_names(n)
    if not hits:
        return []
    hits = extend_surnames(text, hits)
    return [(a, b, c) for a, b, c in hits
            if text[a:b].rstrip(".") not in _TITLES and not _reference(text, a, b)]
