"""Per-channel health: the one place pollers, syncers and webhooks report how a channel is doing.

Every receive path calls :func:`record_success` (with how many messages it
stored) or :func:`record_failure` (with the readable error) inside its own
unit of work; the admin page and ``/metrics`` read :func:`health_of_channels`.
A failing channel backs off exponentially (:func:`backoff_delay`), and the
poller asks :func:`may_poll` before the next attempt, so one broken channel
neither hammers its service nor holds up the others (each channel has its own
row and its own schedule).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session

from hub.clock import utcnow
from hub.models import ChannelHealth
from hub.sql import insert_ignore

#: First wait after a failure, doubled per further failure up to the ceiling.
BACKOFF_FIRST_SECONDS = 30.0
BACKOFF_MAX_SECONDS = 3600.0
#: Longest error text kept (a stack of nested causes can be long; the start says what failed).
ERROR_MAX_CHARS = 2000
REDACTED = "[redacted]"


def backoff_delay(consecutive_failures: int) -> float:
    """Seconds to wait after the ``consecutive_failures``-th failure in a row (0 when there was none)."""
    if consecutive_failures <= 0:
        return 0.0
    return min(BACKOFF_MAX_SECONDS, BACKOFF_FIRST_SECONDS * 2 ** min(consecutive_failures - 1, 20))


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every occurrence of a secret value replaced: a library may echo a password in its error."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, REDACTED)
    return text


def _ensure_row(session: Session, channel_id: int, now: datetime) -> None:
    insert_ignore(
        session,
        ChannelHealth.__table__,
        [
            {
                "channel_id": channel_id,
                "last_error": "",
                "consecutive_failures": 0,
                "messages_total": 0,
                "messages_today": 0,
                "errors_total": 0,
                "updated_at": now,
            }
        ],
        ["channel_id"],
    )


def _count_messages(table, count: int, today: date):  # type: ignore[no-untyped-def]
    """Column updates adding ``count`` messages; a stored day other than today starts the day's count anew."""
    return {
        "messages_total": table.c.messages_total + count,
        "messages_today": case((table.c.messages_day == today, table.c.messages_today + count), else_=count),
        "messages_day": today,
    }


def record_success(
    session: Session, channel_id: int, *, messages: int = 0, lag_seconds: float | None = None, now: datetime | None = None
) -> None:
    """A poll, sync or webhook delivery worked: clear the backoff, count the messages it stored.

    Done as one UPDATE with SQL arithmetic, so two workers reporting at once both count.
    """
    now = now or utcnow()
    _ensure_row(session, channel_id, now)
    table = ChannelHealth.__table__
    values = {
        "last_success_at": now,
        "consecutive_failures": 0,
        "backoff_until": None,
        "updated_at": now,
        **_count_messages(table, max(0, messages), now.date()),
    }
    if lag_seconds is not None:
        values["lag_seconds"] = max(0.0, float(lag_seconds))
    session.execute(update(table).where(table.c.channel_id == channel_id).values(values))


def record_failure(
    session: Session, channel_id: int, error: str, *, secrets: Iterable[str] = (), now: datetime | None = None
) -> datetime:
    """A poll, sync or delivery failed: keep the error (secrets redacted) and back off; returns the next allowed time."""
    now = now or utcnow()
    _ensure_row(session, channel_id, now)
    table = ChannelHealth.__table__
    failures = (session.scalar(select(table.c.consecutive_failures).where(table.c.channel_id == channel_id)) or 0) + 1
    backoff_until = now + timedelta(seconds=backoff_delay(failures))
    session.execute(
        update(table)
        .where(table.c.channel_id == channel_id)
        .values(
            last_error_at=now,
            last_error=redact(error, secrets)[:ERROR_MAX_CHARS],
            consecutive_failures=table.c.consecutive_failures + 1,
            errors_total=table.c.errors_total + 1,
            backoff_until=backoff_until,
            updated_at=now,
        )
    )
    return backoff_until


def may_poll(session: Session, channel_id: int, *, now: datetime | None = None) -> bool:
    """Whether the channel is out of backoff (a channel never reported is)."""
    until = session.scalar(select(ChannelHealth.backoff_until).where(ChannelHealth.channel_id == channel_id))
    return until is None or until <= (now or utcnow())


def reset(session: Session, channel_id: int) -> None:
    """Forget the backoff (an admin fixed the configuration: try at once)."""
    table = ChannelHealth.__table__
    session.execute(update(table).where(table.c.channel_id == channel_id).values(backoff_until=None, consecutive_failures=0))


@dataclass(frozen=True)
class HealthLine:
    """What the admin page and ``/metrics`` show for one channel."""

    channel_id: int
    last_success_at: datetime | None = None
    last_error_at: datetime | None = None
    last_error: str = ""
    consecutive_failures: int = 0
    backoff_until: datetime | None = None
    lag_seconds: float | None = None
    messages_total: int = 0
    messages_today: int = 0
    errors_total: int = 0

    def backing_off(self, now: datetime) -> bool:
        """Whether the channel is waiting out a backoff at ``now``."""
        return self.backoff_until is not None and self.backoff_until > now

    def seconds_since_success(self, now: datetime) -> float | None:
        """How stale the channel is (None: never succeeded)."""
        return None if self.last_success_at is None else max(0.0, (now - self.last_success_at).total_seconds())

    @property
    def failing(self) -> bool:
        """The last attempt failed."""
        return self.consecutive_failures > 0


def health_of_channels(session: Session, channel_ids: Iterable[int], *, now: datetime | None = None) -> dict[int, HealthLine]:
    """A line per channel id (channels never reported get an empty line); today's count is 0 on a new day."""
    today = (now or utcnow()).date()
    ids = list(channel_ids)
    lines = {channel_id: HealthLine(channel_id) for channel_id in ids}
    if not ids:
        return lines
    for row in session.scalars(select(ChannelHealth).where(ChannelHealth.channel_id.in_(ids))):
        lines[row.channel_id] = HealthLine(
            channel_id=row.channel_id,
            last_success_at=row.last_success_at,
            last_error_at=row.last_error_at,
            last_error=row.last_error,
            consecutive_failures=row.consecutive_failures,
            backoff_until=row.backoff_until,
            lag_seconds=row.lag_seconds,
            messages_total=row.messages_total,
            messages_today=row.messages_today if row.messages_day == today else 0,
            errors_total=row.errors_total,
        )
    return lines


__all__ = [
    "BACKOFF_FIRST_SECONDS",
    "BACKOFF_MAX_SECONDS",
    "HealthLine",
    "backoff_delay",
    "health_of_channels",
    "may_poll",
    "record_failure",
    "record_success",
    "redact",
    "reset",
]
