"""Quarantine: list failed messages with their reasons, and send them back in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hub.models import QuarantineEntry, RawMessage
from hub.models.raw import RAW_PENDING, RAW_QUARANTINED


@dataclass(frozen=True)
class QuarantinedMessage:
    """One quarantined raw message as the admin sees it."""

    raw_message_id: int
    sha256: str
    stage: str
    reason: str
    attempts: int
    last_attempt_at: datetime


def list_quarantined(session: Session, limit: int = 100) -> list[QuarantinedMessage]:
    """Newest failures first."""
    rows = session.execute(
        select(QuarantineEntry, RawMessage.sha256)
        .join(RawMessage, RawMessage.id == QuarantineEntry.raw_message_id)
        .order_by(QuarantineEntry.last_attempt_at.desc(), QuarantineEntry.id.desc())
        .limit(limit)
    )
    return [
        QuarantinedMessage(entry.raw_message_id, sha, entry.stage, entry.reason, entry.attempts, entry.last_attempt_at)
        for entry, sha in rows
    ]


def release_for_retry(session: Session, raw_ids: list[int] | None = None) -> list[int]:
    """Mark quarantined messages pending again and return their ids to ingest.

    The quarantine entry stays (with its attempt count) until ingest succeeds.
    """
    statement = select(RawMessage.id).where(RawMessage.status == RAW_QUARANTINED)
    if raw_ids:
        statement = statement.where(RawMessage.id.in_(raw_ids))
    ids = list(session.scalars(statement))
    if ids:
        session.execute(update(RawMessage).where(RawMessage.id.in_(ids)).values(status=RAW_PENDING))
    return ids
