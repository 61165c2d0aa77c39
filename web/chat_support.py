"""What the chat blueprints share: per-app services and the line stream.

Services are built on first use and kept in ``app.extensions`` (nothing at
import time; tests and embedders may put their own there first).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import asdict
from typing import Any, cast

from flask import current_app
from sqlalchemy.orm import Session, sessionmaker

from hub.chat import ChatLine, conversation_lines
from hub.chat_bus import ChatBus, ChatSubscription, make_chat_bus
from hub.rate_limit import RateLimiter, make_rate_limiter
from hub.rawstore import FileBlobStore

#: A stream ends after this long; the widget (and EventSource) reconnect with their cursor.
SSE_MAX_SECONDS = 25.0
#: Heartbeats keep proxies from closing an idle stream and re-check the database for missed signals.
SSE_HEARTBEAT_SECONDS = 10.0
LINES_PER_READ = 200


def _extension(name: str, build: Callable[[], Any]) -> Any:
    value = current_app.extensions.get(name)
    if value is None:
        value = current_app.extensions[name] = build()
    return value


def settings() -> Any:
    """The hub settings of this app."""
    return current_app.extensions["hub.settings"]


def blob_store() -> FileBlobStore:
    """The raw store chat envelopes are kept in."""
    return cast(FileBlobStore, _extension("hub.chat.blob_store", lambda: FileBlobStore(settings().resolved_raw_store_dir())))


def chat_bus() -> ChatBus:
    """Live signals between web processes (Redis when configured)."""
    return cast(ChatBus, _extension("hub.chat.bus", lambda: make_chat_bus(settings().redis_url)))


def rate_limiter() -> RateLimiter:
    """Counters of the widget's rate limits (Redis when configured)."""
    return cast(RateLimiter, _extension("hub.chat.rate_limiter", lambda: make_rate_limiter(settings().redis_url)))


def enqueue_ingest(raw_ids: list[int]) -> None:
    """Ingest freshly committed raws (in-process without Redis, else on RQ)."""
    if not raw_ids:
        return
    queue = current_app.extensions.get("hub.job_queue")
    if queue is None:
        from workers.queue import make_queue
        from workers.runtime import get_runtime

        queue = make_queue(get_runtime(settings()))
    queue.enqueue_ingest(raw_ids)


def session_factory() -> sessionmaker[Session]:
    """For streams, which outlive the request's own session."""
    return cast("sessionmaker[Session]", current_app.extensions["hub.session_factory"])


def sse_limits() -> tuple[float, float]:
    """(longest stream, heartbeat) in seconds; tests shorten them through app.config."""
    config = current_app.config
    return float(config.get("CHAT_SSE_MAX_SECONDS", SSE_MAX_SECONDS)), float(config.get("CHAT_SSE_HEARTBEAT_SECONDS", SSE_HEARTBEAT_SECONDS))


def line_json(line: ChatLine) -> dict[str, Any]:
    """A line as the widget and the agent page receive it."""
    return asdict(line)


def line_stream(
    factory: sessionmaker[Session],
    store: FileBlobStore,
    subscription: ChatSubscription,
    channel_id: int,
    conversation_id: str,
    *,
    after: int,
    max_seconds: float,
    heartbeat_seconds: float,
    clock: Callable[[], float],
) -> Iterator[str]:
    """SSE text: the lines after ``after``, then each new one as it is signalled, then end.

    Every wake-up (signal or heartbeat) re-reads the database from the
    stream's cursor, so a lost signal delays a line by one heartbeat at most.
    """
    deadline = clock() + max_seconds
    cursor = after
    try:
        yield "retry: 2000\n\n"
        while True:
            while True:  # a long backlog comes in pages
                with factory() as session:
                    lines = conversation_lines(session, store, channel_id, conversation_id, after=cursor, limit=LINES_PER_READ)
                for line in lines:
                    cursor = line.id
                    yield f"id: {line.id}\nevent: line\ndata: {json.dumps(line_json(line))}\n\n"
                if len(lines) < LINES_PER_READ:
                    break
            left = deadline - clock()
            if left <= 0:
                return
            if subscription.get(timeout=min(heartbeat_seconds, left)) is None:
                yield ": heartbeat\n\n"
    finally:
        subscription.close()


def signal_stream(subscription: ChatSubscription, *, max_seconds: float, heartbeat_seconds: float, clock: Callable[[], float]) -> Iterator[str]:
    """SSE text for the agents' list: one ``chat`` event per signalled line (ids only, no text)."""
    deadline = clock() + max_seconds
    try:
        yield "retry: 2000\n\n"
        while (left := deadline - clock()) > 0:
            event = subscription.get(timeout=min(heartbeat_seconds, left))
            if event is None:
                yield ": heartbeat\n\n"
            else:
                yield f"event: chat\ndata: {json.dumps(event, default=str)}\n\n"
    finally:
        subscription.close()
