"""Webhook ingest requests coalesced per process: one queue job per short burst, not one per request.

On RQ every ingest job forks a work-horse that pays a fixed start-up cost
(hundreds of milliseconds on a busy two-core machine) before its first
message. Webhooks bring one message per request, so the raw ids of the
requests answered within ``linger_seconds`` go out as one job.

Nothing is lost by waiting: ids are added only after their raw copies are
committed (status pending), and a process that dies before it flushes
leaves them to the pending sweeper of ``hub run`` -- the same path that
already covers a crash between the commit and the enqueue.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

#: How long the first id of a burst waits for company (part of the 2xx -> timeline budget of 1 s).
LINGER_SECONDS = 0.1


class IngestCoalescer:
    """Collects raw ids from many request threads; a background thread enqueues them in batches."""

    def __init__(self, enqueue: Callable[[list[int]], None], *, linger_seconds: float = LINGER_SECONDS, max_ids: int = 500) -> None:
        self._enqueue = enqueue
        self.linger_seconds = linger_seconds
        self.max_ids = max(1, max_ids)
        self._ids: list[int] = []
        self._since = 0.0
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False
        atexit.register(self.close)  # a worker stopping gracefully sends what it holds

    def add(self, raw_ids: list[int]) -> None:
        """Ingest these (committed) raws soon; returns at once."""
        if not raw_ids:
            return
        with self._changed:
            if self._closed:
                closed = True
            else:
                closed = False
                if not self._ids:
                    self._since = time.monotonic()
                self._ids.extend(raw_ids)
                if self._thread is None or not self._thread.is_alive():
                    self._thread = threading.Thread(target=self._run, name="webhook-ingest-batches", daemon=True)
                    self._thread.start()
                self._changed.notify()
        if closed:
            self._send(list(raw_ids))

    def flush(self) -> None:
        """Enqueue what is held now (tests, shutdown)."""
        with self._changed:
            batch, self._ids = self._ids, []
        self._send(batch)

    def close(self) -> None:
        """Flush, and from now on enqueue each request's ids directly."""
        with self._changed:
            self._closed = True
            self._changed.notify()
        self.flush()

    def _run(self) -> None:
        while True:
            with self._changed:
                while not self._ids and not self._closed:
                    self._changed.wait()
                if self._closed:
                    return
                while len(self._ids) < self.max_ids and not self._closed:
                    left = self._since + self.linger_seconds - time.monotonic()
                    if left <= 0:
                        break
                    self._changed.wait(left)
                # What is left over is already due: the next round sends it without lingering again.
                batch, self._ids = self._ids[: self.max_ids], self._ids[self.max_ids :]
            self._send(batch)

    def _send(self, batch: list[int]) -> None:
        if not batch:
            return
        try:
            self._enqueue(batch)
        except Exception:  # noqa: BLE001 -- the raws stay pending; the sweeper enqueues them again
            log.exception("event=webhook_ingest_enqueue_failed raw_ids=%d", len(batch))
