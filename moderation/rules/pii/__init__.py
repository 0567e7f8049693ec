"""Detectors for personal details beyond the basics in ``pii_patterns``.

One module per concept, each a pure function from a
:class:`~moderation.normalize.Normalized` view to ``(start, end, code)`` hits in NORMALIZED
coordinates (the anonymity rule maps them back to the original text):

* ``numbers``   hit type and shared number-context guards (ISBN, page/order/model
                numbers, doses, prices, counts)
* ``regions``   candidate phone regions for a room (its region + its language's)
* ``ids``       national identity numbers (SSN, NI, SIN, DNI/NIE, INSEE, Steuer-ID, CPF,
                passports)
* ``ids_more``  CURP/RFC, codice fiscale, PPS, NIF, TFN, Medicare, RG, ID cards
* ``finance``   payment cards (Luhn) and IBANs (mod 97)
* ``plates``    vehicle registration plates (UK old and new, EU, NL, IT, BR shapes, cued
                plates within a few words of the cue)
* ``phones``    phone numbers in the local writing of the supported countries
* ``emails``    plain and obfuscated email addresses in several languages
* ``addresses`` local street addresses and postcodes (CA, AU, ES, PT/BR, FR, DE)
* ``addresses_chat`` Eircodes, Dutch postcodes, flats, colonias, cued postcodes, lower-case
                streets
* ``handles``   social handles and usernames in five languages
* ``orgs``      workplaces and schools that pin a person down (capitalised names; study,
                school-role and child cues give ``school``; "Oakwood is his school")
* ``orgs_chat`` the same in lower-case chat (word classes in ``org_words``)
* ``branches``  a large chain plus its branch ("the Tesco on Mill Road") as a workplace
* ``helplines`` national support and emergency numbers, which are never treated as phones
* ``titled``    titled and multi-part names, other languages' introductions, surname
                extension
* ``intros``    names in any case: introductions, relations, sign-offs in five languages
                (``moderation/data/common_surnames.txt``)
* ``loose_names`` a known first name followed by a surname-looking word (not an ordinary
                word, first name or kind of place), anywhere; "the Hendersons next door"
* ``figures``   allow-list of fictional characters and quoted public figures
* ``people``    all name detection combined (``rules/names.py`` + ``titled`` + ``figures``)

Bare domains by public suffix are in ``rules/domains.py`` (used by the links rule).
Every detector has a cheap pre-filter (most test ``Normalized.words``, the message's word
set computed once) and all regexes are compiled at import.
"""

from __future__ import annotations
