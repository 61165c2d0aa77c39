"""Replies agents send on chat channels (Telegram, and any connector that can send).

Mail replies have their own table (``outbound_messages``: MIME, Cc, SMTP).
A channel reply is simpler: text to one identity in one conversation. The
row is the durable request to send, committed before the job is enqueued;
the job claims it with a compare-and-set (``queued``/``failed`` ->
``sending``), so running the job twice never sends twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hub.models.base import Base

REPLY_QUEUED = "queued"
REPLY_SENDING = "sending"
REPLY_SENT = "sent"
REPLY_FAILED = "failed"
REPLY_STATUSES = (REPLY_QUEUED, REPLY_SENDING, REPLY_SENT, REPLY_FAILED)


class ChannelReply(Base):
    """One reply to one interaction on a non-mail channel, and how sending went."""

    __tablename__ = "channel_replies"
    __table_args__ = (
        CheckConstraint(f"status IN {REPLY_STATUSES!r}", name="status"),
        Index("ix_channel_replies_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The message answered.
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"), index=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id"))
    #: The customer's identity on the channel, e.g. ("telegram", "42").
    recipient_kind: Mapped[str] = mapped_column(String(32))
    recipient_value: Mapped[str] = mapped_column(String(320))
    conversation_id: Mapped[str] = mapped_column(String(500), default="")
    in_reply_to: Mapped[str | None] = mapped_column(String(500))
    body_text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=REPLY_QUEUED)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    #: When the current ``sending`` claim was taken: a claim older than the lease is a dead worker's.
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    #: The channel's id of the sent message.
    sent_message_id: Mapped[str | None] = mapped_column(String(500))
