"""Payment card numbers and bank account numbers (IBAN).

* **card**: 13-19 digits, plain or grouped with spaces / dashes / dots, a known issuer prefix
  (Visa, Mastercard, Amex, Discover, Diners, JCB, Maestro, UnionPay) and a valid Luhn check
  digit. A longer run ("4111 1111 1111 1111 123" with the security code after it) is tried
  at each group boundary. After an order / tracking / reference word it needs a card word
  too ("order #4111…" is an order number; "card number for order 12: 4111…" is a card).
* **iban**: two letters, two check digits and 11-30 letters/digits, with or without
  spaces, valid by ``stdnum.iban`` (country length and the mod-97 check). Trailing words
  glued by the pattern are dropped one group at a time until the number validates.
"""

from __future__ import annotations

import re

from stdnum import iban, luhn

from moderation.normalize import Normalized
from moderation.rules.pii.numbers import Hit, digit_count_at_least, reference_before

__all__ = ["find_cards", "find_ibans"]

_CARD = re.compile(r"(?<![\w\-.])\d(?:[ \-.]?\d){12,22}(?![\w\-])")
# Issuer prefixes and the lengths each issuer uses (Visa, Mastercard, Amex, Diners, JCB,
# Discover, UnionPay, Maestro).
_ISSUERS: tuple[tuple[re.Pattern[str], frozenset[int]], ...] = (
    (re.compile(r"^4"), frozenset({13, 16, 19})),
    (re.compile(r"^(?:5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))"), frozenset({16})),
    (re.compile(r"^3[47]"), frozenset({15})),
    (re.compile(r"^3(?:0[0-5]|[689])"), frozenset({14, 15, 16, 17, 18, 19})),
    (re.compile(r"^35(?:2[89]|[3-8]\d)"), frozenset({16, 17, 18, 19})),
    (re.compile(r"^(?:6011|64[4-9]|65|62)"), frozenset({16, 17, 18, 19})),
    (re.compile(r"^(?:50|5[6-8]|6\d)"), frozenset({12, 13, 14, 15, 16, 17, 18, 19})),
)


def _issuer_ok(digits: str) -> bool:
    return any(p.match(digits) and len(digits) in lengths for p, lengths in _ISSUERS)

# Possessive groups: a long alphanumeric run cannot make the engine try every partition.
_CARD_CUE = re.compile(r"card|visa|mastercard|amex|credit|debit|tarjeta|cartao|carte|karte")
_IBAN = re.compile(r"(?<![a-z0-9])[a-z]{2}\d{2}(?:[ \-]?[a-z0-9]{1,4}+){3,8}+")
_IBAN_HINT = re.compile(r"(?<![a-z0-9])[a-z]{2}\d{2}")


def _card_digits(candidate: str) -> str | None:
    """The card number at the start of ``candidate`` (group boundaries), or None."""
    groups = re.findall(r"\d+", candidate)
    options = ["".join(groups[:k]) for k in range(len(groups), 0, -1)]
    if len(groups) == 1:
        options = [groups[0]]
    for digits in options:
        if 13 <= len(digits) <= 19 and _issuer_ok(digits) and luhn.is_valid(digits):
            return digits
    return None


def find_cards(n: Normalized) -> list[Hit]:
    """Payment card hits (code ``card``) in normalized coordinates."""
    low = n.lower
    if not digit_count_at_least(low, 13):
        return []
    hits: list[Hit] = []
    for m in _CARD.finditer(low):
        digits = _card_digits(m.group())
        if digits is None:
            continue
        before = low[max(0, m.start() - 32):m.start()]
        if reference_before(before) and not _CARD_CUE.search(before):
            continue  # "order #4111…": a reference number, unless a card is named
        # End the span at the last digit of the card number.
        count = 0
        end = m.start()
        for i, c in enumerate(m.group()):
            if c.isdigit():
                count += 1
                if count == len(digits):
                    end = m.start() + i + 1
                    break
        hits.append((m.start(), end, "card"))
    return hits


def find_ibans(n: Normalized) -> list[Hit]:
    """IBAN hits (code ``iban``) in normalized coordinates."""
    low = n.lower
    if not digit_count_at_least(low, 8) or not _IBAN_HINT.search(low):
        return []
    hits: list[Hit] = []
    for m in _IBAN.finditer(low):
        tokens = list(re.finditer(r"[a-z0-9]+", m.group()))
        for k in range(len(tokens), 0, -1):
            compact = "".join(t.group() for t in tokens[:k]).upper()
            if len(compact) < 15:
                break
            if len(compact) <= 34 and iban.is_valid(compact):
                hits.append((m.start(), m.start() + tokens[k - 1].end(), "iban"))
                break
    return hits

