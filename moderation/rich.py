"""Sanitize the tiny rich-text subset messages may carry.

Allowed: b, i, em, strong, p, br, ul, ol, li, and a with an http(s) href; every link gets
``rel="nofollow noopener"``. Everything else is stripped (tags removed, text kept, so
``<script>`` becomes inert text). One module-level ``Cleaner`` is built at import and reused:
bleach compiles its parser state once. The server is single-threaded per process; if that
ever changes, give each thread its own ``Cleaner``.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import bleach

if TYPE_CHECKING:
    from html5lib.filters.base import Filter  # typed by types-html5lib
else:  # at runtime bleach uses its vendored html5lib
    from bleach.html5lib_shim import Filter

__all__ = ["sanitize_rich", "ALLOWED_TAGS", "MAX_RICH_LENGTH"]

ALLOWED_TAGS = frozenset({"b", "i", "em", "strong", "a", "ul", "ol", "li", "p", "br"})
MAX_RICH_LENGTH = 20_000


class _LinkRelFilter(Filter):
    """Force rel="nofollow noopener" on every anchor (runs after sanitizing)."""

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for token in super().__iter__():
            if token.get("type") == "StartTag" and token.get("name") == "a":
                attrs = dict(token.get("data") or {})
                attrs[(None, "rel")] = "nofollow noopener"
                token["data"] = attrs
            yield token


_CLEANER = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes={"a": ["href", "rel"]},
    protocols=["http", "https"],
    strip=True,
    strip_comments=True,
    filters=[_LinkRelFilter],
)


def sanitize_rich(markup: str) -> str:
    """Return ``markup`` reduced to the allowed subset (never raises on a ``str``)."""
    if len(markup) > MAX_RICH_LENGTH:
        markup = markup[:MAX_RICH_LENGTH]
    try:
        return _CLEANER.clean(markup)
    except Exception:  # bleach should not raise; if it does, fall back to escaped text
        return html.escape(markup, quote=False)
