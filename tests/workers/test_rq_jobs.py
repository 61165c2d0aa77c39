"""Ingest through RQ on real Redis: batching, idempotent jobs, events on pub/sub."""

from __future__ import annotations

import json

from redis import Redis
from rq import Queue, SimpleWorker

from hub.events import EVENTS_CHANNEL
from hub.importing import import_path
from hub.mail_sources import SourceMail
from tests.helpers import duplicate_message_ids, stats
from workers import jobs
from workers.queue import RQQueue, make_queue


def _mails(count: int) -> list[SourceMail]:
    return [
        SourceMail(
            f"From: Kunde {i} <kunde{i % 7}@example.org>\r\nTo: service@shop.example\r\nSubject: Frage {i}\r\n"
            f"Message-ID: <rq-{i}@example.org>\r\nDate: Mon, 02 Nov 2026 09:00:00 +0100\r\n\r\nText {i}\r\n".encode(),
            f"test:{i}",
        )
        for i in range(count)
    ]


def test_import_enqueues_batches_and_a_worker_ingests_them(rq_runtime) -> None:
    queue = make_queue(rq_runtime)
    assert isinstance(queue, RQQueue)
    rq_runtime.settings.ingest_batch_size = 100
    queue = make_queue(rq_runtime)
    report = import_path(rq_runtime.factory, rq_runtime.blob_store, None, queue.enqueue_ingest, mails=_mails(250))  # type: ignore[arg-type]
    assert report.enqueued == 250
    redis = Redis.from_url(rq_runtime.settings.redis_url)
    rq_queue = Queue(rq_runtime.settings.queue_name, connection=redis)
    assert rq_queue.count == 3, "250 ids in batches of 100"
    pubsub = redis.pubsub()
    pubsub.subscribe(EVENTS_CHANNEL)
    SimpleWorker([rq_queue], connection=redis).work(burst=True)
    counts = stats(rq_runtime)
    assert counts["interactions"] == 250 and counts.get("raw_pending", 0) == 0
    events = [m for m in iter(lambda: pubsub.get_message(timeout=0.2), None) if m["type"] == "message"]
    assert len(events) == 250
    assert json.loads(events[0]["data"])["type"] == "interaction.created"


def test_ingest_job_twice_changes_nothing(rq_runtime) -> None:
    enqueued: list[list[int]] = []
    import_path(rq_runtime.factory, rq_runtime.blob_store, None, enqueued.append, mails=_mails(30))  # type: ignore[arg-type]
    first = jobs.ingest_job(enqueued[0])
    before = stats(rq_runtime)
    second = jobs.ingest_job(enqueued[0])
    assert first["ingested"] == 30
    assert second == {"ingested": 0, "duplicates": 0, "quarantined": 0, "skipped": 30}
    assert stats(rq_runtime) == before
    assert duplicate_message_ids(rq_runtime) == 0


def test_reprocess_rebuilds_in_place(rq_runtime) -> None:
    enqueued: list[list[int]] = []
    import_path(rq_runtime.factory, rq_runtime.blob_store, None, enqueued.append, mails=_mails(10))  # type: ignore[arg-type]
    jobs.ingest_job(enqueued[0])
    before = stats(rq_runtime)
    result = jobs.reprocess_job(enqueued[0])
    assert result["ingested"] == 10
    after = stats(rq_runtime)
    assert after["interactions"] == before["interactions"] and after["threads"] == before["threads"]
