"""Replace spans of the original text with markers, with a hard bound on output length.

Spans come from rules already mapped back to original coordinates. Overlapping or touching
spans merge (the longest contributor names the marker), so a matched span can never survive
partially. The output is at most ``output_bound(len(text))`` characters: markers are
shortened, and as a last resort the whole text becomes one marker.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["redact", "output_bound", "SHORT_MARKER", "WHOLE_MARKER"]

SHORT_MARKER = "[removed]"
WHOLE_MARKER = "[message removed]"


def output_bound(n: int) -> int:
    """Maximum length of any verdict text for an input of ``n`` characters."""
    return max(2 * n, n + 200)


def _merge(spans: Iterable[tuple[int, int, str]], n: int) -> list[tuple[int, int, str]]:
    merged: list[tuple[int, int, str, int]] = []  # start, end, marker, longest contributor
    for start, end, marker in sorted((max(0, a), min(n, b), m) for a, b, m in spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            ms, me, mm, longest = merged[-1]
            if end - start > longest:
                mm, longest = marker, end - start
            merged[-1] = (ms, max(me, end), mm, longest)
        else:
            merged.append((start, end, marker, end - start))
    return [(a, b, m) for a, b, m, _ in merged]


def _apply(text: str, spans: list[tuple[int, int, str]], short: bool) -> str:
    parts: list[str] = []
    pos = 0
    for start, end, marker in spans:
        parts.append(text[pos:start])
        parts.append(SHORT_MARKER if short else marker)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def redact(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """``text`` with every span replaced by its marker (bounded, see module docstring)."""
    merged = _merge(spans, len(text))
    if not merged:
        return text
    bound = output_bound(len(text))
    out = _apply(text, merged, short=False)
    if len(out) > bound:
        out = _apply(text, merged, short=True)
    if len(out) > bound:
        out = WHOLE_MARKER
    return out
