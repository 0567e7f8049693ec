"""One exception for every refusal the domain makes; `code` is a protocol error code."""

from __future__ import annotations


class RoomError(Exception):
    """A request the room refuses; the connection stays open.

    `code` is one of PROTOCOL.md's error codes, `message` is safe to show the requester
    (never message text of others), `retry_after` is in milliseconds.
    """

    def __init__(self, code: str, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retry_after = retry_after
