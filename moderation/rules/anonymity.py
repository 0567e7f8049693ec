"""Anonymity rule: keep contact details and real names out of an anonymous room.

Detects emails (also "jane dot doe at gmail dot com", "jane(at)posteo(punkt)de"), phone
numbers (any common format, digits spelled out in five languages, the local writing of the
room's region and of the regions its language implies), street addresses and postcodes
(English, Irish, Dutch, Canadian, Australian, Spanish, Mexican, Portuguese/Brazilian,
French, German), social handles, full names / surnames in any case (titled and multi-part
names lose every surname part), national identity numbers, payment cards, IBANs, licence
plates, and workplaces / schools that pin a person down, also in lower-case chat.
Impersonal numbers (ISBNs, pages, orders, models, doses, prices, dates) and names of
fictional characters or quoted public figures are left alone. Each hit becomes a
redaction of the ORIGINAL span. Detectors live in ``pii_patterns.py``, ``names.py`` and
the ``pii/`` package (one module per concept).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from moderation.normalize import Normalized
from moderation.rules.base import Mode
from moderation.rules.names import looks_like_full_name
from moderation.rules.pii.addresses import find_local_addresses
from moderation.rules.pii.addresses_chat import find_chat_addresses
from moderation.rules.pii.branches import find_branches
from moderation.rules.pii.emails import find_emails
from moderation.rules.pii.figures import public_names
from moderation.rules.pii.finance import find_cards, find_ibans
from moderation.rules.pii.ids import find_national_ids
from moderation.rules.pii.ids_more import find_more_ids
from moderation.rules.pii.intros import surnames
from moderation.rules.pii.numbers import Hit, overlaps
from moderation.rules.pii.orgs import common_employers, find_orgs
from moderation.rules.pii.orgs_chat import find_orgs_chat
from moderation.rules.pii.people import find_people
from moderation.rules.pii.phones import find_phones
from moderation.rules.pii.phones import warm_up as warm_phones
from moderation.rules.pii.plates import find_plates
from moderation.rules.pii.regions import candidate_regions
from moderation.rules.pii_patterns import find_addresses, find_handles
from moderation.types import Action, Finding, RuleResult

__all__ = ["AnonymitySettings", "find_pii", "AnonymityRule", "MARKERS"]

MARKERS: dict[str, str] = {
    "email": "[email removed]",
    "phone": "[phone removed]",
    "address": "[address removed]",
    "handle": "[handle removed]",
    "full_name": "[name removed]",
    "url": "[link removed]",
    "national_id": "[id removed]",
    "card": "[card removed]",
    "iban": "[account removed]",
    "plate": "[plate removed]",
    "workplace": "[workplace removed]",
    "school": "[school removed]",
}


@dataclass(frozen=True)
class AnonymitySettings:
    """Settings for the anonymity rule."""

    phone_region: str = field(
        default="US",
        metadata={"doc": "ISO region used to read local phone numbers (phonenumbers)."},
    )
    action: Action = field(
        default=Action.REDACT,
        metadata={"doc": "What a PII hit does in a message: REDACT (default) or HOLD."},
    )
    detect_names: bool = field(
        default=True, metadata={"doc": "Detect full names and surnames in introductions."}
    )
    language: str = field(
        default="en",
        metadata={"doc": "Room language (ISO 639-1); adds the phone regions it implies."},
    )
    detect_orgs: bool = field(
        default=True,
        metadata={"doc": "Detect workplaces and schools named next to a work/study cue."},
    )


def find_pii(n: Normalized, settings: AnonymitySettings) -> list[Hit]:
    """Pure predicate: every PII hit in normalized coordinates."""
    # Checksummed numbers first (ids before cards): a digit run one of them claims is not
    # reported again as another kind or as a phone.
    hits: list[Hit] = find_national_ids(n) + find_more_ids(n)
    claimed = [(a, b) for a, b, _ in hits]
    for hit in find_cards(n) + find_ibans(n):
        if not overlaps((hit[0], hit[1]), claimed):
            hits.append(hit)
            claimed.append((hit[0], hit[1]))
    addresses = find_addresses(n) + find_local_addresses(n) + find_chat_addresses(n)
    regions = candidate_regions(settings.phone_region, settings.language)
    for hit in find_phones(n, regions):
        # A short digit run inside an address is its postcode ("4000-123 Porto").
        short = sum(c.isdigit() for c in n.text[hit[0]:hit[1]]) <= 8
        postcode = short and any(a <= hit[0] and hit[1] <= b for a, b, _ in addresses)
        if not postcode and not overlaps((hit[0], hit[1]), claimed):
            hits.append(hit)
            claimed.append((hit[0], hit[1]))
    hits.extend(h for h in find_plates(n) if not overlaps((h[0], h[1]), claimed))
    hits.extend(find_emails(n))
    hits.extend(addresses)
    hits.extend(find_handles(n))
    orgs: list[Hit] = []
    if settings.detect_orgs:
        orgs = find_orgs(n) + find_orgs_chat(n) + find_branches(n)
    if settings.detect_names:
        # A school or firm named after a person ("lycée Victor Hugo") is the place.
        spans = [(a, b) for a, b, _ in orgs]
        hits.extend(h for h in find_people(n) if not overlaps((h[0], h[1]), spans))
    hits.extend(orgs)
    return hits


class AnonymityRule:
    """Thin rule wrapper. Fails closed: a broken PII check must not leak a phone number."""

    name = "anonymity"
    fail_open = False

    def __init__(self, settings: AnonymitySettings) -> None:
        self.settings = settings
        # Load data files and phone metadata at pipeline build, not on the first message.
        warm_phones(candidate_regions(settings.phone_region, settings.language))
        public_names()
        common_employers()
        surnames()

    def evaluate(self, n: Normalized, mode: Mode) -> RuleResult:
        hits = find_pii(n, self.settings)
        if mode == "name":
            codes = {code for _, _, code in hits}
            if looks_like_full_name(n.text):
                codes.add("full_name")
            return RuleResult(tuple(Finding(c, Action.REJECT) for c in sorted(codes)))
        findings = []
        for start, end, code in sorted(hits):
            span = n.to_original(start, end)
            if span[1] > span[0]:
                findings.append(Finding(code, self.settings.action, span, MARKERS[code]))
        return RuleResult(tuple(findings))
