"""Coalesced ingest requests of webhooks: every committed id is enqueued once, in bounded batches, nothing dropped."""

from __future__ import annotations

import threading
import time

import pytest

from web.ingest_batching import IngestCoalescer


class Recorder:
    """Stands in for the job queue: remembers each batch."""

    def __init__(self, fail_first: int = 0) -> None:
        self.batches: list[list[int]] = []
        self.fail_first = fail_first
        self.lock = threading.Lock()

    def __call__(self, raw_ids: list[int]) -> None:
        with self.lock:
            if self.fail_first:
                self.fail_first -= 1
                raise ConnectionError("redis down")
            self.batches.append(list(raw_ids))

    def ids(self) -> list[int]:
        with self.lock:
            return [raw_id for batch in self.batches for raw_id in batch]


def _eventually(condition, seconds: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Waits for the background thread (a bound against hanging, not a speed assertion)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the coalescer never sent what it holds"
        time.sleep(0.01)


def test_ids_from_many_threads_are_enqueued_once_each_in_batches_of_at_most_max_ids() -> None:
    recorder = Recorder()
    coalescer = IngestCoalescer(recorder, linger_seconds=0.05, max_ids=7)
    threads = [threading.Thread(target=lambda start=start: [coalescer.add([start + i]) for i in range(25)]) for start in range(0, 200, 25)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    _eventually(lambda: len(recorder.ids()) == 200)
    coalescer.close()
    assert sorted(recorder.ids()) == list(range(200))
    assert all(1 <= len(batch) <= 7 for batch in recorder.batches)
    assert len(recorder.batches) < 200, "ids that arrive together share a job"


def test_a_lone_id_is_sent_after_the_linger_without_anything_else_arriving() -> None:
    recorder = Recorder()
    coalescer = IngestCoalescer(recorder, linger_seconds=0.01, max_ids=500)
    coalescer.add([42])
    _eventually(lambda: recorder.ids() == [42])
    coalescer.close()


def test_flush_sends_what_is_held_and_close_switches_to_direct_enqueues() -> None:
    recorder = Recorder()
    coalescer = IngestCoalescer(recorder, linger_seconds=3600, max_ids=500)
    coalescer.add([1, 2])
    coalescer.add([3])
    coalescer.flush()
    assert recorder.batches == [[1, 2, 3]]
    coalescer.close()
    coalescer.add([4])
    assert recorder.batches == [[1, 2, 3], [4]]


def test_an_enqueue_failure_is_logged_not_raised_and_later_ids_still_go_out(caplog: pytest.LogCaptureFixture) -> None:
    recorder = Recorder(fail_first=1)
    coalescer = IngestCoalescer(recorder, linger_seconds=3600, max_ids=500)
    coalescer.add([1])
    coalescer.flush()  # fails: the raw stays pending in the database for the sweeper
    coalescer.add([2])
    coalescer.flush()
    coalescer.close()
    assert recorder.batches == [[2]]
    assert "event=webhook_ingest_enqueue_failed raw_ids=1" in caplog.text
