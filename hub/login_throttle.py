"""Rate limiting of failed logins per email and per client address.

Attempts are rows in the database, not process memory, so every web
process (and a restart) sees the same count. ``now`` is passed in so tests
move time instead of sleeping.

An attempt is written (as a failure) and committed *before* the lock is
checked, and the check counts every other attempt: two simultaneous tries
therefore see each other, and no race lets a client past the limit. The
price is that a race may refuse both, which errs on the safe side.
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


def is_locked(session: Session, email: str, ip: str, now: datetime, *, excluding: int | None = None) -> bool:
    """True while the email or the client address has too many recent failures.

    Checked before the password, for existing and unknown emails alike, so a
    lockout reveals nothing about which accounts exist. ``excluding`` is the
    caller's own just-recorded attempt (see :func:`begin_attempt`).
    """
    since = now - WINDOW
    email = normalise_email(email)
    last_success = session.scalar(
        select(func.max(LoginAttempt.at)).where(LoginAttempt.email == email, LoginAttempt.succeeded.is_(True))
    )
    email_since = max(since, last_success) if last_success is not None else since
    email_failures = _failures(session, LoginAttempt.email == email, email_since, excluding)
    if email_failures >= MAX_FAILURES_PER_EMAIL:
        return True
    return _failures(session, LoginAttempt.ip == ip, since, excluding) >= MAX_FAILURES_PER_IP


def record_attempt(session: Session, email: str, ip: str, succeeded: bool, now: datetime) -> LoginAttempt:
    """Remember one attempt (in the caller's unit of work) and drop attempts too old to matter."""
    session.execute(delete(LoginAttempt).where(LoginAttempt.at < now - _KEEP))
    attempt = LoginAttempt(at=now, email=normalise_email(email), ip=ip[:45], succeeded=succeeded)
    session.add(attempt)
    session.flush()
    return attempt


def begin_attempt(session: Session, email: str, ip: str, now: datetime) -> LoginAttempt:
    """Record an attempt as failed before anything is checked; the caller commits at once.

    Committed first, it is visible to every concurrent attempt's lock check;
    :func:`finish_attempt` marks it a success, :func:`withdraw_attempt`
    removes it when the lock refused it unchecked.
    """
    return record_attempt(session, email, ip, succeeded=False, now=now)


def finish_attempt(attempt: LoginAttempt, succeeded: bool) -> None:
    """The password was checked: keep the failure, or turn it into the success it was."""
    attempt.succeeded = succeeded


def withdraw_attempt(session: Session, attempt: LoginAttempt) -> None:
    """A refused attempt never reached the password check, so it does not lengthen the lock."""
    session.delete(attempt)


def _failures(session: Session, who, since: datetime, excluding: int | None) -> int:  # type: ignore[no-untyped-def]
    query = select(func.count()).select_from(LoginAttempt).where(who, LoginAttempt.succeeded.is_(False), LoginAttempt.at > since)
    if excluding is not None:
        query = query.where(LoginAttempt.id != excluding)
    return session.scalar(query) or 0
