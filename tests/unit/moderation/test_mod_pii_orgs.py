"""Workplaces and schools that pin a person down (rules/pii/orgs.py)."""

from __future__ import annotations

import pytest

from moderation import Action, RoomModeration, build_pipeline
from moderation.normalize import normalize
from moderation.rules.anonymity import AnonymitySettings, find_pii
from moderation.rules.pii.orgs import common_employers

PIPE = build_pipeline(RoomModeration(rules=("anonymity",)))


def found(text: str) -> list[tuple[str, str]]:
    n = normalize(text)
    hits = find_pii(n, AnonymitySettings())
    return [(n.text[a:b], c) for a, b, c in hits if c in ("workplace", "school")]


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        ("I'm the only pharmacist at Greenway Clinic in Tenby", "workplace",
         "I'm the only pharmacist at [workplace removed] in Tenby"),
        ("I work at Hollis & Pryce and I hate it", "workplace",
         "I work at [workplace removed] and I hate it"),
        ("I teach year 4 at St Bede's Primary", "school", "I teach year 4 at [school removed]"),
        ("my daughter goes to Oakridge High", "school", "my daughter goes to [school removed]"),
        ("my son just started at Westbrook Academy", "school",
         "my son just started at [school removed]"),
        ("I work nights at Riverside Care Home", "workplace",
         "I work nights at [workplace removed]"),
        ("I'm a receptionist at Pemberton Dental", "workplace",
         "I'm a receptionist at [workplace removed]"),
        ("I've been employed by Marlow Logistics Ltd for years", "workplace",
         "I've been employed by [workplace removed] for years"),
        ("I study at Kingsbridge College", "school", "I study at [school removed]"),
        ("she goes to school at Brookfield", "school", "she goes to school at [school removed]"),
        ("trabajo en Farmacia Ruiz", "workplace", "trabajo en [workplace removed]"),
        ("mi hijo va al colegio San Ignacio", "school", "mi hijo va al colegio [school removed]"),
        ("je travaille chez Dupont & Fils", "workplace", "je travaille chez [workplace removed]"),
        ("ma fille va à l'école Jean Jaurès", "school", "ma fille va à l'école [school removed]"),
        ("ich arbeite bei Krüger GmbH", "workplace", "ich arbeite bei [workplace removed]"),
        ("meine Tochter geht auf die Lessing Grundschule", "school",
         "meine Tochter geht auf die [school removed]"),
        ("eu trabalho na Farmácia Central", "workplace", "eu trabalho na [workplace removed]"),
    ],
)
def test_workplaces_and_schools(text: str, code: str, expected: str) -> None:
    assert code in {c for _, c in found(text)}, found(text)
    assert PIPE.check_message(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "I work at a supermarket", "I work at the hospital", "at the hospital they said",
        "I went to Tesco", "I work at Tesco", "I work for Amazon", "I went to Starbucks",
        "I work in retail", "I work from home", "I work at home", "I went to school today",
        "my son goes to school", "I teach at a primary school", "I go to the gym at 6",
        "I'm a nurse at a care home", "I work with Sarah", "my shift at Dickson's starts at 9",
        "I work by Monday", "my appointment is at Greenway Clinic", "I study in Madrid",
        "trabajo en Madrid", "I'm a little scared for Jake", "we went to Disneyland",
        "my kids love Paw Patrol", "I work at McDonald's on weekends",
    ],
)
def test_generic_mentions_pass(text: str) -> None:
    assert found(text) == []
    assert PIPE.check_message(text).action == Action.ALLOW


def test_common_employers_are_folded() -> None:
    employers = common_employers()
    assert "tesco" in employers and "mcdonald s" in employers and "marks & spencer" in employers


# --- lower-case chat and other languages (the organisation's name must not be shown) ---

from tests.support.pii import shown, unchanged  # noqa: E402


@pytest.mark.parametrize(
    ("language", "text", "secrets"),
    [
        ("en", "i work at greenway clinic and its so stressful", ["greenway"]),
        ("en", "my kid goes to st brigid's primary", ["brigid"]),
        ("en", "im a nurse at st judes hospital", ["judes"]),
        ("en", "i teach at oakwood primary, year 3", ["oakwood"]),
        ("en", "i work for hollis and pryce solicitors", ["hollis", "pryce"]),
        ("en", "been employed by marlow logistics since 2019", ["marlow"]),
        ("en", "i'm the manager at the red lion in kendal", ["red lion"]),
        ("en", "intern at brightpath digital this summer", ["brightpath"]),
        ("en", "i study at kingsbridge college", ["kingsbridge"]),
        ("en", "my son's school, oakfield academy, rang me today", ["oakfield"]),
        ("en", "my daughter goes to westfield high", ["westfield"]),
        ("en", "i work at riverside care home on nights", ["riverside"]),
        ("en", "i'm a receptionist at pemberton dental", ["pemberton"]),
        ("en", "i work at hartley & sons", ["hartley"]),
        ("en", "i volunteer at the haven hospice", ["haven"]),
        ("en", "my boss at northfield surgery is awful", ["northfield"]),
        ("en", "he goes to king edward grammar", ["king edward"]),
        ("en", "i work at leeds general infirmary", ["leeds general"]),
        ("en", "teaching assistant at holy cross primary", ["holy cross"]),
        ("en", "im an nhs nurse at wythenshawe hospital", ["wythenshawe"]),
        ("en", "nurse at st. mary's, on the cardiac ward", ["mary's"]),
        ("en", "my son's school is ashgrove junior school", ["ashgrove"]),
        ("en", "I work at Greenway Clinic", ["Greenway"]),
        ("en", "i'm a barista at bean there cafe", ["bean there"]),
        ("en", "we both work at fairview medical centre", ["fairview"]),
        ("en", "she's a pupil at st anne's", ["anne's"]),
        ("en", "i work for brightside insurance ltd", ["brightside"]),
        ("es", "trabajo en la clínica san rafael", ["san rafael"]),
        ("es", "mi hija estudia en el colegio santa maría", ["santa maría"]),
        ("es", "trabajo para ferretería lópez", ["lópez"]),
        ("es", "estudio en la universidad de salamanca", ["salamanca"]),
        ("es", "soy enfermera en el hospital la paz", ["la paz"]),
        ("es", "mi hijo va al colegio los olivos", ["los olivos"]),
        ("pt", "trabalho na padaria estrela", ["estrela"]),
        ("pt", "meu filho estuda na escola estadual joão xxiii", ["joão xxiii"]),
        ("pt", "sou professora na escola são josé", ["são josé"]),
        ("pt", "trabalho no hospital santa cruz", ["santa cruz"]),
        ("fr", "je travaille chez boulangerie martin", ["martin"]),
        ("fr", "ma fille est au lycée victor hugo", ["victor hugo"]),
        ("fr", "je bosse à la clinique du parc", ["du parc"]),
        ("fr", "j'étudie à l'université de lille", ["lille"]),
        ("fr", "mon fils va au collège jean moulin", ["jean moulin"]),
        ("de", "ich arbeite bei müller logistik", ["müller"]),
        ("de", "meine tochter geht auf die goethe-schule", ["goethe"]),
        ("de", "ich arbeite im st. josef krankenhaus", ["josef"]),
        ("de", "ich studiere an der uni mannheim", ["mannheim"]),
        ("de", "ich bin krankenschwester im marienhospital", ["marienhospital"]),
        ("de", "mein sohn geht auf das schiller-gymnasium", ["schiller"]),
        ("de", "ich arbeite bei der Firma Krause & Co", ["Krause"]),
    ],
)
def test_lower_case_and_other_languages(language: str, text: str, secrets: list[str]) -> None:
    out = shown(text, language)
    for secret in secrets:
        assert secret not in out, out


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "i work at a supermarket"), ("en", "i work at the hospital"),
        ("en", "i went to tesco"), ("en", "i work at the local hospital"),
        ("en", "i work at a care home"), ("en", "i work at home"), ("en", "i work at night"),
        ("en", "i work for myself"), ("en", "i work for the council"),
        ("en", "i work for the nhs"), ("en", "i work at mcdonalds"),
        ("en", "i work at asda on weekends"), ("en", "my kid goes to school"),
        ("en", "my son goes to primary school"),
        ("en", "my daughter goes to the local high school"), ("en", "i study at night"),
        ("en", "i study at the library"), ("en", "i teach at a primary school"),
        ("en", "i teach at uni"), ("en", "i'm a nurse at a big hospital"),
        ("en", "i work at least 40 hours a week"), ("en", "i work at weekends"),
        ("en", "she works at the same place as me"), ("en", "i work in retail"),
        ("en", "went to the gp surgery today"), ("en", "my shift at the hospital ran late"),
        ("en", "i'm a manager at work"), ("en", "i'm a student at uni"),
        ("en", "my son goes to nursery 3 days a week"), ("en", "he started at a new school"),
        ("en", "i work at it every day"), ("en", "i work at getting better"),
        ("en", "i work for peanuts"), ("en", "i went to school with her"),
        ("en", "i work at my own pace"), ("en", "i used to work at a bank"),
        ("en", "i work as a nurse"), ("en", "i study psychology at uni"),
        ("en", "i work at the job centre"), ("en", "we work at different hospitals"),
        ("en", "i work at two schools"), ("en", "I work at the hospital pharmacy"),
        ("en", "i'm a nurse at the children's hospital"), ("en", "i work at the town hall"),
        ("en", "i work at the school office"), ("en", "she goes to the same school as me"),
        ("en", "i work for a small charity"), ("en", "i go to the gym at 6"),
        ("en", "my kids go to different schools"), ("en", "i work at starbucks part time"),
        ("en", "I work at Amazon"), ("en", "i'm a teacher at a secondary school"),
        ("en", "i work at the same company for 10 years"), ("en", "I study at home mostly"),
        ("en", "she goes to therapy at the clinic"), ("en", "i work at the uni library"),
        ("en", "employed by the state"), ("en", "i work at a call centre"),
        ("en", "im a nurse at the er"), ("en", "he goes to the school down the road"),
        ("en", "i work at walmart"), ("en", "my daughter goes to a catholic school"),
        ("es", "trabajo en casa"), ("es", "trabajo en un supermercado"),
        ("es", "mi hijo va al colegio"), ("es", "estudio en la universidad"),
        ("es", "trabajo en el hospital"), ("es", "trabajo en madrid"),
        ("es", "mi hija va a la escuela todos los días"),
        ("pt", "trabalho numa loja"), ("pt", "meu filho vai para a escola"),
        ("pt", "trabalho em casa"), ("pt", "trabalho no hospital"),
        ("fr", "je travaille dans un hôpital"), ("fr", "ma fille va à l'école"),
        ("fr", "je travaille à la maison"), ("fr", "je travaille chez moi"),
        ("fr", "mon fils va au collège"), ("fr", "je travaille à l'hôpital"),
        ("de", "ich arbeite im krankenhaus"), ("de", "meine tochter geht in die grundschule"),
        ("de", "ich arbeite bei einer bank"), ("de", "ich studiere in berlin"),
        ("de", "mein sohn geht aufs gymnasium"), ("de", "ich arbeite von zu hause"),
        ("de", "ich arbeite bei aldi"),
    ],
)
def test_generic_places_in_chat_pass(language: str, text: str) -> None:
    assert unchanged(text, language), shown(text, language)
