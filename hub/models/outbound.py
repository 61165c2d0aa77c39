"""Replies written in the hub and sent by SMTP, with their delivery state.

A row is the durable request to send: the web view commits it before the
job is enqueued, so a lost job leaves a visible ``queued`` row, never a
silently dropped reply. ``message_id`` is generated once, when the reply is
queued, so every attempt sends the same Message-ID and a duplicate caused by
a crash after the server accepted the mail can be recognised downstream.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hub.models.base import Base

OUTBOUND_QUEUED = "queued"
OUTBOUND_SENDING = "sending"
OUTBOUND_SENT = "sent"
OUTBOUND_FAILED = "failed"
OUTBOUND_STATUSES = (OUTBOUND_QUEUED, OUTBOUND_SENDING, OUTBOUND_SENT, OUTBOUND_FAILED)


class OutboundMessage(Base):
    """One reply to one interaction: what to send, and how sending went."""

    __tablename__ = "outbound_messages"
    __table_args__ = (
        CheckConstraint(f"status IN {OUTBOUND_STATUSES!r}", name="status"),
        Index("ix_outbound_messages_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The message replied to.
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"), index=True)
    #: The mailbox it is sent from; the sent copy is stored under this channel's "Sent" folder.
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id"))
    from_address: Mapped[str] = mapped_column(String(320))
    to_addresses: Mapped[list[str]] = mapped_column(JSON, default=list)
    subject: Mapped[str] = mapped_column(Text, default="")
    body_text: Mapped[str] = mapped_column(Text, default="")
    #: Our Message-ID, without angle brackets (like ``Interaction.channel_message_id``).
    message_id: Mapped[str] = mapped_column(String(500), unique=True)
    in_reply_to: Mapped[str | None] = mapped_column(String(500))
    #: Space-separated Message-IDs of the References header, oldest first, without brackets.
    references: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=OUTBOUND_QUEUED)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    #: When the current ``sending`` claim was taken: a claim older than the lease is a dead worker's.
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    #: The outgoing interaction the sent copy became (set once it is ingested).
    sent_interaction_id: Mapped[int | None] = mapped_column(ForeignKey("interactions.id", ondelete="SET NULL"))
