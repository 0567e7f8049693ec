"""Crisis detection: a learned classifier with a small rules layer around it.

Read in this order: ``rule.py`` (levels and what each one does), ``rules.py`` (the few
things a model cannot know), ``model.py`` (inference over the shipped weights) and
``features.py`` (text → n-grams, shared with ``tools/train_crisis.py``). The corpus it is
trained on is ``moderation/corpus/train/``; the blind sets it is measured on are
``moderation/corpus/blind/`` (docs/moderation.md has the figures).
"""

from moderation.crisis.rule import Assessment, CrisisRule, CrisisSettings, assess, model_available

__all__ = ["Assessment", "CrisisRule", "CrisisSettings", "assess", "model_available"]
