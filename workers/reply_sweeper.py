"""Finding replies whose send job was lost and handing them to the queue again.

The web view commits a reply before it enqueues the send job, so a crash
or a Redis restart in between leaves a ``queued`` row with no job; a worker
killed during SMTP leaves a ``sending`` row whose claim expires. Both would
wait forever. The sweeper re-enqueues them; it may enqueue a reply that
still has a job (two sweepers racing, a job created a moment ago), and that
is harmless: the send job claims the row with a compare-and-set, so a reply
is sent once.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from hub.clock import utcnow
from hub.db import unit_of_work
from hub.outbound import lost_reply_ids
from workers.queue import JobQueue, make_queue
from workers.runtime import Runtime

log = logging.getLogger(__name__)


def sweep_replies_once(runtime: Runtime, queue: JobQueue, grace_seconds: float) -> list[int]:
    """One sweep: enqueue every lost reply that has no send job in flight; returns their ids."""
    with unit_of_work(runtime.factory) as session:
        candidates = lost_reply_ids(session, utcnow(), timedelta(seconds=grace_seconds))
    lost = [outbound_id for outbound_id in candidates if not queue.send_in_flight(outbound_id)]
    for outbound_id in lost:
        log.info("event=reply_sweep_enqueued outbound_id=%d", outbound_id)
        queue.enqueue_send(outbound_id)
    return lost


class ReplySweeper(threading.Thread):
    """Runs :func:`sweep_replies_once` every ``every_seconds`` inside ``hub run``."""

    def __init__(self, runtime: Runtime, stop: threading.Event, every_seconds: float = 30.0) -> None:
        super().__init__(name="reply-sweeper", daemon=True)
        self.runtime, self.stop_event, self.every = runtime, stop, every_seconds

    def run(self) -> None:
        queue = make_queue(self.runtime)
        while not self.stop_event.wait(self.every):
            try:
                sweep_replies_once(self.runtime, queue, self.runtime.settings.reply_sweep_grace_seconds)
            except Exception:  # the sweeper must survive a database or Redis outage
                log.exception("event=reply_sweep_failed")
