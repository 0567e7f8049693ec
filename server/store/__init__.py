"""Adapters for the rooms.Store port: `memory` (embedded default) and `redis`."""
