"""Phone numbers in international and local writing.

Candidates are digit runs (7-15 digits, common separators, ``+``, parentheses, letters
standing in for digits like ``53O9``, German ``030/1234567``) found after normalization
has turned spelled-out digits ("five five five", "oh", "double seven") into digits.
Impersonal numbers are excluded first (dates, years, times, prices, doses, counts,
thousands separators, ISBNs, and numbers introduced by an order/model/page word unless
they are written like a phone number). Then:

* a ``+`` prefix with 8+ digits, or 10+ digits, is a phone;
* 7-9 digits need a US local shape (``555 1234``), ``phonenumbers.is_possible_number``
  in the room's own region, ``is_valid_number`` in one of the regions the room's language
  implies, or a distinctive Spanish / Portuguese / Brazilian mobile grouping that is a
  valid number there. ``phonenumbers`` only runs on such short candidates.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from moderation.normalize import Normalized
from moderation.rules.pii.helplines import is_helpline
from moderation.rules.pii.numbers import (
    Hit,
    digit_count_at_least,
    digits_of,
    is_isbn,
    is_year,
    quantity_after,
    reference_before,
)

__all__ = ["find_phones", "is_phone", "warm_up"]

_PHONE_CANDIDATE = re.compile(
    r"(?<![\w$£€¥.,/:+\-])(?:\+\s?)?\(?\d(?:[ \t().\-]{0,3}\d){5,16}(?![\w%°/:])"
)
_SLASH_PHONE = re.compile(r"(?<![\w/.])0\d{1,4}\s?/\s?\d{3,8}(?:[ \-]\d{2,5}){0,2}(?![\w/])")
_DATE_SHAPE = re.compile(r"^\(?\d{1,4}[-. /]\d{1,2}[-. /]\d{1,4}\)?$")
_PHONE_SHAPE = re.compile(r"^\+|^\(?\d{3}\)?[ .\-]?\d{3}[ .\-]\d{4}$")
_US_LOCAL = re.compile(r"^\d{3}[ .\-]\d{4}$")
_THOUSANDS = re.compile(r"^\d{1,2}(?:\.\d{3})+$|^\d{1,3}(?:,\d{3})+$|^[1-9]\d?(?: \d{3})+$")
# Distinctive local mobile groupings: Spain 6xx xx xx xx / 6xx xxx xxx, Portugal
# 9xx xxx xxx, Brazil 9xxxx-xxxx (without the area code).
_LOCAL_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^[6789]\d{2}(?:[ .\-]\d{2}){3}$|^[6789]\d{2}(?:[ .\-]\d{3}){2}$"), "ES"),
    (re.compile(r"^[29]\d{2}(?:[ .\-]\d{3}){2}$"), "PT"),
    (re.compile(r"^9\d{4}-\d{4}$"), "BR"),
)
_LETTER_DIGITS = re.compile(r"(?<=\d)[oil](?=\d)|(?<=\d\d)o(?![a-z])")
_LETTER_DIGIT_MAP = {"o": "0", "i": "1", "l": "1"}


@lru_cache(maxsize=1024)
def _number_ok(cand: str, region: str, strict: bool) -> bool:
    try:
        parsed = phonenumbers.parse(cand, region)
    except phonenumbers.NumberParseException:
        return False
    if strict:
        return bool(phonenumbers.is_valid_number(parsed))
    return bool(phonenumbers.is_possible_number(parsed))


def warm_up(regions: tuple[str, ...]) -> None:
    """Load phonenumbers' metadata for ``regions`` (and the local-shape ones) up front."""
    for region in (*regions, *(r for _, r in _LOCAL_SHAPES)):
        _number_ok("612345678", region, True)


def _impersonal(cand: str, stripped: str, groups: list[str], before: str, after: str) -> bool:
    shaped = _PHONE_SHAPE.match(stripped) is not None
    if quantity_after(after) and not shaped:
        return True  # "1500000 euros", "2400000 steps"
    if reference_before(before) and not shaped:
        return True  # "order #12345678", "p. 1234567", unless written like a phone
    if len(groups) >= 2 and all(is_year(g) for g in groups):
        return True  # "2019 2020", "1998-2004"
    if _DATE_SHAPE.match(stripped) and any(is_year(g) for g in groups):
        return True  # 2024-05-12, 12.05.2024, 12/05/2024
    if _THOUSANDS.match(stripped):
        return True  # 1.234.567, 1,234,567, 12 345 678
    return is_isbn(cand, before)


def is_phone(cand: str, before: str, after: str, regions: tuple[str, ...]) -> bool:
    """Whether one candidate digit run is a phone number (see the module docstring)."""
    digits = digits_of(cand)
    nd = len(digits)
    if nd < 7 or nd > 15:
        return False
    stripped = cand.strip()
    groups = re.findall(r"\d+", cand)
    if _impersonal(cand, stripped, groups, before, after) or is_helpline(stripped):
        return False
    if stripped.startswith("+"):
        return nd >= 8
    if nd >= 10:
        return True
    if len(groups) == 1 and digits.endswith("000"):
        return False  # 1000000: a count, not a phone
    if _US_LOCAL.match(stripped):
        return True
    if regions and _number_ok(stripped, regions[0], False):
        return True
    for region in regions[1:]:
        if _number_ok(stripped, region, True):
            return True
    for shape, region in _LOCAL_SHAPES:
        if region not in regions and shape.match(stripped) and _number_ok(stripped, region, True):
            return True
    return False


def find_phones(n: Normalized, regions: str | tuple[str, ...]) -> list[Hit]:
    """Phone hits in normalized coordinates; ``regions[0]`` is the room's own region."""
    if isinstance(regions, str):
        regions = (regions,)
    low = n.lower
    if not digit_count_at_least(low, 6):
        return []
    # "555 867 53O9": letters standing in for digits inside a number (same length).
    low = _LETTER_DIGITS.sub(lambda m: _LETTER_DIGIT_MAP[m.group()], low)
    if not digit_count_at_least(low, 7):
        return []
    hits: list[Hit] = []
    for m in _PHONE_CANDIDATE.finditer(low):
        cand = m.group()
        # Trim a trailing ")" that belongs to the prose, not the number.
        end = m.end()
        if cand.endswith(")") and cand.count("(") < cand.count(")"):
            end -= 1
            cand = cand[:-1]
        before = low[max(0, m.start() - 32):m.start()]
        if is_phone(cand, before, low[end:end + 16], regions):
            hits.append((m.start(), end, "phone"))
    if "/" in low:
        for m in _SLASH_PHONE.finditer(low):
            before = low[max(0, m.start() - 32):m.start()]
            if len(digits_of(m.group())) >= 7 and not reference_before(before):
                hits.append((m.start(), m.end(), "phone"))
    return hits
