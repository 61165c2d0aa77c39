"""Queue job of the web form: send the confirmation mail of one submission (idempotent)."""

from __future__ import annotations

from hub.clock import utcnow
from hub.db import unit_of_work
from hub.webform_confirmation import queue_confirmation
from workers.runtime import get_runtime

#: Seconds between attempts while the submission waits for ingest or SMTP is down (about 45 minutes in all).
CONFIRMATION_RETRY_INTERVALS = [10, 30, 120, 600, 1800]


def webform_confirmation_job(raw_message_id: int) -> dict[str, str]:
    """Queue (once) and send (once) the confirmation of one submission.

    Running it twice finds the queued row by its derived Message-ID, and the
    send step skips a reply already sent: the sender gets one mail. Raises
    while the submission is not ingested yet, so RQ retries.
    """
    from workers.jobs import send_reply_job

    runtime = get_runtime()
    with unit_of_work(runtime.factory) as session:
        outbound_id = queue_confirmation(session, runtime.blob_store, raw_message_id, utcnow())
    if outbound_id is None:
        return {"status": "none"}
    return send_reply_job(outbound_id)


def enqueue_confirmation(raw_message_id: int) -> None:
    """Run now (embedded hub, after the in-process ingest) or on RQ with retries."""
    runtime = get_runtime()
    if runtime.settings.jobs_in_process:
        import logging

        try:
            webform_confirmation_job(raw_message_id)
        except Exception as error:  # noqa: BLE001 -- the failure is on the outbound row; the reply sweeper retries it
            logging.getLogger(__name__).warning(
                "event=webform_confirmation_failed raw_message_id=%d error_class=%s", raw_message_id, type(error).__name__
            )
        return
    from rq import Queue, Retry

    Queue(runtime.settings.queue_name, connection=runtime.redis()).enqueue(
        webform_confirmation_job,
        raw_message_id,
        retry=Retry(max=len(CONFIRMATION_RETRY_INTERVALS), interval=CONFIRMATION_RETRY_INTERVALS),
        job_timeout=300,
        result_ttl=3600,
        failure_ttl=7 * 24 * 3600,
    )
