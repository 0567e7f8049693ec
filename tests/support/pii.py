"""Helpers for the anonymity tests: what a room in a given language would show."""

from __future__ import annotations

from functools import lru_cache

from moderation import Action, Pipeline, RoomModeration, build_pipeline

__all__ = ["shown", "unchanged"]


@lru_cache(maxsize=8)
def _pipeline(language: str) -> Pipeline:
    return build_pipeline(RoomModeration(rules=("anonymity", "links"), language=language))


def shown(text: str, language: str = "en") -> str:
    """The text the group would see (identifying parts replaced by markers)."""
    return _pipeline(language).check_message(text).text


def unchanged(text: str, language: str = "en") -> bool:
    """Whether the message passes as written."""
    v = _pipeline(language).check_message(text)
    return v.action == Action.ALLOW and v.text == text
