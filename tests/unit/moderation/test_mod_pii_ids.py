"""National ids, payment cards, IBANs and licence plates (rules/pii/ids, finance, plates)."""

from __future__ import annotations

import pytest

from moderation import Action, RoomModeration, build_pipeline
from moderation.normalize import normalize
from moderation.rules.anonymity import AnonymitySettings, find_pii

PIPE = build_pipeline(RoomModeration(rules=("anonymity",)))


def codes(text: str, language: str = "en") -> set[str]:
    hits = find_pii(normalize(text), AnonymitySettings(language=language))
    return {c for _, _, c in hits}


def redacted(text: str) -> str:
    return PIPE.check_message(text).text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("my social security number is 536-90-4399", "536-90-4399"),
        ("SSN: 536 90 4399", "536 90 4399"),
        ("ssn 536904399 lol", "536904399"),
        ("NI number AB 12 34 56 C", "AB 12 34 56 C"),
        ("national insurance: ce123456d", "ce123456d"),
        ("HMRC wants my NI, it's JT654321A", "JT654321A"),
        ("my SIN is 246 573 091", "246 573 091"),
        ("social insurance number 246573091", "246573091"),
        ("the form shows 146-454-285 at the top", "146-454-285"),
        ("mi DNI es 87654321X", "87654321X"),
        ("DNI 87654321-X", "87654321-X"),
        ("NIE Y7654321G", "Y7654321G"),
        ("tengo el NIE y-7654321-g", "y-7654321-g"),
        ("numéro de sécu 1 85 07 75 123 456 08", "1 85 07 75 123 456 08"),
        ("INSEE 185077512345608", "185077512345608"),
        ("meine Steuer-ID ist 93141705862", "93141705862"),
        ("IdNr 20 561 748 335", "20 561 748 335"),
        ("CPF 529.982.247-25", "529.982.247-25"),
        ("meu cpf é 52998224725", "52998224725"),
        ("passport number X1234567 expires soon", "X1234567"),
        ("my passport no. is 502135326", "502135326"),
        ("número de pasaporte: PAA123456", "PAA123456"),
    ],
)
def test_national_ids_detected_and_removed(text: str, secret: str) -> None:
    assert "national_id" in codes(text), codes(text)
    out = redacted(text)
    assert secret not in out and "[id removed]" in out


@pytest.mark.parametrize(
    "text",
    [
        "my SSN is 000-12-3456",  # no 000 area
        "ssn 666-12-3456",  # no 666 area
        "DNI 87654321A",  # wrong check letter
        "NIE Y7654321A",
        "CPF 529.982.247-26",  # wrong check digits
        "INSEE 185077512345609",  # wrong key
        "my passport expired in 2019",
        "passport photos cost 15 pounds",
        "order #536-90-4399 arrived",  # a reference number, not an SSN
        "QQ 12 34 56 C",  # Q never starts a NI number
        "on 12 34 56 a budget",  # lower-case and spaced: prose
        "I counted 146 454 286 sheep",  # Luhn fails
        "call +34 612 345 678",  # a Spanish phone, not a SIN
        "I have 12345678 y más",
    ],
)
def test_national_id_lookalikes(text: str) -> None:
    found = codes(text)
    assert "national_id" not in found, found


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("card 4319 4000 0000 0000 exp 09/27", "4319 4000 0000 0000"),
        ("5454-5454-5454-5454", "5454-5454-5454-5454"),
        ("amex 3782 822463 10005 thanks", "3782 822463 10005"),
        ("discover 6011000999900016", "6011000999900016"),
        ("4319400000000000 123 is the cvv", "4319400000000000"),
        ("card for order 12: 4319 4000 0000 0000", "4319 4000 0000 0000"),
    ],
)
def test_cards(text: str, secret: str) -> None:
    assert "card" in codes(text)
    out = redacted(text)
    assert secret not in out and "[card removed]" in out


@pytest.mark.parametrize(
    "text",
    [
        "4319 4000 0000 0001",  # Luhn fails
        "1234 5678 9012 3456",  # no issuer starts with 1
        "my order #4319400000000000 shipped",  # order number
        "tracking 4319400000000000",
        "isbn 9780143128540",
    ],
)
def test_card_lookalikes(text: str) -> None:
    assert "card" not in codes(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("IBAN GB82 WEST 1234 5698 7654 32 thanks really", "GB82 WEST 1234 5698 7654 32"),
        ("send it to ES9121000418450200051332", "ES9121000418450200051332"),
        ("de89 3704 0044 0532 0130 00 is mine", "de89 3704 0044 0532 0130 00"),
        ("NL91ABNA0417164300", "NL91ABNA0417164300"),
        ("PT50 0002 0123 1234 5678 9015 4", "PT50 0002 0123 1234 5678 9015 4"),
    ],
)
def test_ibans(text: str, secret: str) -> None:
    assert "iban" in codes(text)
    out = redacted(text)
    assert secret not in out and "[account removed]" in out
    assert out.endswith(text[text.index(secret) + len(secret):])  # trailing words stay


@pytest.mark.parametrize(
    "text", ["GB82 WEST 1234 5698 7654 33", "ab12 cdef ghij klmn", "mp34 is a format"]
)
def test_iban_lookalikes(text: str) -> None:
    assert "iban" not in codes(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("someone keyed my car, reg AB12 CDE", "AB12 CDE"),
        ("KX19 LMN was parked outside", "KX19 LMN"),
        ("plate: 7ABC123", "7ABC123"),
        ("my tag is ABC-1234", "ABC-1234"),
        ("my license plate is 4GHJ 921", "4GHJ 921"),
        ("B-MW 1234 is my car", "B-MW 1234"),
        ("HH-AB 123 stand vor der Tür", "HH-AB 123"),
        ("the van was AB-123-CD", "AB-123-CD"),
        ("immatriculation GH 456 JK", "GH 456 JK"),
        ("matrícula 1234 BCD", "1234 BCD"),
        ("the car 4821 KRT again", "4821 KRT"),
        ("carro 12-AB-34", "12-AB-34"),
        ("Kennzeichen m-ab 1234", "m-ab 1234"),
    ],
)
def test_plates(text: str, secret: str) -> None:
    assert "plate" in codes(text), codes(text)
    out = redacted(text)
    assert secret not in out and "[plate removed]" in out


@pytest.mark.parametrize(
    "text",
    [
        "the I AM 2 thing", "UK-EU 2020 deal", "the 2024 BMW is nice", "I bought 1000 BTC lol",
        "CD-RW 700", "B-52 bomber", "the COVID-19 pandemic", "tag me in it", "reg. meeting at 5",
        "a regular 123 thing", "plates 1234", "in 1999 XYZ happened", "my mp3 player",
    ],
)
def test_plate_lookalikes(text: str) -> None:
    assert "plate" not in codes(text), codes(text)


def test_id_is_not_also_reported_as_phone_or_card() -> None:
    assert codes("numéro de sécu 1 85 07 75 123 456 08") == {"national_id"}
    assert codes("IdNr 20 561 748 335") == {"national_id"}


def test_checksummed_numbers_hold_when_pii_action_is_hold() -> None:
    pipe = build_pipeline(RoomModeration(rules=("anonymity",), pii_action="hold"))
    v = pipe.check_message("card 4319 4000 0000 0000")
    assert v.action == Action.HOLD
    assert "card" in v.codes


# --- more national ids and plates, in the five room languages ---

from tests.support.pii import shown, unchanged  # noqa: E402


@pytest.mark.parametrize(
    ("language", "text", "secret"),
    [
        ("es", "mi CURP es GODE561231HDFRRN00", "GODE561231HDFRRN00"),
        ("es", "curp: gode561231hdfrrn00", "gode561231hdfrrn00"),
        ("es", "mi RFC es GODE561231GR8", "GODE561231GR8"),
        ("pt", "o meu NIF é 234567899", "234567899"),
        ("pt", "número de contribuinte 234 567 899", "234 567 899"),
        ("en", "my codice fiscale is RSSMRA85T10A562S", "RSSMRA85T10A562S"),
        ("en", "cf bncgli90a41f205h", "bncgli90a41f205h"),
        ("en", "my PPS number is 1234567T", "1234567T"),
        ("en", "ppsn 1234567tw", "1234567tw"),
        ("en", "my TFN is 123 456 782", "123 456 782"),
        ("en", "tax file number 459328176", "459328176"),
        ("en", "medicare number 2123 45670 1", "2123 45670"),
        ("en", "my social is 536904399", "536904399"),
        ("en", "ss# 536-90-4399", "536-90-4399"),
        ("en", "social security no. 536 90 4399", "536 90 4399"),
        ("de", "meine Steuer-ID lautet 93141705862", "93141705862"),
        ("de", "steuerliche identifikationsnummer: 93141705862", "93141705862"),
        ("fr", "numéro de sécurité sociale : 2 85 07 75 123 456 55", "2 85 07 75 123 456 55"),
        ("fr", "mon numéro de sécu c'est 2850775123456 55", "2850775123456 55"),
        ("pt", "CPF 529 982 247 25", "529 982 247 25"),
        ("pt", "meu RG é 12.345.678-9", "12.345.678-9"),
        ("pt", "rg: 23.456.789-x", "23.456.789-x"),
        ("es", "mi dni es 12345678z", "12345678z"),
        ("es", "dni 12345678 z", "12345678 z"),
        ("es", "mi nie es x1234567l", "x1234567l"),
        ("es", "mi pasaporte es XDA123456", "XDA123456"),
        ("pt", "número do passaporte: FT123456", "FT123456"),
        ("fr", "mon numéro de passeport est 12AB34567", "12AB34567"),
        ("de", "Reisepassnummer C01X00T47", "C01X00T47"),
        ("de", "Reisepass-Nr. C01X00T47", "C01X00T47"),
        ("en", "passport #: 533380006", "533380006"),
        ("en", "my passport number for the visa is 533380006", "533380006"),
        ("de", "meine Personalausweisnummer ist L01X00T47", "L01X00T47"),
        ("en", "NI no: jt 65 43 21 a", "jt 65 43 21 a"),
    ],
)
def test_more_national_ids(language: str, text: str, secret: str) -> None:
    out = shown(text, language)
    assert secret not in out, out


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "my pps meeting went fine"), ("en", "the rg department called"),
        ("en", "nif? no idea"), ("en", "my social life is dead"), ("en", "tfn?"),
        ("en", "my medicare card expired"), ("en", "social security office at 9"),
        ("en", "my passport is at home"), ("en", "passport renewal took 6 weeks"),
        ("es", "mi dni está caducado"), ("pt", "meu rg venceu"), ("fr", "mon passeport a expiré"),
        ("de", "mein Reisepass ist abgelaufen"), ("es", "el curp es un trámite"),
    ],
)
def test_more_national_id_lookalikes(language: str, text: str) -> None:
    assert unchanged(text, language), shown(text, language)


@pytest.mark.parametrize(
    ("language", "text", "secret"),
    [
        ("en", "reg A123 BCD, old blue fiesta", "A123 BCD"),
        ("en", "my first car was reg ABC 123D", "ABC 123D"),
        ("en", "number plate K789 XYZ", "K789 XYZ"),
        ("en", "the dutch car was 12-ABC-3", "12-ABC-3"),
        ("en", "plate AB 123 CD", "AB 123 CD"),
        ("en", "he drives FG123AB", "FG123AB"),
        ("pt", "placa ABC1D23", "ABC1D23"),
        ("pt", "a placa do carro é ABC-1234", "ABC-1234"),
        ("pt", "placa abc1d23", "abc1d23"),
        ("pt", "carro com placa BRA2E19", "BRA2E19"),
        ("de", "Kennzeichen M AB 1234", "M AB 1234"),
        ("de", "mein Kennzeichen war HH AB 123", "HH AB 123"),
        ("es", "matrícula 1234 bcd", "1234 bcd"),
        ("fr", "plaque d'immatriculation AB-123-CD", "AB-123-CD"),
        ("fr", "ma plaque est ab-123-cd", "ab-123-cd"),
        ("en", "my tag number is 7ABC123", "7ABC123"),
        ("en", "my reg is yk15 xyz", "yk15 xyz"),
        ("en", "number plate: lx51 abc", "lx51 abc"),
        ("pt", "matrícula 00-AA-00", "00-AA-00"),
        ("en", "the car's registration was YK15 XYZ", "YK15 XYZ"),
        ("en", "the van had the number plate KX 19 LMN", "KX 19 LMN"),
    ],
)
def test_more_plates(language: str, text: str, secret: str) -> None:
    out = shown(text, language)
    assert secret not in out, out


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "registration opens at 9am"), ("en", "covid19 tag on the post"),
        ("pt", "minha placa de vídeo é uma rtx 3060"), ("en", "reg 2 weeks ago"),
        ("en", "tag 4 people"), ("fr", "ma plaque dentaire"), ("en", "the A12 road"),
        ("en", "ISO-9001 audit"), ("en", "my iPhone 12 Pro"), ("en", "mp3 and mp4 files"),
        ("en", "the M25 was jammed"), ("en", "I'm in year 10 ABC class"), ("en", "1984 AD"),
    ],
)
def test_more_plate_lookalikes(language: str, text: str) -> None:
    assert unchanged(text, language), shown(text, language)
