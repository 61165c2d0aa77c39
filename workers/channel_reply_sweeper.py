"""Finding channel replies (Telegram, SMS, ...) whose send job was lost, and enqueueing them again.

The same gap as mail's (``workers.reply_sweeper``): the web view commits the
reply before it enqueues the job, so a crash or a Redis restart in between
leaves a ``queued`` row with no job, and a worker killed while talking to the
service leaves a ``sending`` row whose claim expires. The sweeper re-enqueues
both. Enqueueing a reply that still has a job (two sweepers racing, a job
created a moment ago) is harmless: ``send_channel_reply`` claims the row with
a compare-and-set, so the reply is sent once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import timedelta

from hub.channel_replies import lost_channel_reply_ids
from hub.clock import utcnow
from hub.db import unit_of_work
from workers.channels import channel_reply_in_flight, enqueue_channel_reply
from workers.runtime import Runtime

log = logging.getLogger(__name__)


def sweep_channel_replies_once(
    runtime: Runtime,
    grace_seconds: float,
    *,
    in_flight: Callable[[int], bool] | None = None,
    enqueue: Callable[[int], None] | None = None,
) -> list[int]:
    """One sweep: enqueue every lost channel reply that has no send job in flight; returns their ids.

    ``in_flight`` and ``enqueue`` default to the runtime's queue (RQ, or
    in-process); tests pass their own to force an interleaving.
    """
    in_flight = in_flight or (lambda reply_id: channel_reply_in_flight(runtime, reply_id))
    enqueue = enqueue or (lambda reply_id: enqueue_channel_reply(runtime, reply_id))
    with unit_of_work(runtime.factory) as session:
        candidates = lost_channel_reply_ids(session, utcnow(), timedelta(seconds=grace_seconds))
    lost = [reply_id for reply_id in candidates if not in_flight(reply_id)]
    for reply_id in lost:
        log.info("event=channel_reply_sweep_enqueued reply_id=%d", reply_id)
        enqueue(reply_id)
    return lost


class ChannelReplySweeper(threading.Thread):
    """Runs :func:`sweep_channel_replies_once` every ``every_seconds`` inside ``hub run``."""

    def __init__(self, runtime: Runtime, stop: threading.Event, every_seconds: float = 30.0) -> None:
        super().__init__(name="channel-reply-sweeper", daemon=True)
        self.runtime, self.stop_event, self.every = runtime, stop, every_seconds

    def run(self) -> None:
        while not self.stop_event.wait(self.every):
            try:
                sweep_channel_replies_once(self.runtime, self.runtime.settings.reply_sweep_grace_seconds)
            except Exception:  # the sweeper must survive a database or Redis outage
                log.exception("event=channel_reply_sweep_failed")
