"""What the two outboxes (mail replies, channel replies) share: finding rows whose job was lost.

Both keep a reply as a row that moves ``queued`` -> ``sending`` (claimed by
compare-and-set) -> ``sent``/``failed``; a sweeper re-enqueues the rows this
finds, which is safe because the claim lets at most one job send a row.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Table, or_, select
from sqlalchemy.orm import Session


def stuck_row_ids(
    session: Session,
    table: Table,
    *,
    queued: str,
    sending: str,
    now: datetime,
    grace: timedelta,
    lease: timedelta,
    limit: int,
) -> list[int]:
    """Ids ``queued`` for longer than ``grace``, or ``sending`` under a claim older than ``lease``, oldest first."""
    rows = session.scalars(
        select(table.c.id)
        .where(
            or_(
                (table.c.status == queued) & (table.c.created_at < now - grace),
                (table.c.status == sending) & (table.c.claimed_at < now - lease),
            )
        )
        .order_by(table.c.id)
        .limit(limit)
    )
    return list(rows)
