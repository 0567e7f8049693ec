"""Fingerprints for duplicate-message suppression.

Two messages that differ only in case, spacing, punctuation, zero-width characters,
confusable letters or repeated letters ("hiiii!!!" vs "hi"; "hello" and "helo" collide,
which is fine here) get the same fingerprint. The
fingerprint is a short hash, so the store never keeps message text for this purpose.
"""

from __future__ import annotations

import hashlib
import re

from moderation.normalize import normalize

__all__ = ["fingerprint", "canonical"]

_NON_WORD = re.compile(r"[\W_]+")
_REPEATS = re.compile(r"(.)\1+")


def canonical(text: str) -> str:
    """The comparison form of ``text`` (lower case, letters/digits, single spaces)."""
    low = normalize(text).lower
    low = _NON_WORD.sub(" ", low)
    low = _REPEATS.sub(r"\1", low)
    return " ".join(low.split())


def fingerprint(text: str, *, scope: str = "") -> str:
    """A 16-hex-digit hash of ``canonical(text)``; ``scope`` (e.g. a room id) salts it."""
    h = hashlib.blake2b(digest_size=8, person=b"hearth-dedupe")
    h.update(scope.encode("utf-8", "surrogatepass"))
    h.update(b"\x00")
    h.update(canonical(text).encode("utf-8", "surrogatepass"))
    return h.hexdigest()
