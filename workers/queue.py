"""Where jobs run: in-process (embedded default) or on RQ (Redis configured)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from workers import jobs
from workers.runtime import Runtime

#: Retry schedule of ingest jobs on RQ (seconds between attempts).
INGEST_RETRY_INTERVALS = [1, 5, 30, 120, 600]


class JobQueue(Protocol):
    """Requests work; callers never know whether it runs now or elsewhere."""

    def enqueue_ingest(self, raw_ids: list[int]) -> None:
        """Ingest these raw messages, in batches."""

    def enqueue_reprocess(self, raw_ids: list[int]) -> None:
        """Re-run the pipeline for these raw messages."""

    def enqueue_send(self, outbound_id: int) -> None:
        """Send this queued reply (now, or on a worker with retries)."""

    def send_in_flight(self, outbound_id: int) -> bool:
        """Whether a send job for this reply is waiting, running or scheduled for a retry."""

    def waiting(self) -> int:
        """Jobs enqueued and not yet started (0 in-process)."""


def _batches(raw_ids: list[int], size: int) -> list[list[int]]:
    ordered = sorted(set(raw_ids))
    return [ordered[start : start + size] for start in range(0, len(ordered), size)]


class InProcessQueue:
    """Runs jobs synchronously in this process: the embedded default."""

    def __init__(self, batch_size: int) -> None:
        self.batch_size = batch_size

    def send_in_flight(self, outbound_id: int) -> bool:
        return False  # jobs run inside enqueue: nothing is ever left waiting

    def waiting(self) -> int:
        return 0

    def enqueue_ingest(self, raw_ids: list[int]) -> None:
        for batch in _batches(raw_ids, self.batch_size):
            jobs.ingest_job(batch)

    def enqueue_reprocess(self, raw_ids: list[int]) -> None:
        for batch in _batches(raw_ids, self.batch_size):
            jobs.reprocess_job(batch)

    def enqueue_send(self, outbound_id: int) -> None:
        """Send now; a failure is already recorded on the reply (status, error), so it is not re-raised."""
        import logging

        try:
            jobs.send_reply_job(outbound_id)
        except Exception as error:  # noqa: BLE001 -- no retries in-process: the agent retries from the message page
            logging.getLogger(__name__).warning(
                "event=send_failed_in_process outbound_id=%d error_class=%s", outbound_id, type(error).__name__
            )


class RQQueue:
    """Enqueues on RQ with declared retries; workers run ``hub worker``."""

    def __init__(self, redis_client: Any, name: str, batch_size: int) -> None:
        from rq import Queue

        self.queue = Queue(name, connection=redis_client)
        self.batch_size = batch_size

    def waiting(self) -> int:
        return self.queue.count

    def _enqueue(self, function: Callable[..., Any], raw_ids: list[int]) -> None:
        from rq import Retry

        for batch in _batches(raw_ids, self.batch_size):
            self.queue.enqueue(
                function,
                batch,
                retry=Retry(max=len(INGEST_RETRY_INTERVALS), interval=INGEST_RETRY_INTERVALS),
                job_timeout=900,
                result_ttl=3600,
                failure_ttl=7 * 24 * 3600,
            )

    def enqueue_ingest(self, raw_ids: list[int]) -> None:
        self._enqueue(jobs.ingest_job, raw_ids)

    def enqueue_reprocess(self, raw_ids: list[int]) -> None:
        self._enqueue(jobs.reprocess_job, raw_ids)

    def enqueue_send(self, outbound_id: int) -> None:
        """Send a queued reply; SMTP outages are ridden out over about 45 minutes."""
        from rq import Retry

        self.queue.enqueue(
            jobs.send_reply_job,
            outbound_id,
            job_id=send_job_id(outbound_id),  # one known id: the reply sweeper can ask whether the job still exists
            retry=Retry(max=5, interval=[10, 30, 120, 600, 1800]),
            job_timeout=300,
            result_ttl=3600,
            failure_ttl=7 * 24 * 3600,
        )


    def send_in_flight(self, outbound_id: int) -> bool:
        from rq.exceptions import NoSuchJobError
        from rq.job import Job

        try:
            status = Job.fetch(send_job_id(outbound_id), connection=self.queue.connection).get_status()
        except NoSuchJobError:
            return False
        return status in ("queued", "started", "deferred", "scheduled")


def send_job_id(outbound_id: int) -> str:
    """The RQ job id of a reply's send job."""
    return f"send-reply-{outbound_id}"


def make_queue(runtime: Runtime) -> JobQueue:
    """The queue the settings ask for."""
    if runtime.settings.jobs_in_process:
        return InProcessQueue(runtime.settings.ingest_batch_size)
    return RQQueue(runtime.redis(), runtime.settings.queue_name, runtime.settings.ingest_batch_size)
