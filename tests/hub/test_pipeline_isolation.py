"""A failing stage quarantines only the message responsible; retry brings it back."""

from __future__ import annotations

import pytest

from hub.db import unit_of_work
from hub.pipeline.context import IngestBatch
from hub.quarantine import list_quarantined, release_for_retry
from tests.helpers import import_mails, stats
from workers.queue import InProcessQueue


def _mail(i: int) -> bytes:
    return f"From: k{i}@example.org\r\nSubject: s{i}\r\nMessage-ID: <iso-{i}@example.org>\r\n\r\nText {i}\r\n".encode()


class _Poison:
    """A tag stage stand-in that fails on one message (a bug, a bad model, a bad input)."""

    name = "tag"

    def __init__(self, poisoned: str) -> None:
        self.poisoned = poisoned
        self.enabled = True

    def process(self, batch: IngestBatch) -> None:
        for message in batch.active():
            if self.enabled and message.channel_message_id == self.poisoned:
                raise RuntimeError("tagger exploded")


@pytest.fixture
def poisoned_runtime(runtime):  # type: ignore[no-untyped-def]
    stages = runtime.pipeline.stages
    index = runtime.pipeline.stage_names.index("tag")
    original, poison = stages[index], _Poison("iso-3@example.org")
    stages[index] = poison
    runtime.poison = poison
    yield runtime
    stages[index] = original


def test_one_bad_message_does_not_stop_its_batch(poisoned_runtime) -> None:
    import_mails(poisoned_runtime, [_mail(i) for i in range(10)])
    counts = stats(poisoned_runtime)
    assert (counts["interactions"], counts["quarantined"]) == (9, 1)
    with unit_of_work(poisoned_runtime.factory) as session:
        [entry] = list_quarantined(session)
    assert entry.stage == "tag" and "RuntimeError: tagger exploded" in entry.reason


def test_retry_after_the_fault_is_gone(poisoned_runtime) -> None:
    import_mails(poisoned_runtime, [_mail(i) for i in range(5)])
    poisoned_runtime.poison.enabled = False
    with unit_of_work(poisoned_runtime.factory) as session:
        ids = release_for_retry(session)
    InProcessQueue(100).enqueue_ingest(ids)
    counts = stats(poisoned_runtime)
    assert (counts["interactions"], counts["quarantined"]) == (5, 0)
    with unit_of_work(poisoned_runtime.factory) as session:
        assert list_quarantined(session) == []
