"""Rate limiting of failed logins per email and per client address.

Attempts are rows in the database, not process memory, so every web
process (and a restart) sees the same count. ``now`` is passed in so tests
move time instead of sleeping.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from hub.models import LoginAttempt

WINDOW = timedelta(minutes=15)
#: Failures for one address before it is locked for the rest of the window.
MAX_FAILURES_PER_EMAIL = 5
#: Higher per address: an office behind one NAT address shares it, but one client guessing many emails is stopped.
MAX_FAILURES_PER_IP = 20
#: Rows older than this are deleted while recording; they no longer count for anything.
_KEEP = timedelta(days=1)


def normalise_email(email: str) -> str:
    """The form emails are stored and counted in (the same as :mod:`hub.users`)."""
    return email.strip().lower()[:320]


def is_locked(session: Session, email: str, ip: str, now: datetime) -> bool:
    """True while the email or the client address has too many recent failures.

    Checked before the password, for existing and unknown emails alike, so a
    lockout reveals nothing about which accounts exist.
    """
    since = now - WINDOW
    email = normalise_email(email)
    last_success = session.scalar(
        select(func.max(LoginAttempt.at)).where(LoginAttempt.email == email, LoginAttempt.succeeded.is_(True))
    )
    email_since = max(since, last_success) if last_success is not None else since
    email_failures = _failures(session, LoginAttempt.email == email, email_since)
    if email_failures >= MAX_FAILURES_PER_EMAIL:
        return True
    return _failures(session, LoginAttempt.ip == ip, since) >= MAX_FAILURES_PER_IP


def record_attempt(session: Session, email: str, ip: str, succeeded: bool, now: datetime) -> None:
    """Remember one attempt (in the caller's unit of work) and drop attempts too old to matter."""
    session.execute(delete(LoginAttempt).where(LoginAttempt.at < now - _KEEP))
    session.add(LoginAttempt(at=now, email=normalise_email(email), ip=ip[:45], succeeded=succeeded))


def _failures(session: Session, who, since: datetime) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(
        select(func.count()).select_from(LoginAttempt).where(who, LoginAttempt.succeeded.is_(False), LoginAttempt.at > since)
    ) or 0
