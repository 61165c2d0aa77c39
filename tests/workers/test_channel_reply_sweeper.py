"""Lost channel-reply jobs are found and sent, once: in-process on both databases, and on RQ.

A Telegram reply is "lost" when its row is ``queued`` past the grace period
with no send job (the crash between the web view's commit and its enqueue),
or ``sending`` under an expired claim (a worker killed mid-send). The
sweeper enqueues it; sweeping twice, or two sweepers at the same moment,
never sends it twice. The fake Bot API counts what was really sent.
"""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from connectors.registry import default_registry
from hub.channel_replies import CLAIM_LEASE, queue_channel_reply
from hub.clock import utcnow
from hub.db import unit_of_work
from hub.models import Interaction
from hub.models.channel_replies import ChannelReply
from tests.connectors.conftest import add_telegram_channel, fake_telegram  # noqa: F401 -- fixtures
from tests.support.fake_telegram import FakeTelegram
from workers.channel_reply_sweeper import ChannelReplySweeper, sweep_channel_replies_once
from workers.channels import enqueue_channel_reply, poll_channel, secret_box

GRACE = 120.0


def _original(runtime, fake: FakeTelegram, add_channel) -> int:  # type: ignore[no-untyped-def]
    channel_id = add_channel()
    fake.add_text(fake.user(55, "Hanna"), "Wann kommt mein Paket?")
    poll_channel(runtime, channel_id, secret_box(runtime))
    with unit_of_work(runtime.factory) as session:
        return session.scalars(select(Interaction.id).where(Interaction.direction == "in")).one()


def _lost_reply(runtime, original_id: int, age: timedelta, text: str = "Morgen.", **changes: object) -> int:  # type: ignore[no-untyped-def]
    """A reply committed ``age`` ago whose job never ran."""
    with unit_of_work(runtime.factory) as session:
        reply_id = queue_channel_reply(session, default_registry(), original_id, text, None)
    table = ChannelReply.__table__
    with unit_of_work(runtime.factory) as session:
        session.execute(update(table).where(table.c.id == reply_id).values(created_at=utcnow() - age, **changes))
    return reply_id


def _status(runtime, reply_id: int) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        row = session.get(ChannelReply, reply_id)
        return row.status, row.attempts  # type: ignore[union-attr]


def test_lost_queued_reply_is_sent_once_and_fresh_and_failed_ones_are_left_alone(runtime, fake_telegram, add_telegram_channel) -> None:  # noqa: F811
    original = _original(runtime, fake_telegram, add_telegram_channel)
    lost = _lost_reply(runtime, original, timedelta(minutes=10), "Verloren gegangen.")
    fresh = _lost_reply(runtime, original, timedelta(seconds=5), "Gerade geschrieben.")
    failed = _lost_reply(runtime, original, timedelta(hours=1), "Gescheitert.", status="failed", attempts=1, last_error="HTTP 500")

    first = sweep_channel_replies_once(runtime, GRACE)
    second = sweep_channel_replies_once(runtime, GRACE)

    assert first == [lost] and second == []
    assert _status(runtime, lost) == ("sent", 1)
    assert _status(runtime, fresh) == ("queued", 0), "a reply inside the grace period may still have its job"
    assert _status(runtime, failed) == ("failed", 1), "failed replies wait for RQ's retries or an agent"
    assert [call.params["text"] for call in fake_telegram.calls_to("sendMessage")] == ["Verloren gegangen."]


def test_sending_with_an_expired_claim_is_taken_over_and_a_live_claim_is_not(runtime, fake_telegram, add_telegram_channel) -> None:  # noqa: F811
    original = _original(runtime, fake_telegram, add_telegram_channel)
    dead = _lost_reply(runtime, original, timedelta(hours=1), "Tot.", status="sending", attempts=1, claimed_at=utcnow() - CLAIM_LEASE - timedelta(minutes=1))
    alive = _lost_reply(runtime, original, timedelta(hours=1), "Lebt.", status="sending", attempts=1, claimed_at=utcnow() - timedelta(minutes=1))

    assert sweep_channel_replies_once(runtime, GRACE) == [dead]
    assert _status(runtime, dead) == ("sent", 2)
    assert _status(runtime, alive) == ("sending", 1)
    assert [call.params["text"] for call in fake_telegram.calls_to("sendMessage")] == ["Tot."]


def test_two_sweeps_racing_send_once(runtime, fake_telegram, add_telegram_channel) -> None:  # noqa: F811
    original = _original(runtime, fake_telegram, add_telegram_channel)
    lost = _lost_reply(runtime, original, timedelta(minutes=10))
    barrier = threading.Barrier(2)
    results: list[list[int]] = []
    errors: list[BaseException] = []

    def nothing_in_flight(_reply_id: int) -> bool:
        barrier.wait(timeout=30)  # both sweepers pass the check before either sends: the worst interleaving
        return False

    def sweep() -> None:
        try:
            results.append(sweep_channel_replies_once(runtime, GRACE, in_flight=nothing_in_flight))
        except BaseException as error:  # noqa: BLE001 -- reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert results == [[lost], [lost]], "both sweepers enqueued the reply"
    assert len(fake_telegram.calls_to("sendMessage")) == 1, "the claim let exactly one of them send"
    assert _status(runtime, lost) == ("sent", 1)


def test_hub_run_starts_the_channel_reply_sweeper(runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    from workers import mailboxes

    started: list[ChannelReplySweeper] = []

    class Recorded(ChannelReplySweeper):
        def start(self) -> None:
            started.append(self)
            super().start()

    monkeypatch.setattr(mailboxes, "ChannelReplySweeper", Recorded)
    stop = threading.Event()
    stop.set()  # run_forever starts its threads, sees the stop at once and joins them
    mailboxes.run_forever(runtime, stop)
    assert len(started) == 1 and started[0].runtime is runtime and not started[0].is_alive()


def test_the_sweeper_thread_sends_a_lost_reply(runtime, fake_telegram, add_telegram_channel) -> None:  # noqa: F811
    original = _original(runtime, fake_telegram, add_telegram_channel)
    lost = _lost_reply(runtime, original, timedelta(hours=1))
    stop = threading.Event()
    sweeper = ChannelReplySweeper(runtime, stop, every_seconds=0.05)
    sweeper.start()
    try:
        for _ in range(600):  # waits for the outcome; how long it takes is not asserted
            if _status(runtime, lost)[0] == "sent" or stop.wait(0.05):
                break
    finally:
        stop.set()
        sweeper.join(timeout=30)
    assert _status(runtime, lost) == ("sent", 1)
    assert len(fake_telegram.calls_to("sendMessage")) == 1


@pytest.mark.redis
def test_rq_sweeper_skips_replies_with_a_job_and_recovers_lost_ones(rq_runtime, fake_telegram) -> None:  # noqa: F811
    from redis import Redis
    from rq import Queue, SimpleWorker

    from hub import connector_admin
    from tests.support.fake_telegram import TOKEN

    redis = Redis.from_url(rq_runtime.settings.redis_url)
    rq_queue = Queue(rq_runtime.settings.queue_name, connection=redis)
    with unit_of_work(rq_runtime.factory) as session:
        channel_id = connector_admin.add_channel(
            session, default_registry(), secret_box(rq_runtime), kind="telegram", name="Telegram RQ", user_id=None,
            submitted={"bot_token": TOKEN, "mode": "polling", "api_url": fake_telegram.url, "poll_timeout": "0"},
        )
    fake_telegram.add_text(fake_telegram.user(56, "Ida"), "Ist mein Paket unterwegs?")
    poll_channel(rq_runtime, channel_id, secret_box(rq_runtime))
    SimpleWorker([rq_queue], connection=redis).work(burst=True)  # the ingest job
    with unit_of_work(rq_runtime.factory) as session:
        original = session.scalars(select(Interaction.id)).one()
    waiting = _lost_reply(rq_runtime, original, timedelta(minutes=10), "Wartet.")
    enqueue_channel_reply(rq_runtime, waiting)
    lost = _lost_reply(rq_runtime, original, timedelta(minutes=10), "Verloren.")

    assert sweep_channel_replies_once(rq_runtime, GRACE) == [lost], "a reply whose job is waiting is not enqueued again"
    assert sweep_channel_replies_once(rq_runtime, GRACE) == [], "nor is one the sweeper just enqueued"
    rq_queue.empty()  # Redis lost both jobs (a restart without persistence)
    racing = [sweep_channel_replies_once(rq_runtime, GRACE), sweep_channel_replies_once(rq_runtime, GRACE)]
    rq_queue.enqueue_job(rq_queue.fetch_job(f"send-channel-reply-{waiting}"))  # a duplicate job, as two racing sweepers could leave
    SimpleWorker([rq_queue], connection=redis).work(burst=True)

    assert racing == [[waiting, lost], []]
    assert _status(rq_runtime, waiting) == ("sent", 1) and _status(rq_runtime, lost) == ("sent", 1)
    assert sorted(call.params["text"] for call in fake_telegram.calls_to("sendMessage")) == ["Verloren.", "Wartet."], "each reply went out once"
    assert sweep_channel_replies_once(rq_runtime, GRACE) == []
