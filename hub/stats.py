"""Counts an operator checks: is every message accounted for?"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hub.models import Contact, Interaction, RawMessage, Thread
from hub.models.raw import RAW_QUARANTINED


def hub_stats(session: Session) -> dict[str, int]:
    """Totals of the main tables plus raw messages by status."""
    counts = {
        "raw_messages": session.scalar(select(func.count()).select_from(RawMessage)) or 0,
        "interactions": session.scalar(select(func.count()).select_from(Interaction)) or 0,
        "quarantined": session.scalar(select(func.count()).select_from(RawMessage).where(RawMessage.status == RAW_QUARANTINED)) or 0,
        "contacts": session.scalar(select(func.count()).select_from(Contact)) or 0,
        "threads": session.scalar(select(func.count()).select_from(Thread)) or 0,
    }
    for status, count in session.execute(select(RawMessage.status, func.count()).group_by(RawMessage.status)):
        counts[f"raw_{status}"] = count
    return counts
