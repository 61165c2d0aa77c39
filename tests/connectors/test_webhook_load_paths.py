"""What keeps webhooks cheap under load: health written at most once a second, one RQ job per burst of requests."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from connectors.registry import default_registry
from connectors.telegram import SECRET_HEADER
from hub import connector_admin
from hub.db import unit_of_work
from hub.models import ChannelHealth, Interaction, RawMessage
from tests.connectors.conftest import WEBHOOK_SECRET
from web import create_app, webhooks
from workers.channels import secret_box


def _post(client, channel_id: int, body: bytes):  # type: ignore[no-untyped-def]
    return client.post(f"/hooks/telegram/{channel_id}", data=body, headers={"Content-Type": "application/json", SECRET_HEADER: WEBHOOK_SECRET})


def _update(fake, user_id: int, text: str) -> bytes:  # type: ignore[no-untyped-def]
    return json.dumps(fake.new_update("message", fake.text_message(fake.user(user_id, "Frida"), text))).encode()


def _health(runtime, channel_id: int) -> ChannelHealth:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        row = session.get(ChannelHealth, channel_id)
        assert row is not None
        session.expunge(row)
        return row


def test_successes_are_written_once_per_window_but_a_failure_lets_the_next_success_through(
    runtime, fake_telegram, add_telegram_channel, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(webhooks, "SUCCESS_RECORD_SECONDS", 3600.0)  # no clock in play: the window cannot pass during the test
    app = create_app(runtime.settings)
    client = app.test_client()
    channel_id = add_telegram_channel(mode="webhook")

    assert _post(client, channel_id, _update(fake_telegram, 41, "eins")).status_code == 200
    first = _health(runtime, channel_id)
    assert first.last_success_at is not None and first.consecutive_failures == 0
    assert _post(client, channel_id, _update(fake_telegram, 41, "zwei")).status_code == 200
    assert _health(runtime, channel_id).updated_at == first.updated_at, "a second success inside the window writes nothing"

    assert _post(client, channel_id, b'{"update_id": 7, "message": {"message_id": 1, "date": 1700000000}}').status_code == 400
    assert _health(runtime, channel_id).consecutive_failures == 1
    assert _post(client, channel_id, _update(fake_telegram, 41, "drei")).status_code == 200
    assert _health(runtime, channel_id).consecutive_failures == 0, "the success after a failure is written at once"

    with unit_of_work(runtime.factory) as session:
        assert session.scalar(select(func.count()).select_from(Interaction)) == 3, "skipping a health write never skips a message"


@pytest.mark.redis
@pytest.mark.postgres
def test_on_rq_a_burst_of_webhooks_becomes_one_ingest_job_and_every_message_arrives(rq_runtime, fake_telegram) -> None:  # type: ignore[no-untyped-def]
    from redis import Redis
    from rq import Queue, SimpleWorker

    from tests.support.fake_telegram import TOKEN

    app = create_app(rq_runtime.settings)
    with unit_of_work(rq_runtime.factory) as session:
        channel_id = connector_admin.add_channel(
            session, default_registry(), secret_box(rq_runtime), kind="telegram", name="Telegram RQ", user_id=None,
            submitted={"bot_token": TOKEN, "mode": "webhook", "webhook_secret": WEBHOOK_SECRET, "api_url": fake_telegram.url, "poll_timeout": "0"},
        )
    coalescer = None
    try:
        client = app.test_client()
        for number in range(3):
            assert _post(client, channel_id, _update(fake_telegram, 50 + number, f"Nachricht {number}")).status_code == 200
        coalescer = app.extensions["hub.webhook_ingest"]
        coalescer.linger_seconds = 3600.0  # the test decides when the held ids go out
        with unit_of_work(rq_runtime.factory) as session:
            assert session.scalar(select(func.count()).select_from(RawMessage)) == 3, "each 200 means the raw is committed"
        coalescer.flush()
        redis = Redis.from_url(rq_runtime.settings.redis_url)
        queue = Queue(rq_runtime.settings.queue_name, connection=redis)
        # Three requests, at most as many jobs, the ids of all of them in the queue (usually one job).
        assert 1 <= queue.count <= 3
        assert sorted(raw_id for job in queue.jobs for raw_id in job.args[0]) == sorted(_raw_ids(rq_runtime))
        SimpleWorker([queue], connection=redis).work(burst=True)
    finally:
        if coalescer is not None:
            coalescer.close()
    with unit_of_work(rq_runtime.factory) as session:
        texts = sorted(session.scalars(select(Interaction.text)))
    assert texts == ["Nachricht 0", "Nachricht 1", "Nachricht 2"]


def _raw_ids(runtime) -> list[int]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        return list(session.scalars(select(RawMessage.id)))
