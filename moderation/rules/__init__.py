"""Moderation rules: one module per rule (pure predicate, settings, thin ``Rule``)."""
