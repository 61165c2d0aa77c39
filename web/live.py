"""Live events for the inbox: one subscription per open SSE stream.

With Redis the stream subscribes to the ``hub:events`` channel, so events
from worker processes arrive; without Redis, ingest runs in this process and
publishes through the runtime's :class:`~hub.events.LocalPublisher`, which
this module fans out to one queue per open stream.
"""

from __future__ import annotations

import json
import queue
import threading
import weakref
from collections.abc import Iterator
from typing import Any, Protocol

from hub.events import EVENTS_CHANNEL, LocalPublisher


class Subscription(Protocol):
    """Events for one stream; ``get`` waits at most ``timeout`` seconds."""

    def get(self, timeout: float) -> dict[str, Any] | None: ...

    def close(self) -> None: ...


class LocalFanout:
    """Registered once on a LocalPublisher; hands every event to each open stream."""

    def __init__(self) -> None:
        self._queues: set[queue.Queue[dict[str, Any]]] = set()
        self._lock = threading.Lock()

    def __call__(self, event: dict[str, Any]) -> None:
        with self._lock:
            targets = list(self._queues)
        for target in targets:
            target.put(event)

    def open(self) -> LocalSubscription:
        """A new stream's queue (bounded: a stalled browser cannot grow memory)."""
        events: queue.Queue[dict[str, Any]] = queue.Queue(maxsize=1000)
        with self._lock:
            self._queues.add(events)
        return LocalSubscription(self, events)

    def discard(self, events: queue.Queue[dict[str, Any]]) -> None:
        with self._lock:
            self._queues.discard(events)


class LocalSubscription:
    """One stream's view of the in-process events."""

    def __init__(self, fanout: LocalFanout, events: queue.Queue[dict[str, Any]]) -> None:
        self._fanout = fanout
        self._events = events

    def get(self, timeout: float) -> dict[str, Any] | None:
        try:
            return self._events.get(timeout=timeout)
        except queue.Empty:
            return None

    def close(self) -> None:
        self._fanout.discard(self._events)


class RedisSubscription:
    """One stream's Redis pub/sub connection."""

    def __init__(self, redis_client: Any) -> None:
        self._pubsub = redis_client.pubsub(ignore_subscribe_messages=True)
        self._pubsub.subscribe(EVENTS_CHANNEL)

    def get(self, timeout: float) -> dict[str, Any] | None:
        message = self._pubsub.get_message(timeout=timeout)
        if not message or message.get("type") != "message":
            return None
        try:
            return json.loads(message["data"])
        except (TypeError, ValueError):
            return None

    def close(self) -> None:
        self._pubsub.close()


_FANOUTS: weakref.WeakKeyDictionary[LocalPublisher, LocalFanout] = weakref.WeakKeyDictionary()
_FANOUT_LOCK = threading.Lock()


def subscribe(publisher: Any, redis_url: str = "") -> Subscription:
    """A subscription to the events of the hub this process serves."""
    if redis_url:
        from redis import Redis

        return RedisSubscription(Redis.from_url(redis_url))
    if not isinstance(publisher, LocalPublisher):
        raise RuntimeError("no live events: neither Redis nor an in-process publisher")
    with _FANOUT_LOCK:
        fanout = _FANOUTS.get(publisher)
        if fanout is None:
            # One fan-out per publisher: a new runtime (tests switch hubs) gets its own.
            fanout = _FANOUTS[publisher] = LocalFanout()
            publisher.subscribe(fanout)
    return fanout.open()


def stream(subscription: Subscription, *, max_seconds: float, heartbeat_seconds: float, clock: Any) -> Iterator[str]:
    """SSE text: events as they come, heartbeat comments, then end so the client reconnects."""
    deadline = clock() + max_seconds
    try:
        yield "retry: 2000\n\n"
        while (left := deadline - clock()) > 0:
            event = subscription.get(timeout=min(heartbeat_seconds, left))
            if event is None:
                yield ": heartbeat\n\n"
            else:
                yield f"event: {event.get('type', 'message')}\ndata: {json.dumps(event, default=str)}\n\n"
    finally:
        subscription.close()
