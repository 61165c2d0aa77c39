"""The login throttle as a service: counted in the database, time passed in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hub import login_throttle
from hub.db import unit_of_work

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def test_lock_counts_recent_failures_only(runtime) -> None:
    with unit_of_work(runtime.factory) as session:
        for minute in range(login_throttle.MAX_FAILURES_PER_EMAIL):
            login_throttle.record_attempt(session, "A@x.test", "10.0.0.1", succeeded=False, now=NOW + timedelta(minutes=minute))
    later = NOW + timedelta(minutes=login_throttle.MAX_FAILURES_PER_EMAIL)
    with unit_of_work(runtime.factory) as session:
        assert login_throttle.is_locked(session, "a@x.test", "10.0.0.2", later)
        assert not login_throttle.is_locked(session, "b@x.test", "10.0.0.1", later)  # the address is under its own limit
        assert not login_throttle.is_locked(session, "a@x.test", "10.0.0.2", NOW + login_throttle.WINDOW + timedelta(minutes=1))


def test_old_attempts_are_pruned(runtime) -> None:
    from sqlalchemy import func, select

    from hub.models import LoginAttempt

    with unit_of_work(runtime.factory) as session:
        login_throttle.record_attempt(session, "a@x.test", "10.0.0.1", succeeded=False, now=NOW)
    with unit_of_work(runtime.factory) as session:
        login_throttle.record_attempt(session, "a@x.test", "10.0.0.1", succeeded=False, now=NOW + timedelta(days=2))
    with unit_of_work(runtime.factory) as session:
        assert session.scalar(select(func.count()).select_from(LoginAttempt)) == 1


def test_simultaneous_attempts_cannot_pass_the_limit_together(runtime) -> None:
    """Two tries at the last allowed failure, interleaved: at most one is let through to the password."""
    with unit_of_work(runtime.factory) as session:
        for minute in range(login_throttle.MAX_FAILURES_PER_EMAIL - 1):
            login_throttle.record_attempt(session, "a@x.test", "10.0.0.1", succeeded=False, now=NOW + timedelta(minutes=minute))
    at = NOW + timedelta(minutes=login_throttle.MAX_FAILURES_PER_EMAIL)
    first, second = runtime.factory(), runtime.factory()
    try:
        attempts = []
        for session in (first, second):  # both record before either checks, as in a race
            attempts.append(login_throttle.begin_attempt(session, "a@x.test", "10.0.0.9", at))
            session.commit()
        allowed = [
            not login_throttle.is_locked(session, "a@x.test", "10.0.0.9", at, excluding=attempt.id)
            for session, attempt in zip((first, second), attempts, strict=True)
        ]
    finally:
        first.close()
        second.close()
    assert allowed.count(True) <= 1


def test_a_refused_attempt_does_not_lengthen_the_lock(runtime) -> None:
    with unit_of_work(runtime.factory) as session:
        for minute in range(login_throttle.MAX_FAILURES_PER_EMAIL):
            login_throttle.record_attempt(session, "a@x.test", "10.0.0.1", succeeded=False, now=NOW + timedelta(minutes=minute))
    late = NOW + login_throttle.WINDOW - timedelta(minutes=1)
    with unit_of_work(runtime.factory) as session:
        attempt = login_throttle.begin_attempt(session, "a@x.test", "10.0.0.1", late)
        assert login_throttle.is_locked(session, "a@x.test", "10.0.0.1", late, excluding=attempt.id)
        login_throttle.withdraw_attempt(session, attempt)
    after_window = NOW + login_throttle.WINDOW + timedelta(minutes=login_throttle.MAX_FAILURES_PER_EMAIL)
    with unit_of_work(runtime.factory) as session:
        assert not login_throttle.is_locked(session, "a@x.test", "10.0.0.1", after_window)
