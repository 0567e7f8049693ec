"""rooms/identity.py: keyed member ids, generated and requested pseudonyms."""

from __future__ import annotations

import pytest

from rooms.identity import ADJECTIVES, ANIMALS, NAME_MAX, Principal, clean_name, member_id, suggest_name
from rooms.model import Role

SECRET = b"secret-one-of-sufficient-length"
OTHER_SECRET = b"secret-two-of-sufficient-length"


def test_member_id_is_stable_for_the_same_account_and_room() -> None:
    assert member_id(SECRET, "acct-1", "room-a") == member_id(SECRET, "acct-1", "room-a")


def test_member_id_shape() -> None:
    mid = member_id(SECRET, "acct-1", "room-a")
    assert mid.startswith("m_")
    assert len(mid) == 2 + 16  # 10 bytes of digest in base32
    assert mid[2:].isalnum() and mid[2:] == mid[2:].lower()


def test_member_id_differs_across_rooms_accounts_and_secrets() -> None:
    base = member_id(SECRET, "acct-1", "room-a")
    assert member_id(SECRET, "acct-1", "room-b") != base
    assert member_id(SECRET, "acct-2", "room-a") != base
    assert member_id(OTHER_SECRET, "acct-1", "room-a") != base


def test_member_id_has_no_ambiguous_concatenation() -> None:
    # ("ab", "c") and ("a", "bc") must not collide.
    assert member_id(SECRET, "c", "ab") != member_id(SECRET, "bc", "a")


def test_member_id_does_not_contain_the_account() -> None:
    assert "acct-1" not in member_id(SECRET, "acct-1", "room-a")


def test_suggest_name_is_adjective_animal_and_deterministic() -> None:
    for i in range(50):
        mid = member_id(SECRET, f"acct-{i}", "room")
        name = suggest_name(mid)
        assert name == suggest_name(mid)
        adjective, animal = name.split(" ")
        assert adjective in ADJECTIVES and animal in ANIMALS
        assert clean_name(name) == name  # a generated name passes our own rules


def test_suggest_name_varies_with_attempt_and_person() -> None:
    mid = member_id(SECRET, "acct-1", "room")
    assert len({suggest_name(mid, a) for a in range(8)}) > 1
    assert len({suggest_name(member_id(SECRET, f"a{i}", "room")) for i in range(50)}) > 10


def test_late_attempts_add_a_number() -> None:
    name = suggest_name("m_x", 8)
    adjective, animal, number = name.split(" ")
    assert adjective in ADJECTIVES and animal in ANIMALS and 0 <= int(number) < 100


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Quiet Heron", "Quiet Heron"),
        ("Ana-Maria", "Ana-Maria"),
        ("O'Brien", "O'Brien"),
        ("Jo", "Jo"),
        ("  Spaced   Out  ", "Spaced Out"),
        ("Zoë", "Zoë"),
        ("Ｆｕｌｌ", "Full"),  # NFKC
        ("x" * NAME_MAX, "x" * NAME_MAX),
        ("J.R.", "J.R."),
    ],
)
def test_clean_name_accepts(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


@pytest.mark.parametrize(
    "raw",
    [
        "", "a", " a ", "x" * (NAME_MAX + 1),
        "bad\x00name", "tab\tname\x07", "new\x1bline",
        "zero\u200bwidth", "joiner\u200dname", "bidi\u202ename", "bom\ufeffname",
        "<script>", "<script>alert(1)</script>", "a<b", "name@example.com", "-dash", "under_score!",
        "emoji 😀", "semi;colon",
    ],
)
def test_clean_name_rejects(raw: str) -> None:
    assert clean_name(raw) is None


def test_principal_scope() -> None:
    assert Principal("s", Role.MEMBER).may_enter("any")
    scoped = Principal("s", Role.MEMBER, rooms=("a", "b"))
    assert scoped.may_enter("a") and not scoped.may_enter("c")
