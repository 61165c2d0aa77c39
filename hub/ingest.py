"""Ingest service: raw message ids in, interactions (or quarantine) out.

This is what the ingest job calls. It claims the raw rows (skipping rows
another worker holds), runs the pipeline, records every decision and each
raw message's fate, commits, and only then announces the new interactions.
Running it twice on the same ids changes nothing the second time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from hub.clock import utcnow
from hub.db import unit_of_work
from hub.models import PipelineDecision, QuarantineEntry, RawMessage
from hub.models.raw import RAW_DUPLICATE, RAW_INGESTED, RAW_PENDING, RAW_QUARANTINED
from hub.pipeline import Pipeline
from hub.pipeline.context import IngestBatch, MessageContext
from hub.pipeline.services import PipelineServices
from hub.sql import append_rows, bulk_update, chunked

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    """Counts of one ingest run."""

    ingested: int = 0
    duplicates: int = 0
    quarantined: int = 0
    skipped: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)


def ingest(
    factory: sessionmaker[Session],
    services: PipelineServices,
    pipeline: Pipeline,
    raw_ids: Sequence[int],
    *,
    reprocess: bool = False,
) -> IngestReport:
    """Ingest the given raw messages in one transaction, then publish events."""
    with unit_of_work(factory) as session:
        report = ingest_in_session(session, services, pipeline, raw_ids, reprocess=reprocess)
    for event in report.events:
        services.publisher.publish(event)
    return report


def ingest_in_session(
    session: Session,
    services: PipelineServices,
    pipeline: Pipeline,
    raw_ids: Sequence[int],
    *,
    reprocess: bool = False,
) -> IngestReport:
    """The work of :func:`ingest` inside a caller's transaction (no commit)."""
    report = IngestReport()
    rows = _claim(session, raw_ids, reprocess=reprocess)
    report.skipped = len(set(raw_ids)) - len(rows)
    messages: list[MessageContext] = []
    for row in rows:
        message = MessageContext(
            raw_message_id=row.id,
            raw_sha256=row.sha256,
            raw=b"",
            channel_id=row.channel_id,
            folder=row.folder or "",
            received_at=row.received_at,
            channel_kind=row.channel_kind or "email",
            reprocess=reprocess,
        )
        try:
            message.raw = services.blob_store.get(row.sha256)
        except KeyError:
            message.fail("load", f"raw bytes {row.sha256} are missing from the raw store")
        messages.append(message)
    if not messages:
        return report
    batch = IngestBatch(session=session, services=services, messages=messages)
    pipeline.run(batch)
    started = time.perf_counter()
    _record(session, messages, report)
    batch.stage_seconds["record"] = time.perf_counter() - started
    report.events = batch.events
    log.info(
        "event=ingest_batch size=%d ingested=%d duplicates=%d quarantined=%d skipped=%d stage_ms=%s",
        len(messages), report.ingested, report.duplicates, report.quarantined, report.skipped,
        ",".join(f"{name}:{seconds * 1000:.0f}" for name, seconds in batch.stage_seconds.items()),
    )
    return report


def _claim(session: Session, raw_ids: Sequence[int], *, reprocess: bool) -> list[Any]:
    """Load the raw rows to work on, locking them against other workers.

    Rows another worker has locked are skipped: that worker will finish them,
    or, if it dies, its transaction is rolled back and the sweeper re-enqueues.
    """
    from hub.models import RawSource

    wanted = [RAW_PENDING] if not reprocess else [RAW_PENDING, RAW_INGESTED, RAW_DUPLICATE, RAW_QUARANTINED]
    first_source = (
        select(RawSource.channel_id, RawSource.folder)
        .where(RawSource.raw_message_id == RawMessage.id)
        .order_by(RawSource.id)
        .limit(1)
        .correlate(RawMessage)
    )
    rows: list[Any] = []
    for part in chunked(sorted(set(raw_ids)), 1000):
        statement = (
            select(
                RawMessage.id,
                RawMessage.sha256,
                RawMessage.received_at,
                RawMessage.channel_kind,
                first_source.with_only_columns(RawSource.channel_id).scalar_subquery().label("channel_id"),
                first_source.with_only_columns(RawSource.folder).scalar_subquery().label("folder"),
            )
            .where(RawMessage.id.in_(part), RawMessage.status.in_(wanted))
            .order_by(RawMessage.id)
        )
        if session.get_bind().dialect.name == "postgresql":
            statement = statement.with_for_update(skip_locked=True, of=RawMessage)
        rows.extend(session.execute(statement))
    return rows


def _record(session: Session, messages: list[MessageContext], report: IngestReport) -> None:
    """Persist each message's fate, its decisions, and quarantine entries."""
    now = utcnow()
    outcome_rows = []
    for message in messages:
        if message.failure is not None:
            report.quarantined += 1
            _quarantine(session, message, now)
            status, interaction_id = RAW_QUARANTINED, None
        elif message.duplicate_of is not None:
            report.duplicates += 1
            status, interaction_id = RAW_DUPLICATE, message.duplicate_of
        else:
            report.ingested += 1
            status, interaction_id = RAW_INGESTED, message.interaction_id
        outcome_rows.append({"id": message.raw_message_id, "status": status, "interaction_id": interaction_id, "processed_at": now})
    bulk_update(session, RawMessage.__table__, outcome_rows, "id", ["status", "interaction_id", "processed_at"])
    done = [m.raw_message_id for m in messages if m.failure is None]
    for part in chunked(done, 500):
        session.execute(delete(QuarantineEntry).where(QuarantineEntry.raw_message_id.in_(part)))
    decisions = [
        {
            "raw_message_id": m.raw_message_id,
            "interaction_id": m.interaction_id if m.failure is None else None,
            "stage": d.stage,
            "decision": d.decision[:200],
            "reason": d.reason,
            "created_at": now,
        }
        for m in messages
        for d in (m.decisions + ([m.failure] if m.failure else []))
    ]
    append_rows(session, PipelineDecision.__table__, decisions)


def _quarantine(session: Session, message: MessageContext, now: Any) -> None:
    assert message.failure is not None
    entry = session.scalar(select(QuarantineEntry).where(QuarantineEntry.raw_message_id == message.raw_message_id))
    if entry is None:
        session.add(
            QuarantineEntry(
                raw_message_id=message.raw_message_id,
                stage=message.failure.stage,
                reason=message.failure.reason,
                attempts=1,
                created_at=now,
                last_attempt_at=now,
            )
        )
    else:
        entry.stage = message.failure.stage
        entry.reason = message.failure.reason
        entry.attempts += 1
        entry.last_attempt_at = now
    session.flush()


def stale_pending_raw_ids(session: Session, older_than: Any, limit: int = 5000) -> list[int]:
    """Raw messages still pending after ``older_than``: their ingest request was lost.

    That happens when a process dies between committing the raw bytes and
    enqueueing (or when Redis lost its queue); the scheduler re-enqueues them.
    """
    return list(
        session.scalars(
            select(RawMessage.id)
            .where(RawMessage.status == RAW_PENDING, RawMessage.received_at < older_than)
            .order_by(RawMessage.id)
            .limit(limit)
        )
    )
