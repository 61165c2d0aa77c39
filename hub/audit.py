"""The audit log: one row per security-relevant act, for admins to trace later."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hub import clock
from hub.models import AuditEntry

#: Detail keys refused outright: the log is read by admins and kept long, so it must never hold
#: credentials or customer message content. Raising (not dropping) makes the mistake visible in tests.
_FORBIDDEN_DETAIL_KEYS = frozenset({"password", "password_hash", "secret", "token", "csrf_token", "body", "text", "html"})


def record(
    session: Session,
    user_id: int | None,
    action: str,
    object_type: str = "",
    object_id: int | str | None = None,
    *,
    ip: str = "",
    at: datetime | None = None,
    **detail: Any,
) -> AuditEntry:
    """Add an audit entry to the caller's unit of work (it commits with the change it describes)."""
    leaked = _FORBIDDEN_DETAIL_KEYS & {key.lower() for key in detail}
    if leaked:
        raise ValueError(f"audit detail must not contain {sorted(leaked)}")
    entry = AuditEntry(
        at=at or clock.utcnow(),
        user_id=user_id,
        action=action,
        object_type=object_type,
        object_id="" if object_id is None else str(object_id),
        detail=detail,
        ip=ip or "",
    )
    session.add(entry)
    return entry


@dataclass(frozen=True)
class AuditPage:
    """One page of the log, newest first."""

    entries: list[AuditEntry]
    page: int
    per_page: int
    total: int

    @property
    def has_next(self) -> bool:
        """True when older entries follow."""
        return self.page * self.per_page < self.total


def recent(session: Session, page: int = 1, per_page: int = 50) -> AuditPage:
    """Entries newest first; ``id`` breaks ties of equal timestamps so paging is stable."""
    page = max(1, page)
    total = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    rows = session.scalars(
        select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(per_page).offset((page - 1) * per_page)
    ).all()
    return AuditPage(entries=list(rows), page=page, per_page=per_page, total=total)
