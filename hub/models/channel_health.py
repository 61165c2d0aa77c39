"""How each channel is doing: last success, last error, backoff, message counts."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Float, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from hub.models.base import Base


class ChannelHealth(Base):
    """One row per channel, written only through :mod:`hub.channel_health`."""

    __tablename__ = "channel_health"

    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"), primary_key=True)
    last_success_at: Mapped[datetime | None]
    last_error_at: Mapped[datetime | None]
    #: The connector's readable error (ConnectorError text: never a secret).
    last_error: Mapped[str] = mapped_column(Text, default="")
    #: Failures since the last success; drives the backoff.
    consecutive_failures: Mapped[int] = mapped_column(default=0)
    #: No poll before this time (None: not backing off).
    backoff_until: Mapped[datetime | None]
    #: How far behind the source the channel was at its last success, as the poller measured it.
    lag_seconds: Mapped[float | None] = mapped_column(Float)
    messages_total: Mapped[int] = mapped_column(BigInteger, default=0)
    #: UTC day ``messages_today`` counts; a new day starts it again at 0.
    messages_day: Mapped[date | None]
    messages_today: Mapped[int] = mapped_column(default=0)
    errors_total: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime]
