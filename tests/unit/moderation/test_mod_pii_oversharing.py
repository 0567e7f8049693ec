"""Schools, workplaces and names as people overshare them in chat (orgs, loose_names)."""

from __future__ import annotations

import pytest

from moderation import RoomModeration, build_pipeline

PIPE = build_pipeline(RoomModeration(rules=("anonymity",)))


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("she's in year 4 at Brookfield", "Brookfield"),
        ("my son's school (Hillside Academy) called", "Hillside"),
        ("I'm a junior at Lincoln High", "Lincoln"),
        ("studying nursing at Glasgow Caledonian", "Caledonian"),
        ("our kids go to Holy Cross", "Holy Cross"),
        ("the principal at Riverdale Elementary rang", "Riverdale"),
        ("I did my degree at Kings College", "Kings"),
        ("Oakwood is his school", "Oakwood"),
        ("my sister goes to UCLA", "UCLA"),
        ("I'm in my final year at the University of Leeds", "Leeds"),
        ("I dropped out of Wellesley last year", "Wellesley"),
        ("my son's teacher at Greenfield said he's struggling", "Greenfield"),
        ("she's a senior at Roosevelt", "Roosevelt"),
        ("Hollis & Pryce was my employer", "Hollis"),
        ("I clean at the Hilton by the airport", "Hilton"),
        ("my coworkers at Wayfield are awful", "Wayfield"),
        ("HR at Brantwood Logistics called me in", "Brantwood"),
        ("I talked with Rachel Whitmore today", "Whitmore"),
        ("Jessica Thornton from work is nice", "Thornton"),
        ("Emma Jean-Baptiste is my sister", "Baptiste"),
        ("the Hendersons next door are noisy", "Henderson"),
    ],
)
def test_overshared_detail_is_removed(text: str, secret: str) -> None:
    assert secret not in PIPE.check_message(text).text


def test_school_named_after_a_person_is_a_school() -> None:
    assert PIPE.check_message("ma fille va à l'école Jean Jaurès").text.endswith(
        "[school removed]")


@pytest.mark.parametrize(
    "text",
    [
        "I'm a senior at this point in life lol", "Work is my job lol",
        "Therapy is my work now", "It was my school", "I'm in year 4 of recovery",
        "my kid goes to school", "I went to Starbucks with Mum", "Harry Potter helped me",
        "we met at Victoria Station", "I work at Tesco", "my son is in Spain",
        "Happy New Year to all of you", "I read Brené Brown every night",
    ],
)
def test_harmless_text_is_untouched(text: str) -> None:
    assert PIPE.check_message(text).text == text
