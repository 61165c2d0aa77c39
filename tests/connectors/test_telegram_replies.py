"""Agents answer Telegram messages: queued once, sent once (even when the job runs twice), shown in the thread."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from connectors.registry import default_registry
from hub.channel_replies import ChannelReplyRefused, queue_channel_reply
from hub.db import unit_of_work
from hub.models import Interaction
from hub.models.channel_replies import ChannelReply
from tests.support.fake_telegram import BOT_ID
from workers import jobs
from workers.channels import enqueue_channel_reply, poll_channel, secret_box


def _received(runtime, fake, add_channel) -> Interaction:  # type: ignore[no-untyped-def]
    channel_id = add_channel()
    fake.add_text(fake.user(55, "Hanna"), "Wann kommt mein Paket?")
    poll_channel(runtime, channel_id, secret_box(runtime))
    with unit_of_work(runtime.factory) as session:
        interaction = session.scalars(select(Interaction)).one()
        session.expunge(interaction)
    return interaction


def _queue(runtime, interaction_id: int, text: str) -> int:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        return queue_channel_reply(session, default_registry(), interaction_id, text, None)


def test_reply_is_sent_once_even_when_the_job_runs_twice(runtime, fake_telegram, add_telegram_channel) -> None:
    original = _received(runtime, fake_telegram, add_telegram_channel)
    reply_id = _queue(runtime, original.id, "Morgen zwischen 10 und 12 Uhr.")

    assert jobs.send_channel_reply_job(reply_id) == {"status": "sent", "sent_now": "True"}
    assert jobs.send_channel_reply_job(reply_id) == {"status": "sent", "sent_now": "False"}

    (call,) = fake_telegram.calls_to("sendMessage")
    assert int(call.params["chat_id"]) == 55 and call.params["text"] == "Morgen zwischen 10 und 12 Uhr."
    assert call.params["reply_parameters"]["message_id"] == 1
    with unit_of_work(runtime.factory) as session:
        row = session.get(ChannelReply, reply_id)
        assert row is not None and row.status == "sent" and row.attempts == 1
        sent = session.scalars(select(Interaction).where(Interaction.direction == "out")).one()
    # The sent copy is stored and ingested: the answer sits in the customer's conversation.
    assert sent.channel == "telegram" and sent.channel_message_id == row.sent_message_id == f"{BOT_ID}/55/900001"
    assert (sent.contact_id, sent.thread_id) == (original.contact_id, original.thread_id)
    assert sent.text == "Morgen zwischen 10 und 12 Uhr." and sent.in_reply_to == original.channel_message_id


def test_a_failed_send_is_recorded_and_a_retry_sends_it_once(runtime, fake_telegram, add_telegram_channel) -> None:
    original = _received(runtime, fake_telegram, add_telegram_channel)
    reply_id = _queue(runtime, original.id, "Wir prüfen das.")
    fake_telegram.fail_next["sendMessage"] = 500
    with pytest.raises(Exception, match="Injected failure"):
        jobs.send_channel_reply_job(reply_id)
    with unit_of_work(runtime.factory) as session:
        row = session.get(ChannelReply, reply_id)
        assert row is not None and row.status == "failed" and "Injected failure of sendMessage" in (row.last_error or "")
        assert "test-token" not in (row.last_error or "")
    assert jobs.send_channel_reply_job(reply_id)["status"] == "sent"
    assert jobs.send_channel_reply_job(reply_id)["sent_now"] == "False"
    assert len(fake_telegram.calls_to("sendMessage")) == 2  # the failed attempt and the one that worked


def test_enqueue_in_process_sends_and_a_second_enqueue_changes_nothing(runtime, fake_telegram, add_telegram_channel) -> None:
    original = _received(runtime, fake_telegram, add_telegram_channel)
    reply_id = _queue(runtime, original.id, "Danke für Ihre Geduld.")
    enqueue_channel_reply(runtime, reply_id)
    enqueue_channel_reply(runtime, reply_id)
    assert len(fake_telegram.calls_to("sendMessage")) == 1


def test_refusals_say_why(runtime, fake_telegram, add_telegram_channel) -> None:
    original = _received(runtime, fake_telegram, add_telegram_channel)
    with pytest.raises(ChannelReplyRefused, match="the reply is empty"):
        _queue(runtime, original.id, "   ")
    with pytest.raises(ChannelReplyRefused, match="at most 4096 characters"):
        _queue(runtime, original.id, "x" * 4097)
    with pytest.raises(ChannelReplyRefused, match="no such message"):
        _queue(runtime, original.id + 100, "Hallo")
    with unit_of_work(runtime.factory) as session:
        assert session.scalars(select(ChannelReply)).all() == []


@pytest.mark.redis
def test_on_rq_polling_ingest_and_the_reply_job_run_on_a_worker_and_send_once(rq_runtime, fake_telegram) -> None:
    from redis import Redis
    from rq import Queue, SimpleWorker

    from hub import connector_admin
    from tests.support.fake_telegram import TOKEN

    with unit_of_work(rq_runtime.factory) as session:
        channel_id = connector_admin.add_channel(
            session, default_registry(), secret_box(rq_runtime), kind="telegram", name="Telegram RQ",
            submitted={"bot_token": TOKEN, "mode": "polling", "api_url": fake_telegram.url, "poll_timeout": "0"}, user_id=None,
        )
    fake_telegram.add_text(fake_telegram.user(56, "Ida"), "Ist mein Paket unterwegs?")
    redis = Redis.from_url(rq_runtime.settings.redis_url)
    rq_queue = Queue(rq_runtime.settings.queue_name, connection=redis)
    poll_channel(rq_runtime, channel_id, secret_box(rq_runtime))
    SimpleWorker([rq_queue], connection=redis).work(burst=True)
    with unit_of_work(rq_runtime.factory) as session:
        original = session.scalars(select(Interaction)).one()
        reply_id = queue_channel_reply(session, default_registry(), original.id, "Ja, seit heute früh.", None)
    enqueue_channel_reply(rq_runtime, reply_id)
    [job] = rq_queue.jobs
    assert job.retries_left == 5 and job.retry_intervals == [10, 30, 120, 600, 1800]
    SimpleWorker([rq_queue], connection=redis).work(burst=True)
    enqueue_channel_reply(rq_runtime, reply_id)  # a sweeper or a double click: harmless
    SimpleWorker([rq_queue], connection=redis).work(burst=True)
    assert len(fake_telegram.calls_to("sendMessage")) == 1
    with unit_of_work(rq_runtime.factory) as session:
        assert session.get(ChannelReply, reply_id).status == "sent"  # type: ignore[union-attr]
        assert session.scalars(select(Interaction.direction).order_by(Interaction.id)).all() == ["in", "out"]
