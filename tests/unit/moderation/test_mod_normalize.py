from __future__ import annotations

import pytest

from moderation.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ｊａｎｅ＠ｇｍａｉｌ．ｃｏｍ", "jane@gmail.com"),  # fullwidth (NFKC)
        ("k\u200bi\u200bl\u200bl", "kill"),  # zero-width stripped
        ("Ѕаrаh", "Sarah"),  # Cyrillic confusables
        ("café", "cafe"),  # accents folded
        ("j a n e", "jane"),  # spaced letters
        ("k.i.l.l", "kill"),  # dotted letters
        ("five five five one two three four", "5551234"),  # spelled-out digits
        ("𝐣𝐚𝐧𝐞", "jane"),  # mathematical alphanumerics
        ("I’m", "I'm"),  # curly apostrophe
    ],
)
def test_normalized_forms(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_case_is_kept_in_text_and_folded_in_lower() -> None:
    n = normalize("Sarah KOWALSKI")
    assert n.text == "Sarah KOWALSKI"
    assert n.lower == "sarah kowalski"
    assert len(n.lower) == len(n.text)


def test_leet_view_same_length() -> None:
    n = normalize("sh1t h3ad $tupid")
    assert n.leet == "shit head stupid"
    assert len(n.leet) == len(n.lower)


def test_offset_map_covers_original_span() -> None:
    raw = "my mail: ｊａｎｅ＠ｇｍａｉｌ．ｃｏｍ ok"
    n = normalize(raw)
    start = n.text.index("jane")
    end = n.text.index(".com") + 4
    a, b = n.to_original(start, end)
    assert raw[a:b] == "ｊａｎｅ＠ｇｍａｉｌ．ｃｏｍ"


def test_offset_map_through_collapsed_runs() -> None:
    raw = "call five five five one two three four now"
    n = normalize(raw)
    i = n.text.index("5551234")
    a, b = n.to_original(i, i + 7)
    assert raw[a:b] == "five five five one two three four"


def test_identity_map_for_ascii() -> None:
    n = normalize("hello there")
    assert n.to_original(0, 5) == (0, 5)
    assert n.to_original(-3, 99) == (0, 11)


def test_control_characters_become_spaces() -> None:
    assert normalize("ab\x00cd\x07ef").text == "ab cd ef"
    assert normalize("a\nb").text == "a\nb"
