"""The contract every channel connector follows (see the channels issue for the full plugin API)."""

from __future__ import annotations

from typing import Protocol


class Connector(Protocol):
    """A source of raw customer messages."""

    #: Channel kind stored on each raw message, e.g. ``"email"``.
    kind: str

    def test_connection(self) -> str:
        """Connect once and say what was found; raise with a readable message on failure."""
