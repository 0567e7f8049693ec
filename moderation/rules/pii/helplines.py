"""National support and emergency lines: public numbers, never personal ones.

A support-group chat shares these all the time ("Samaritans are on 116 123", "appelez le
3114", "liga pro CVV 188"); removing them would hide help. A candidate whose digits (with
or without a leading international prefix) are one of these numbers is not a phone.
The list covers the rooms' countries (US, CA, UK, IE, AU, ES, MX, PT, BR, FR, BE, DE, AT,
CH, NL) and is matched on digits only, so any spacing or dashes pass.
"""

from __future__ import annotations

from moderation.rules.pii.numbers import digits_of

__all__ = ["is_helpline"]

_LINES = frozenset("""
988 911 999 112 111 116123 116111 116000 116117 116006 116016 85258 741741 686868
18002738255 18007997233 18006624357 18006686868 18334564566 8002738255 8007997233
08001111 08000684141 08081689111 08082000247 08005858 08000119100 03001233393
08088010677 08001110111 08001110222 08001110550 08004567890
1800247247 1800804848 1800201010 131114 1300224636 1800551800 1800737732 1300659467
024 717003717 900202010 8009112000 8002902400 5552598121 116117
213544545 808242424 225506070 800202669 188 141 199
3114 0972394050 0800235236 0800323123 1813 1812 107 143 147 142 0800333444
113 08000113 09000767
""".split())


def is_helpline(candidate: str) -> bool:
    """Whether the digits of ``candidate`` are a national support or emergency line."""
    digits = digits_of(candidate)
    if digits in _LINES:
        return True
    for prefix in ("1", "44", "353", "61", "34", "52", "351", "55", "33", "32", "49", "43",
                   "41", "31"):
        if candidate.lstrip().startswith("+") and digits.startswith(prefix):
            rest = digits[len(prefix):]
            if rest in _LINES or "0" + rest in _LINES:
                return True
    return False
