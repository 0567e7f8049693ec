"""Links rule: URLs are redacted by default (they identify people and carry spam).

Finds scheme URLs, ``www.`` hosts, bare domains with a common TLD, spelled-out domains
("mysite dot com") and bare domains under any other public suffix (``domains.py``, checked
against an offline Public Suffix List). Domains on the room's allow-list (e.g. a crisis
line's site) pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from moderation.normalize import Normalized
from moderation.rules.base import Mode
from moderation.rules.domains import find_bare_domains, warm_up
from moderation.types import Action, Finding, RuleResult

__all__ = ["LinkSettings", "find_links", "LinksRule", "LINK_POLICIES"]

LINK_POLICIES: dict[str, Action] = {
    "allow": Action.ALLOW,
    "redact": Action.REDACT,
    "hold": Action.HOLD,
    "reject": Action.REJECT,
}

# Bare domains ("example.com") only count with a TLD that rarely ends an English word
# glued to the next one ("end.to be honest" must not become a link).
_TLD = (
    r"(?:com|net|org|edu|gov|io|co|app|dev|ly|gg|tv|info|biz|xyz|site|online|uk|us|ca|"
    r"au|de|fr|nl|ie|nz|ru|jp|br|es|ch|se|link|blog|shop|store|social|fm|cc|club|tk|gl|gd)"
)
_URL = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'`]+"
    rf"|(?<![@\w.\-])[a-z0-9][a-z0-9\-]{{0,62}}(?:\.[a-z0-9\-]{{1,63}}){{0,4}}\.{_TLD}"
    r"(?![a-z0-9\-])(?:[/?#][^\s<>\"'`]*)?"
    r"|(?<![@\w.\-])[a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9\-]{1,63}){0,3}\.[a-z]{2,6}/[^\s<>\"'`]+"
    rf"|(?<![\w])[a-z0-9\-]{{2,63}}(?:\s+dot\s+[a-z0-9\-]{{1,63}}){{0,3}}\s+dot\s+{_TLD}(?![a-z])"
)
_HINT = re.compile(rf"://|www\.|\.{_TLD}(?![a-z0-9\-])|\bdot\s+{_TLD}\b|\.[a-z]{{2,6}}/")
_HOST = re.compile(r"^(?:[a-z]+://)?(?:www\.)?([^/?#:\s]+)")
_TRAILING = ".,;:!?)]}'\""


@dataclass(frozen=True)
class LinkSettings:
    """Settings for the links rule."""

    policy: str = field(
        default="redact", metadata={"doc": "allow | redact | hold | reject for any link."}
    )
    allowed_domains: tuple[str, ...] = field(
        default=(),
        metadata={"doc": "Domains (and their subdomains) that are always allowed."},
    )


def _allowed(url: str, allowed: tuple[str, ...]) -> bool:
    if not allowed:
        return False
    m = _HOST.match(url)
    host = m.group(1) if m else ""
    return any(host == d or host.endswith("." + d) for d in allowed)


def find_links(n: Normalized, allowed_domains: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Pure predicate: spans (normalized coordinates) of links not on the allow-list."""
    low = n.lower
    found: list[tuple[int, int]] = []
    if _HINT.search(low):
        found.extend((m.start(), m.end()) for m in _URL.finditer(low))
    # Any other public suffix ("jane-doe.ai", "janedoe.page"), checked offline.
    found.extend(find_bare_domains(n.text, low))
    spans: list[tuple[int, int]] = []
    for start, end in found:
        while end > start and low[end - 1] in _TRAILING:
            end -= 1
        if end - start < 4:
            continue
        if _allowed(low[start:end], allowed_domains):
            continue
        spans.append((start, end))
    return sorted(set(spans))


class LinksRule:
    """Thin rule wrapper. Fails closed: an unchecked link could carry an identity."""

    name = "links"
    fail_open = False

    def __init__(self, settings: LinkSettings) -> None:
        self.settings = settings
        self.action = LINK_POLICIES[settings.policy]
        warm_up()  # load the public-suffix snapshot at build time, not on a message

    def evaluate(self, n: Normalized, mode: Mode) -> RuleResult:
        spans = find_links(n, self.settings.allowed_domains)
        if mode == "name":
            return RuleResult((Finding("url", Action.REJECT),) if spans else ())
        if self.action == Action.ALLOW:
            return RuleResult()
        return RuleResult(tuple(
            Finding("url", self.action, n.to_original(a, b), "[link removed]") for a, b in spans
        ))
