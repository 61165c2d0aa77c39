"""Events for live inbox updates: in-process listeners or Redis pub/sub."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Protocol

#: Redis channel the web app subscribes to for live updates.
EVENTS_CHANNEL = "hub:events"


class EventPublisher(Protocol):
    """Where committed changes are announced."""

    def publish(self, event: dict[str, Any]) -> None:
        """Announce one event (called only after the change is committed)."""


class NullPublisher:
    """Publishes nowhere (batch imports with nobody listening)."""

    def publish(self, event: dict[str, Any]) -> None:
        del event


class LocalPublisher:
    """Calls in-process listeners: the embedded default without Redis."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[dict[str, Any]], None]] = []

    def subscribe(self, listener: Callable[[dict[str, Any]], None]) -> None:
        """Register a callable that receives every event."""
        self._listeners.append(listener)

    def publish(self, event: dict[str, Any]) -> None:
        for listener in list(self._listeners):
            listener(event)


class RedisPublisher:
    """Publishes JSON events on :data:`EVENTS_CHANNEL`."""

    def __init__(self, redis_client: Any) -> None:
        self._redis = redis_client

    def publish(self, event: dict[str, Any]) -> None:
        self._redis.publish(EVENTS_CHANNEL, json.dumps(event, default=str))
