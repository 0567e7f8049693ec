"""Pure detectors for English street addresses and postcodes.

Emails, phone numbers and social handles moved to ``rules/pii/emails.py``,
``rules/pii/phones.py`` and ``rules/pii/handles.py``; ``find_emails``, ``find_phones`` and
``find_handles`` are re-exported here for existing callers.

Every detector takes a :class:`~moderation.normalize.Normalized` view and returns
``(start, end, code)`` triples in NORMALIZED coordinates; the caller maps them back.
All regexes are compiled once at import and written to stay linear (no nested unbounded
quantifiers over overlapping classes).
"""

from __future__ import annotations

import re

from moderation.normalize import Normalized
from moderation.rules.pii.emails import find_emails
from moderation.rules.pii.handles import find_handles
from moderation.rules.pii.numbers import Hit
from moderation.rules.pii.phones import find_phones

# find_emails / find_phones / find_handles live in rules/pii and are re-exported for
# existing callers.
__all__ = ["find_emails", "find_phones", "find_addresses", "find_handles", "Hit"]


# --- street addresses -------------------------------------------------------------------

_SUFFIX = (
    r"(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|"
    r"place|pl|terrace|circle|cir|parkway|pkwy|highway|hwy|close|crescent|cres|square|sq|"
    r"grove|gardens|row|mews|trail|alley|plaza|strasse|straße|rue|calle)"
)
_UNIT = r"(?:,?\s*(?:apt|apartment|unit|suite|ste|flat|#)\.?\s*#?[a-z0-9]{1,5}(?![a-z0-9]))?"
_ADDR_NUMBERED = re.compile(
    rf"(?<![\w$£€.,/:\-])(\d{{1,5}}[a-z]?),?\s+((?:[a-z0-9'.\-]+\s+){{1,4}}?){_SUFFIX}\.?"
    rf"(?![a-z]){_UNIT}"
)
_ADDR_LIVE_ON = re.compile(
    rf"(?:live|living|lives|moved|move|house|home|flat|apartment|place|stay|staying)\s+"
    rf"(?:is\s+|right\s+|now\s+)?(?:on|at|in)\s+((?:[a-z'.\-]+\s+){{1,3}}?){_SUFFIX}"
    rf"(?![a-z])"
)
_ADDR_IS = re.compile(r"(?:my|our|home|his|her|their)\s+address\s+is\s*:?\s*([^\n.!?;]{4,60})")
_UK_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z0-9]?\s?\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])"
)
_POSTCODE_CUED = re.compile(
    r"(?:postcode|post code|zip code|zipcode|zip)\s*(?:is\s*)?:?\s*([a-z0-9]{2,4}[ \-]?[a-z0-9]{2,4})"
    r"(?![a-z0-9])"
)
_US_ZIP_STATE = re.compile(
    r"(?<![A-Za-z])(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|"
    r"MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)"
    r",?\s+\d{5}(?:-\d{4})?(?!\d)"
)
_PO_BOX = re.compile(r"p\.?\s?o\.?\s+box\s+\d{1,6}")
_ADDR_STOP = frozenset(
    "the a an to down up of my your his her our their this that from on in at across along "
    "into onto over under by for with and or but miles mile km blocks block minutes mins "
    "min hours hour times steps step days weeks years months more less than just only one "
    "two three four five people kids things ways which what where when all every other "
    "is was are were be been it its i you we they me him them so very too also".split()
)
_ADDR_HINT = re.compile(
    rf"(?<![a-z]){_SUFFIX}(?![a-z])|address|p\.?\s?o\.?\s+box|post ?code|zip|"
    r"[A-Z]{2},?\s+\d{5}|[A-Z]\d[A-Z0-9]?\s?\d[A-Z]{2}"
)


def _street_words_ok(words: str) -> bool:
    toks = words.split()
    return bool(toks) and not any(t.strip(".,'") in _ADDR_STOP for t in toks)


_LIVE_WORDS = frozenset(
    "live living lives moved move house home flat apartment place stay staying".split()
)
_POSTCODE_WORDS = frozenset("postcode post zip zipcode".split())
_DIGIT = re.compile(r"\d")


def find_addresses(n: Normalized) -> list[Hit]:
    low, words = n.lower, n.words
    digit = _DIGIT.search(low) is not None
    live = not words.isdisjoint(_LIVE_WORDS)
    # Every shape but "I live on …" and "my address is …" has a digit.
    if not digit and not live and "address" not in words:
        return []
    if not _ADDR_HINT.search(low) and not _ADDR_HINT.search(n.text):
        return []
    hits: list[Hit] = []
    if live:
        for m in _ADDR_LIVE_ON.finditer(low):
            if _street_words_ok(m.group(1)):
                hits.append((m.start(1), m.end(), "address"))
    if "address" in words:
        for m in _ADDR_IS.finditer(low):
            hits.append((m.start(1), m.end(1), "address"))
    if not digit:
        return hits
    for m in _ADDR_NUMBERED.finditer(low):
        if _street_words_ok(m.group(2)):
            hits.append((m.start(), m.end(), "address"))
    if "box" in words:
        for m in _PO_BOX.finditer(low):
            hits.append((m.start(), m.end(), "address"))
    for m in _US_ZIP_STATE.finditer(n.text):
        hits.append((m.start(), m.end(), "address"))
    for m in _UK_POSTCODE.finditer(n.text):
        hits.append((m.start(), m.end(), "address"))
    if not words.isdisjoint(_POSTCODE_WORDS):
        for m in _POSTCODE_CUED.finditer(low):
            if any(c.isdigit() for c in m.group(1)):
                hits.append((m.start(1), m.end(1), "address"))
    return hits
