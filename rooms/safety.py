"""How the domain uses the moderation pipeline: per-room pipelines (cached), crisis
resources, and the private notices a sender gets. Policy decides; this module acts."""

from __future__ import annotations

from typing import Any

from moderation import Action, Pipeline, RoomModeration, Verdict, build_pipeline, fingerprint, sanitize_rich
from rooms.errors import RoomError
from rooms.model import RoomConfig

__all__ = [
    "Action", "Pipeline", "RoomModeration", "Verdict", "build_pipeline", "fingerprint", "sanitize_rich", "Safety",
]

DEFAULT_RESOURCES: tuple[dict[str, str], ...] = (
    {"name": "988 Suicide & Crisis Lifeline (US)", "contact": "Call or text 988"},
    {"name": "Samaritans (UK & Ireland)", "contact": "Call 116 123"},
    {"name": "Find a helpline in your country", "contact": "https://findahelpline.com"},
    {"name": "In immediate danger", "contact": "Call your local emergency number"},
)

CRISIS_NOTICE = (
    "It sounds like you are carrying something really heavy right now. You are not alone. "
    "Your message was shared privately with the facilitator, who will reach out. If you are "
    "in danger or thinking about acting on these thoughts, please contact one of these now."
)
CRISIS_IDEATION_NOTICE = (
    "Thank you for sharing this. It sounds really hard. The facilitator has been let know "
    "privately so they can check in with you. If things feel unsafe, these can help right now."
)
REDACT_NOTICE = (
    "To keep everyone anonymous, some details in your message were replaced before others saw it "
    "({what}). Please share without names, contacts, addresses or links."
)
PII_WORDS = {
    "email": "an email address", "phone": "a phone number", "address": "an address",
    "handle": "a social media handle", "url": "a link", "full_name": "a full name",
    "last_name": "a last name", "name": "a name", "national_id": "an ID number", "card": "a card number",
    "iban": "a bank account number", "plate": "a licence plate", "workplace": "a workplace", "school": "a school",
}


def validate_moderation(data: dict[str, Any]) -> None:
    """Raise ValueError with a clear message when a room's moderation settings are unusable."""
    resources = data.get("resources")
    if resources is not None:
        ok = isinstance(resources, list) and len(resources) <= 20 and all(
            isinstance(r, dict) and isinstance(r.get("name"), str) and isinstance(r.get("contact"), str)
            for r in resources
        )
        if not ok:
            raise ValueError("moderation.resources must be a list of {name, contact} tables (at most 20)")
    RoomModeration.from_mapping({k: v for k, v in data.items() if k != "resources"})


class Safety:
    """Per-room pipelines, rebuilt when a room's moderation settings change."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str, Pipeline]] = {}

    def pipeline(self, config: RoomConfig) -> Pipeline:
        key = repr(sorted(config.moderation.items()))
        cached = self._cache.get(config.id)
        if cached is not None and cached[0] == key:
            return cached[1]
        try:
            settings = RoomModeration.from_mapping(
                {k: v for k, v in config.moderation.items() if k != "resources"}
            )
        except ValueError:
            settings = RoomModeration()  # validated at room creation; never fail a post on it
        pipeline = build_pipeline(settings)
        self._cache[config.id] = (key, pipeline)
        return pipeline

    def check_name(self, config: RoomConfig, name: str) -> None:
        verdict = self.pipeline(config).check_name(name)
        if verdict.action >= Action.HOLD:
            raise RoomError("invalid", "that pseudonym looks like it could identify someone; please choose another")

    @staticmethod
    def resources(config: RoomConfig) -> list[dict[str, str]]:
        custom = config.moderation.get("resources")
        if isinstance(custom, list) and custom:
            return [{"name": str(r.get("name", "")), "contact": str(r.get("contact", ""))}
                    for r in custom if isinstance(r, dict)]
        return [dict(r) for r in DEFAULT_RESOURCES]


def reason_codes(verdict: Verdict) -> list[str]:
    """Acting reasons as `rule:code` strings (dry-run ones are audit-only)."""
    return [f"{r.rule}:{r.code}" for r in verdict.reasons if not r.dry_run and r.action > Action.ALLOW]


def redaction_notice(verdict: Verdict) -> str:
    kinds = sorted({PII_WORDS.get(r.code, "personal details") for r in verdict.reasons
                    if r.action == Action.REDACT and not r.dry_run})
    return REDACT_NOTICE.format(what=", ".join(kinds) or "personal details")


def audit_entry(member: str, verdict: Verdict, ts: int, outcome: str) -> dict[str, Any]:
    """What the audit trail keeps of a verdict: never the text."""
    return {
        "ts": ts, "kind": "moderation", "member": member, "outcome": outcome,
        "reasons": [{"rule": r.rule, "code": r.code, "action": r.action.name.lower(), "dry_run": r.dry_run}
                    for r in verdict.reasons],
        "version": verdict.rule_set_version,
    }
