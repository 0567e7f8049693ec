"""Hearth moderation: pure policy, no I/O. Text in, verdict out.

The server builds one :class:`Pipeline` per room configuration with :func:`build_pipeline`
and calls ``check_message`` / ``check_name``; the verdict says what to do and why. See
docs/moderation.md.
"""

from moderation.config import SUPPORTED_LANGUAGES, RoomModeration
from moderation.crisis import model_available as crisis_model_available
from moderation.dedupe import fingerprint
from moderation.pipeline import RULES_VERSION, Pipeline, build_pipeline
from moderation.rate import Bucket, take
from moderation.rich import sanitize_rich
from moderation.types import Action, Reason, Verdict

__all__ = [
    "Action",
    "Bucket",
    "Pipeline",
    "RULES_VERSION",
    "Reason",
    "RoomModeration",
    "SUPPORTED_LANGUAGES",
    "crisis_model_available",
    "Verdict",
    "build_pipeline",
    "fingerprint",
    "sanitize_rich",
    "take",
]
