"""Events for live inbox updates: in-process listeners or Redis pub/sub.

Ingest publishes its events itself after its commit. Changes made in a
request (assign, status, notes, tag corrections) are *announced* on the
session and published by a SQLAlchemy ``after_commit`` hook, so an event is
never seen before the change it describes is readable, nor at all when the
change is rolled back.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any, Protocol

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

#: Redis channel the web app subscribes to for live updates.
EVENTS_CHANNEL = "hub:events"
#: The event type of a change to a message's work state or tags made by an agent.
INBOX_CHANGED = "inbox.changed"


def inbox_changed(interaction_id: int, change: str, by: int | None) -> dict[str, Any]:
    """The event other open inboxes use to redraw one row (ids only: they re-read what they may see)."""
    return {"type": INBOX_CHANGED, "interaction_id": interaction_id, "change": change, "by": by}


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


# --- events announced inside a transaction, published after its commit -----

#: Where a session keeps the events of its open transaction.
_PENDING = "hub.events.pending"
#: Where a session finds its publisher (or a callable returning it, resolved only when there is news).
_PUBLISHER = "hub.events.publisher"
log = logging.getLogger(__name__)


def announce(session: Session, event: dict[str, Any]) -> None:
    """Publish ``event`` once the session's transaction commits; a rollback drops it.

    Domain services call this instead of publishing: they do not commit, so
    publishing at once could announce a change that is then rolled back, and
    a listener reading the change before the commit would not find it.
    """
    session.info.setdefault(_PENDING, []).append(event)


def bind_publisher(session: Session, publisher: EventPublisher | Callable[[], EventPublisher]) -> None:
    """Where this session's announced events go (a session without one publishes nowhere)."""
    session.info[_PUBLISHER] = publisher


@sa_event.listens_for(Session, "after_commit")
def _publish_committed(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    target = session.info.get(_PUBLISHER)
    if not pending or target is None:
        return
    try:
        publisher = target if hasattr(target, "publish") else target()
        for item in pending:
            publisher.publish(item)
    except Exception as error:  # noqa: BLE001 -- the change is committed; a lost live update only costs a reload
        log.warning("event=publish_failed count=%d error_class=%s", len(pending), type(error).__name__)


@sa_event.listens_for(Session, "after_soft_rollback")
def _drop_rolled_back(session: Session, previous_transaction: Any) -> None:
    if not previous_transaction.nested:  # a rolled-back savepoint leaves the outer transaction's news standing
        session.info.pop(_PENDING, None)
