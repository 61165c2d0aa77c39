"""Live fan-out of chat lines between web processes: a wake-up signal, not the data.

The database is the truth (``hub.chat`` reads lines from the raw sources);
the bus only says "conversation X has a line after id N". A stream that
misses a signal (Redis restarted, a queue overflowed) still gets the line on
its next heartbeat or reconnect, because it always re-reads from its own
cursor. That is why plain Redis pub/sub (fire-and-forget) is enough here and
why several gunicorn workers can serve one conversation: the visitor's stream
may be in worker A while the agent's reply is posted to worker B.

Without Redis (the embedded hub, tests) everything runs in one process and
:class:`LocalChatBus` hands signals to in-process queues.
"""

from __future__ import annotations

import json
import queue
import threading
from typing import Any, Protocol

#: Redis channel prefix; one channel per conversation, agents subscribe to the pattern.
CHANNEL_PREFIX = "hub:chat:"


class ChatSubscription(Protocol):
    """Signals for one stream; ``get`` waits at most ``timeout`` seconds."""

    def get(self, timeout: float) -> dict[str, Any] | None: ...

    def close(self) -> None: ...


class ChatBus(Protocol):
    """Where a committed line is announced, and where streams listen."""

    def publish(self, channel_id: int, conversation_id: str, event: dict[str, Any]) -> None: ...

    def subscribe(self, channel_id: int | None = None, conversation_id: str | None = None) -> ChatSubscription: ...


def redis_channel(channel_id: int, conversation_id: str) -> str:
    """The Redis channel of one conversation."""
    return f"{CHANNEL_PREFIX}{channel_id}:{conversation_id}"


class RedisChatBus:
    """Redis pub/sub: one channel per conversation, a pattern subscription for agents."""

    def __init__(self, redis_url: str) -> None:
        from redis import Redis

        self._redis_url = redis_url
        self._redis = Redis.from_url(redis_url)

    def publish(self, channel_id: int, conversation_id: str, event: dict[str, Any]) -> None:
        self._redis.publish(redis_channel(channel_id, conversation_id), json.dumps(event, default=str))

    def subscribe(self, channel_id: int | None = None, conversation_id: str | None = None) -> ChatSubscription:
        return _RedisSubscription(self._redis, None if channel_id is None or conversation_id is None else redis_channel(channel_id, conversation_id))


class _RedisSubscription:
    def __init__(self, redis_client: Any, channel: str | None) -> None:
        self._pubsub = redis_client.pubsub()
        if channel is None:
            self._pubsub.psubscribe(CHANNEL_PREFIX + "*")
        else:
            self._pubsub.subscribe(channel)
        # Wait for Redis to confirm: a stream reads the database only after this, so a
        # line committed before that read is found by it, and one committed after is signalled.
        confirmation = self._pubsub.get_message(timeout=5)
        if not confirmation or confirmation.get("type") not in ("subscribe", "psubscribe"):
            self._pubsub.close()
            raise ConnectionError("Redis did not confirm the chat subscription")

    def get(self, timeout: float) -> dict[str, Any] | None:
        message = self._pubsub.get_message(timeout=timeout)
        if not message or message.get("type") not in ("message", "pmessage"):
            return None
        try:
            return json.loads(message["data"])
        except (TypeError, ValueError):
            return None

    def close(self) -> None:
        self._pubsub.close()


class LocalChatBus:
    """In-process fan-out for a single-process hub; bounded queues, so a stalled stream cannot grow memory."""

    def __init__(self) -> None:
        self._queues: dict[queue.Queue[dict[str, Any]], tuple[int, str] | None] = {}
        self._lock = threading.Lock()

    def publish(self, channel_id: int, conversation_id: str, event: dict[str, Any]) -> None:
        with self._lock:
            targets = [q for q, wanted in self._queues.items() if wanted is None or wanted == (channel_id, conversation_id)]
        for target in targets:
            try:
                target.put_nowait(event)
            except queue.Full:
                pass  # the stream re-reads from its cursor on its next heartbeat

    def subscribe(self, channel_id: int | None = None, conversation_id: str | None = None) -> ChatSubscription:
        events: queue.Queue[dict[str, Any]] = queue.Queue(maxsize=100)
        with self._lock:
            self._queues[events] = None if channel_id is None or conversation_id is None else (channel_id, conversation_id)
        return _LocalSubscription(self, events)

    def _discard(self, events: queue.Queue[dict[str, Any]]) -> None:
        with self._lock:
            self._queues.pop(events, None)


class _LocalSubscription:
    def __init__(self, bus: LocalChatBus, events: queue.Queue[dict[str, Any]]) -> None:
        self._bus = bus
        self._events = events

    def get(self, timeout: float) -> dict[str, Any] | None:
        try:
            return self._events.get(timeout=timeout)
        except queue.Empty:
            return None

    def close(self) -> None:
        self._bus._discard(self._events)


def make_chat_bus(redis_url: str) -> ChatBus:
    """Redis pub/sub when Redis is configured (several processes), else in-process."""
    return RedisChatBus(redis_url) if redis_url else LocalChatBus()
