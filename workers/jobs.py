"""Queue jobs: thin adapters that unpack ids and call one hub service.

Every job is idempotent: ingest skips raw messages that are no longer
pending, sync starts from the committed cursor.
"""

from __future__ import annotations

from hub.ingest import IngestReport, ingest
from workers.runtime import get_runtime


def ingest_job(raw_ids: list[int]) -> dict[str, int]:
    """Ingest a batch of raw messages (retried by RQ on failure)."""
    runtime = get_runtime()
    report: IngestReport = ingest(runtime.factory, runtime.services(), runtime.pipeline, raw_ids)
    return {"ingested": report.ingested, "duplicates": report.duplicates, "quarantined": report.quarantined, "skipped": report.skipped}


def reprocess_job(raw_ids: list[int]) -> dict[str, int]:
    """Re-run every stage for already ingested raw messages."""
    runtime = get_runtime()
    report = ingest(runtime.factory, runtime.services(), runtime.pipeline, raw_ids, reprocess=True)
    return {"ingested": report.ingested, "duplicates": report.duplicates, "quarantined": report.quarantined}


def sync_mailbox_job(mailbox_name: str) -> dict[str, int]:
    """Sync all folders of one configured mailbox once."""
    from workers.mailboxes import sync_mailbox_once

    return sync_mailbox_once(get_runtime(), mailbox_name)


def nlp_retrain_job() -> dict[str, str]:
    """Build a new tagging model from the training data plus agents' corrections.

    Idempotent: when the corrections have not changed since the current
    version was built, nothing is trained. Workers pick the new version up
    on their next batch (the model registry watches the ``current`` marker).
    """
    import hashlib

    from nlp.training import read_current, retrain

    settings = get_runtime().settings
    versions, feedback = settings.nlp_versions_dir(), settings.nlp_feedback_file()
    state = versions / ".trained-feedback-sha256"
    digest = hashlib.sha256(feedback.read_bytes() if feedback.exists() else b"").hexdigest()
    current = read_current(versions)
    if current is not None and state.exists() and state.read_text().strip() == digest:
        return {"status": "unchanged", "version": current}
    version = retrain(versions, feedback)
    state.write_text(digest)
    return {"status": "trained", "version": version}


def send_reply_job(outbound_id: int) -> dict[str, str]:
    """Send one queued reply by SMTP and ingest the sent copy (retried by RQ).

    Idempotent: a reply already sent (or being sent by another worker) is skipped.
    """
    from connectors.smtp import SmtplibSender
    from hub.outbound import send_outbound

    runtime = get_runtime()
    outcome = send_outbound(
        runtime.factory, runtime.blob_store, SmtplibSender.from_settings(runtime.settings), outbound_id,
        ingest_raw=lambda raw_ids: ingest(runtime.factory, runtime.services(), runtime.pipeline, raw_ids),
    )
    return {"status": outcome.status, "sent_now": str(outcome.sent_now)}


def send_channel_reply_job(reply_id: int) -> dict[str, str]:
    """Send one queued reply on a chat channel (Telegram...) and ingest the sent copy (retried by RQ).

    Idempotent: the row is claimed with a compare-and-set, so a reply already
    sent (or being sent by another worker) is skipped.
    """
    from hub.channel_replies import send_channel_reply
    from workers.channels import build_connector, secret_box

    runtime = get_runtime()
    box = secret_box(runtime)
    outcome = send_channel_reply(
        runtime.factory, runtime.blob_store, lambda session, channel_id: build_connector(session, channel_id, box), reply_id,
        lambda raw_ids: ingest(runtime.factory, runtime.services(), runtime.pipeline, raw_ids),
    )
    return {"status": outcome.status, "sent_now": str(outcome.sent_now)}
