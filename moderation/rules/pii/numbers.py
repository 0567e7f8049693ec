"""Shared helpers for number-shaped PII: hit type, digit counting, and false-alarm guards.

A run of digits is personal (a phone, an id, a card) or impersonal (a book, an order, a
dose, a price, a count, a date). The guards here look at the words just before and after a
candidate and at its own shape; every number detector consults them before it runs its
more expensive checks (phonenumbers, python-stdnum).
"""

from __future__ import annotations

import re

from stdnum import isbn

__all__ = [
    "Hit", "digits_of", "digit_count_at_least", "reference_before", "quantity_after",
    "is_isbn", "is_year", "overlaps",
]

Hit = tuple[int, int, str]

# Words that introduce a reference number rather than a personal one: orders, parcels,
# products, book pages, versions ("order #…", "model no. …", "tracking: …", "p. 212").
_REFERENCE_BEFORE = re.compile(
    r"(?<![a-z])(?:order|orders|ticket|case|ref|reference|tracking|track|invoice|isbn|issn|doi|"
    r"version|ver|v|serial|confirmation|booking|policy|claim|model|product|part|sku|item|"
    r"article|art|lot|batch|receipt|transaction|parcel|shipment|package|flight|page|pages|p|"
    r"pp|chapter|chap|ch|verse|barcode|ean|upc|asin|imei|catalog|catalogue|edition|vol|"
    r"volume|issue|pedido|referencia|seguimiento|paquete|commande|suivi|colis|bestellung|"
    r"bestellnummer|sendungsnummer|auftrag|artikel|encomenda|rastreio|produto|modelo|"
    r"modele|modell|seite|pagina|página|#)"
    r"(?:\s*(?:no|nr|num|number|numero|nummer|n[o°º]|id|code|#)\b)?\W{0,4}"
    # the number may be written in groups ("tracking 1z 999 aa1 0123 4567 84")
    r"(?:[a-z0-9]*\d[a-z0-9]*[ \-]){0,5}$"
)
# Units, currencies and count nouns right after a number ("1500000 euros", "2400000 steps").
_QUANTITY_AFTER = re.compile(
    r"^\s?(?:%|°|€|\$|£|¥|mg|mcg|ug|µg|ml|cl|g|kg|lbs?|oz|km|mi|miles?|cm|mm|ft|"
    r"steps|kcal|cal|calories|eur|euros?|usd|dollars?|gbp|pounds?|quid|pesos?|reais|real|"
    r"francs?|chf|yen|dkk|sek|nok|pln|mxn|brl|btc|people|persons|members|views|followers|"
    r"likes|subscribers|times|words|units|points|pts|copies|downloads|users|visitors|"
    r"hours|hrs|minutes|mins|seconds|secs|days|weeks|months|years)(?![a-z])"
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_DIGIT = re.compile(r"\d")


def digits_of(text: str) -> str:
    """The ASCII digits of ``text``, in order."""
    return "".join(c for c in text if "0" <= c <= "9")


def digit_count_at_least(text: str, k: int) -> bool:
    """Whether ``text`` holds at least ``k`` digits (most texts have none: one search)."""
    if _DIGIT.search(text) is None:
        return False
    return len(_DIGIT.findall(text)) >= k


def reference_before(before: str) -> bool:
    """Whether the lower-case text just before a number names a reference number."""
    return _REFERENCE_BEFORE.search(before[-32:]) is not None


def quantity_after(after: str) -> bool:
    """Whether the lower-case text right after a number is a unit, currency or count noun."""
    return _QUANTITY_AFTER.match(after[:16]) is not None


def is_isbn(candidate: str, before: str) -> bool:
    """A book number: a valid ISBN-13 (978/979), or a valid ISBN-10 written or cued as one."""
    digits = digits_of(candidate)
    if len(digits) == 13 and digits[:3] in ("978", "979"):
        return isbn.is_valid(digits)
    if len(digits) == 10 or (len(digits) == 9 and candidate.rstrip()[-1:] in "xX"):
        compact = digits if len(digits) == 10 else digits + "X"
        cued = "isbn" in before[-24:] or candidate.count("-") == 3
        return cued and isbn.is_valid(compact)
    return False


def is_year(group: str) -> bool:
    return _YEAR.match(group) is not None


def overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``a`` overlaps any of ``spans`` (half-open)."""
    return any(a[0] < e and s < a[1] for s, e in spans)
