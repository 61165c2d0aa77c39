"""Lost reply jobs are found and sent, once: in-process on both databases, and on RQ.

A reply is "lost" when its row is ``queued`` past the grace period with no
send job, or ``sending`` under an expired claim. The sweeper enqueues it;
sweeping twice, or two sweepers at the same moment, never sends it twice.
"""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import update

from hub.clock import utcnow
from hub.db import unit_of_work
from hub.models import OutboundMessage
from hub.outbound import CLAIM_LEASE, queue_reply
from tests.web.test_reply import REPLY_BODY, SmtpSink, _customer_mail, pg_settings, settings, smtp_sink  # noqa: F401 -- fixtures
from workers.queue import InProcessQueue, make_queue
from workers.reply_sweeper import sweep_replies_once

GRACE = 120.0


def _queued_reply(runtime, age: timedelta, **changes: object) -> int:  # type: ignore[no-untyped-def]
    """A reply committed ``age`` ago whose job never ran (the crash between commit and enqueue)."""
    original = _customer_mail(runtime).id  # importing the same mail again is a no-op
    with unit_of_work(runtime.factory) as session:
        outbound_id = queue_reply(session, original, REPLY_BODY, None)
    table = OutboundMessage.__table__
    with unit_of_work(runtime.factory) as session:
        session.execute(update(table).where(table.c.id == outbound_id).values(created_at=utcnow() - age, **changes))
    return outbound_id


def _status(runtime, outbound_id: int) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        row = session.get(OutboundMessage, outbound_id)
        return row.status, row.attempts  # type: ignore[union-attr]


def test_lost_queued_reply_is_sent_once_and_fresh_ones_are_left_alone(runtime, smtp_sink: SmtpSink) -> None:
    lost = _queued_reply(runtime, timedelta(minutes=10))
    fresh = _queued_reply(runtime, timedelta(seconds=5))
    queue = make_queue(runtime)

    first = sweep_replies_once(runtime, queue, GRACE)
    second = sweep_replies_once(runtime, queue, GRACE)

    assert first == [lost] and second == []
    assert _status(runtime, lost) == ("sent", 1)
    assert _status(runtime, fresh) == ("queued", 0), "a reply inside the grace period may still have its job"
    assert len(smtp_sink.envelopes) == 1


def test_sending_with_an_expired_claim_is_taken_over_and_a_live_claim_is_not(runtime, smtp_sink: SmtpSink) -> None:
    dead = _queued_reply(runtime, timedelta(hours=1), status="sending", attempts=1, claimed_at=utcnow() - CLAIM_LEASE - timedelta(minutes=1))
    alive = _queued_reply(runtime, timedelta(hours=1), status="sending", attempts=1, claimed_at=utcnow() - timedelta(minutes=1))

    swept = sweep_replies_once(runtime, make_queue(runtime), GRACE)

    assert swept == [dead]
    assert _status(runtime, dead) == ("sent", 2)
    assert _status(runtime, alive) == ("sending", 1)
    assert len(smtp_sink.envelopes) == 1


class _RacingQueue(InProcessQueue):
    """Both sweepers pass the "no job in flight" check before either sends: the worst interleaving."""

    def __init__(self, batch_size: int, barrier: threading.Barrier) -> None:
        super().__init__(batch_size)
        self.barrier = barrier

    def send_in_flight(self, outbound_id: int) -> bool:
        self.barrier.wait(timeout=30)
        return False


def test_two_sweeps_racing_send_once(runtime, smtp_sink: SmtpSink) -> None:
    lost = _queued_reply(runtime, timedelta(minutes=10))
    barrier = threading.Barrier(2)
    results: list[list[int]] = []
    errors: list[BaseException] = []

    def sweep() -> None:
        try:
            results.append(sweep_replies_once(runtime, _RacingQueue(100, barrier), GRACE))
        except BaseException as error:  # noqa: BLE001 -- reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert results == [[lost], [lost]], "both sweepers enqueued the reply"
    assert len(smtp_sink.envelopes) == 1, "the claim let exactly one of them send"
    assert _status(runtime, lost) == ("sent", 1)


def test_rq_sweeper_skips_replies_with_a_job_and_recovers_lost_ones(rq_runtime, smtp_sink: SmtpSink) -> None:
    from redis import Redis
    from rq import Queue, SimpleWorker

    queue = make_queue(rq_runtime)
    redis = Redis.from_url(rq_runtime.settings.redis_url)
    rq_queue = Queue(rq_runtime.settings.queue_name, connection=redis)
    waiting = _queued_reply(rq_runtime, timedelta(minutes=10))
    queue.enqueue_send(waiting)
    lost = _queued_reply(rq_runtime, timedelta(minutes=10))

    assert sweep_replies_once(rq_runtime, queue, GRACE) == [lost], "a reply whose job is waiting is not enqueued again"
    assert sweep_replies_once(rq_runtime, queue, GRACE) == [], "nor is one the sweeper just enqueued"
    rq_queue.empty()  # Redis lost both jobs (a restart without persistence)
    racing = [sweep_replies_once(rq_runtime, queue, GRACE), sweep_replies_once(rq_runtime, queue, GRACE)]
    rq_queue.enqueue_job(rq_queue.fetch_job(f"send-reply-{waiting}"))  # a duplicate job as two racing sweepers could leave
    SimpleWorker([rq_queue], connection=redis).work(burst=True)

    assert racing == [[waiting, lost], []]
    assert _status(rq_runtime, waiting) == ("sent", 1) and _status(rq_runtime, lost) == ("sent", 1)
    assert sorted(e.rcpt_tos[0] for e in smtp_sink.envelopes) == ["anna.weber@example.org"] * 2, "each reply went out once"
    assert sweep_replies_once(rq_runtime, queue, GRACE) == []
