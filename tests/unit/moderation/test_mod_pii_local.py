"""Local phone and address formats, obfuscated emails and spoken digits."""

from __future__ import annotations

import pytest

from moderation import RoomModeration, build_pipeline
from moderation.normalize import normalize
from moderation.rules.anonymity import AnonymitySettings, find_pii
from moderation.rules.pii.regions import candidate_regions


def codes(text: str, language: str = "en", region: str = "US") -> set[str]:
    hits = find_pii(normalize(text), AnonymitySettings(phone_region=region, language=language))
    return {c for _, _, c in hits}


def out(text: str, language: str = "en", region: str = "US") -> str:
    pipe = build_pipeline(RoomModeration(rules=("anonymity",), language=language, phone_region=region))
    return pipe.check_message(text).text


def test_candidate_regions_start_with_the_room_region() -> None:
    assert candidate_regions("US", "en") == ("US", "CA", "GB", "IE", "AU")
    assert candidate_regions("MX", "es") == ("MX", "ES", "US")
    assert candidate_regions("br", "pt") == ("BR", "PT")
    assert candidate_regions("CH", "de") == ("CH", "DE", "AT")
    assert candidate_regions("US", "xx")[0] == "US"  # unknown language: English regions


@pytest.mark.parametrize(
    ("text", "language", "region", "secret"),
    [
        ("text me on 07700 900461", "en", "US", "07700 900461"),
        ("landline 020 7946 0321", "en", "GB", "020 7946 0321"),
        ("mob 087 234 5678", "en", "IE", "087 234 5678"),
        ("call 0412 345 678", "en", "AU", "0412 345 678"),
        ("(02) 9876 5432 after 6", "en", "AU", "(02) 9876 5432"),
        ("(416) 555-0199", "en", "CA", "(416) 555-0199"),
        ("llámame al 612 34 56 78", "es", "ES", "612 34 56 78"),
        ("mi móvil 678 123 456", "es", "ES", "678 123 456"),
        ("fijo 91 123 45 67", "es", "ES", "91 123 45 67"),
        ("call me 612 34 56 78", "en", "US", "612 34 56 78"),  # Spanish mobile in an English room
        ("whatsapp 55 1234 5678", "es", "MX", "55 1234 5678"),
        ("liga 912 345 678", "pt", "PT", "912 345 678"),
        ("meu zap (11) 91234-5678", "pt", "BR", "(11) 91234-5678"),
        ("só 91234-5678", "pt", "BR", "91234-5678"),
        ("appelle-moi au 06 12 34 56 78", "fr", "FR", "06 12 34 56 78"),
        ("mon numéro 07.12.34.56.78", "fr", "FR", "07.12.34.56.78"),
        ("ruf an: 030 12345678", "de", "DE", "030 12345678"),
        ("Handy 0171/1234567", "de", "DE", "0171/1234567"),
        ("0664 1234567", "de", "AT", "0664 1234567"),
        ("Natel 079 123 45 67", "de", "CH", "079 123 45 67"),
        ("+34 612 345 678", "en", "US", "+34 612 345 678"),
    ],
)
def test_local_phones(text: str, language: str, region: str, secret: str) -> None:
    assert "phone" in codes(text, language, region), codes(text, language, region)
    assert secret not in out(text, language, region)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("call five five five oh one two three", "five five five oh one two three"),
        ("ring oh seven seven double nine four five six one two three", "double nine"),
        ("text me double seven triple oh one two", "triple oh one two"),
        ("my number is five 5 five, 1 two 3 4", "1 two 3 4"),
    ],
)
def test_spoken_digits(text: str, secret: str) -> None:
    assert "phone" in codes(text)
    assert secret not in out(text)


@pytest.mark.parametrize(
    "text",
    ["oh well one two three", "double trouble", "one two three four, let's go", "it was a one or two"],
)
def test_spoken_words_that_are_not_numbers(text: str) -> None:
    assert "phone" not in codes(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("jane dot doe at gmail", "jane dot doe at gmail"),
        ("j.doe [at] proton [dot] me", "j.doe [at] proton [dot] me"),
        ("janedoe at outlook dot co dot uk", "outlook dot co dot uk"),
        ("jane(at)posteo(punkt)de", "jane(at)posteo(punkt)de"),
        ("jane (a) posteo.de", "posteo.de"),
        ("mail: sam_k{at}fastmail{dot}com", "sam_k{at}fastmail{dot}com"),
        ("escríbeme a juan punto perez arroba gmail punto com", "perez arroba gmail"),
        ("juanp arroba hotmail", "juanp arroba hotmail"),
        ("écris à jean point dupont arobase free point fr", "dupont arobase free"),
        ("joao ponto silva arroba gmail ponto com", "silva arroba gmail"),
        ("marta(arroba)sapo(ponto)pt", "marta(arroba)sapo(ponto)pt"),
        ("lena.k (at) web (punkt) de", "lena.k (at) web (punkt) de"),
    ],
)
def test_obfuscated_emails(text: str, secret: str) -> None:
    assert "email" in codes(text), codes(text)
    assert secret not in out(text)


@pytest.mark.parametrize(
    "text",
    ["I'm at work dot", "meet me at starbucks", "look at this point", "llegué a las 5 punto",
     "she is at home", "that's the point at issue"],
)
def test_email_lookalikes(text: str) -> None:
    assert "email" not in codes(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("I'm in Ottawa ON K1A 0B1", "K1A 0B1"),
        ("my postal code is m5v 2t6", "m5v 2t6"),
        ("I live at 221 King St W, Toronto", "221 King St"),
        ("12 Smith St, Newtown NSW 2042", "Newtown NSW 2042"),
        ("unit 3/45 Beach Pde, Manly", "3/45 Beach Pde"),
        ("we're at 7 Ocean Esplanade", "7 Ocean Esplanade"),
        ("Brunswick VIC 3056", "Brunswick VIC 3056"),
        ("vivo en Calle Mayor 12, 3º B", "Mayor 12"),
        ("C/ Alcalá 45, 2º izq", "Alcalá 45"),
        ("Avda. de la Constitución 5, 28013 Madrid", "Constitución 5"),
        ("Paseo de Gracia 21", "Gracia 21"),
        ("vivo en la calle Mayor", "calle Mayor"),
        ("código postal 28013", "28013"),
        ("Rua Augusta, nº 45", "Augusta, nº 45"),
        ("Av. Paulista, 1578, apto 12", "Paulista, 1578"),
        ("CEP 01310-100", "01310-100"),
        ("moro no 01310-100", "01310-100"),
        ("4000-123 Porto", "4000-123"),
        ("moro na Rua das Flores", "Rua das Flores"),
        ("12 rue de la Paix, 75002 Paris", "rue de la Paix"),
        ("j'habite au 5 bis avenue Victor Hugo", "avenue Victor Hugo"),
        ("code postal 69003", "69003"),
        ("Hauptstraße 5, 10115 Berlin", "Hauptstraße 5"),
        ("ich wohne Musterweg 3a", "Musterweg 3a"),
        ("Berliner Str. 12", "Berliner Str. 12"),
        ("PLZ 80331", "80331"),
        ("10115 Berlin ist meine Gegend", "10115 Berlin"),
    ],
)
def test_local_addresses(text: str, secret: str) -> None:
    assert "address" in codes(text), codes(text)
    assert secret not in out(text)


@pytest.mark.parametrize(
    "text",
    ["on the 3 Square Meals plan", "I have 2 Place Cards left", "Spring 2024 was rough",
     "the Ring 5 tickets", "we walked 10000 Steps", "WA 2024 was a year", "plz 2024 was hard",
     "I scored 1200 points in Calle", "chapter 4 of Rue", "my mp3 player"],
)
def test_address_lookalikes(text: str) -> None:
    assert "address" not in codes(text), codes(text)


def test_room_language_is_wired_through_the_pipeline() -> None:
    # A Madrid landline without a mobile prefix: only a Spanish-speaking room reads it.
    text = "fijo 91 123 45 67"
    english = build_pipeline(RoomModeration(rules=("anonymity",)))
    spanish = build_pipeline(RoomModeration.from_mapping({"rules": ["anonymity"], "language": "ES"}))
    assert "phone" not in english.check_message(text).codes
    assert spanish.check_message(text).text == "fijo [phone removed]"


# --- spoken digits in other languages, Mexican and Brazilian mobiles, more addresses ---

from tests.support.pii import shown, unchanged  # noqa: E402


@pytest.mark.parametrize(
    ("language", "text", "secret"),
    [
        ("es", "mi número es seis uno dos tres cuatro cinco seis siete ocho", "cinco seis siete"),
        ("es", "llámame al cinco cinco uno dos tres cuatro cinco seis siete ocho", "seis siete"),
        ("pt", "meu número é nove nove oito sete seis cinco quatro três dois um", "três dois"),
        ("pt", "liga pra um um nove oito sete seis cinco quatro três dois um", "dois um"),
        ("fr", "mon numéro c'est zéro six un deux trois quatre cinq six sept huit", "sept huit"),
        ("de", "meine Nummer ist null eins sieben eins eins zwei drei vier fünf sechs sieben",
         "fünf sechs"),
        ("de", "ruf an: null eins fünf zwo drei vier fünf sechs sieben acht", "sieben acht"),
        ("es", "mi cel es 55 1234 5678", "1234 5678"),
        ("es", "whats +52 1 55 1234 5678", "1234 5678"),
        ("es", "llámame al 044 55 1234 5678", "1234 5678"),
        ("es", "mi celular (55) 1234-5678", "1234-5678"),
        ("es", "cel 33-1234-5678", "1234-5678"),
        ("es", "5512345678 es mi whats", "5512345678"),
        ("pt", "meu zap é (11) 98765-4321", "98765-4321"),
        ("pt", "me chama no 11 98765-4321", "98765-4321"),
        ("pt", "+55 11 98765-4321", "98765-4321"),
        ("pt", "liga 11987654321", "11987654321"),
        ("pt", "(21) 9 8765-4321 é o meu", "8765-4321"),
        ("en", "call me on +44 (0)7911 123456", "7911 123456"),
        ("en", "+44 (0) 20 7946 0958 is the office", "7946 0958"),
        ("en", "+44(0)7911123456", "7911123456"),
        ("en", "text me on 07911 123456", "07911 123456"),
        ("en", "my number is 0161 496 0000", "496 0000"),
    ],
)
def test_more_phones(language: str, text: str, secret: str) -> None:
    out = shown(text, language)
    assert secret not in out, out


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "tengo cinco o seis amigos"), ("es", "uno dos tres, respira"),
        ("es", "dos o tres veces por semana"), ("pt", "um dois três quatro, vamos"),
        ("fr", "cinq ou six fois par jour"), ("de", "zwei oder drei Tage"),
        ("de", "eins zwei drei, los geht's"), ("fr", "un deux trois soleil"),
        ("es", "cuatro cinco horas al día"), ("en", "one two three four five"),
    ],
)
def test_spoken_number_lookalikes(language: str, text: str) -> None:
    assert unchanged(text, language), shown(text, language)


@pytest.mark.parametrize(
    ("language", "text", "secret"),
    [
        ("en", "I live at 12 Elm St", "Elm St"),
        ("en", "i live at 12 elm st", "elm st"),
        ("en", "flat 3, 22 wellington road", "22 wellington road"),
        ("en", "apartment 4B, 150 Main Street", "150 Main Street"),
        ("en", "apartment 4B", "4B"),
        ("en", "my eircode is D02 X285", "D02 X285"),
        ("en", "eircode: a65f4e2", "a65f4e2"),
        ("en", "we're in D02 X285 now", "D02 X285"),
        ("en", "1012 AB Amsterdam is where i live", "1012 AB"),
        ("en", "my postcode is 3512JE", "3512JE"),
        ("es", "vivo en Calle Hidalgo 45, Col. Centro", "Col. Centro"),
        ("es", "vivo en la col. roma norte", "roma norte"),
        ("es", "Colonia Del Valle, CP 03100", "Del Valle"),
        ("en", "my postcode is sw1a 1aa", "sw1a 1aa"),
        ("en", "my zip is 90210", "90210"),
        ("en", "my zip code's 10001", "10001"),
        ("es", "mi código postal es 28013", "28013"),
        ("es", "CP 06700", "06700"),
        ("fr", "mon code postal c'est 75011", "75011"),
        ("de", "meine PLZ ist 10115", "10115"),
        ("pt", "meu cep é 01310-100", "01310-100"),
        ("en", "postal code: K1A 0B1", "K1A 0B1"),
        ("en", "I live on elm street", "elm street"),
        ("en", "we moved to 9 birch close", "9 birch close"),
        ("en", "i'm at 45 oak avenue, apt 2", "45 oak avenue"),
        ("en", "unit 5, 10 george st", "10 george st"),
        ("fr", "j'habite 12 rue victor hugo", "rue victor hugo"),
        ("es", "vivo en calle mayor 12", "mayor 12"),
        ("pt", "moro na rua augusta 45", "augusta 45"),
        ("de", "ich wohne in der hauptstraße 5", "hauptstraße 5"),
        ("en", "my address is flat 2, 7 the crescent", "the crescent"),
    ],
)
def test_more_addresses(language: str, text: str, secret: str) -> None:
    out = shown(text, language)
    assert secret not in out, out


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I live at home"), ("en", "living on the edge"), ("en", "5 miles down the road"),
        ("en", "I walked 3 blocks"), ("en", "it's 2 streets away"), ("en", "1984 AD"),
        ("en", "2019 BC"), ("en", "my zip is broken"), ("en", "my son has CP"),
        ("en", "the col. was furious"), ("en", "I'm in the 2024 AB cohort"),
        ("en", "my flat is tiny"), ("es", "vivo en un piso"), ("fr", "j'habite chez ma mère"),
        ("de", "ich wohne allein"), ("en", "apartment hunting is hell"),
        ("en", "the A65 was closed"), ("en", "I live in Dublin"),
    ],
)
def test_more_address_lookalikes(language: str, text: str) -> None:
    assert unchanged(text, language), shown(text, language)
