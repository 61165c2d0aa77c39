"""Fixed-window rate limits for public endpoints (the chat widget), shared across processes.

With Redis the counter is one ``INCR`` + ``EXPIRE`` per request, so every
gunicorn worker counts against the same number. Without Redis the hub is one
process and a dict does. ``now`` is passed in so tests move time instead of
sleeping. The window is fixed (not sliding): a burst at a window edge may see
up to twice the limit, which is fine for spam control and costs one key.
"""

from __future__ import annotations

import threading
from typing import Any, Protocol


class RateLimiter(Protocol):
    """``hit`` counts one request for ``key`` and says whether it is within ``limit`` per ``window_seconds``."""

    def hit(self, key: str, limit: int, window_seconds: int, now: float) -> bool: ...


class MemoryRateLimiter:
    """Counters in this process (the embedded single-process hub)."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, int], int] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, limit: int, window_seconds: int, now: float) -> bool:
        window = int(now // window_seconds)
        with self._lock:
            if len(self._counts) > 10_000:
                # Old windows are useless; dropping them keeps memory bounded under a flood of keys.
                self._counts = {k: v for k, v in self._counts.items() if k[1] >= window}
            count = self._counts[(key, window)] = self._counts.get((key, window), 0) + 1
        return count <= limit


class RedisRateLimiter:
    """Counters in Redis, shared by every web process."""

    def __init__(self, redis_client: Any, prefix: str = "hub:rate:") -> None:
        self._redis = redis_client
        self._prefix = prefix

    def hit(self, key: str, limit: int, window_seconds: int, now: float) -> bool:
        name = f"{self._prefix}{key}:{int(now // window_seconds)}"
        pipe = self._redis.pipeline()
        pipe.incr(name)
        pipe.expire(name, window_seconds * 2)
        count, _ = pipe.execute()
        return int(count) <= limit


def make_rate_limiter(redis_url: str) -> RateLimiter:
    """Redis-backed when Redis is configured, else in memory."""
    if not redis_url:
        return MemoryRateLimiter()
    from redis import Redis

    return RedisRateLimiter(Redis.from_url(redis_url))
