"""Replies written in the hub and sent by SMTP, with their delivery state.

A row is the durable request to send: the web view commits it before the
job is enqueued, so a lost job leaves a visible ``queued`` row, never a
silently dropped reply. ``message_id`` is generated once, when the reply is
queued, so every attempt sends the same Message-ID and a duplicate caused by
a crash after the server accepted the mail can be recognised downstream.

Attachment bytes live in the content-addressed blob store and are written
there before the row naming them is committed, so a queued reply never
points at bytes that are not on disk.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
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
    cc_addresses: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    #: Envelope-only recipients: they receive the mail, but no header names them.
    bcc_addresses: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
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


class OutboundAttachment(Base):
    """A file sent with a reply; its bytes are in the content-addressed store under ``sha256``."""

    __tablename__ = "outbound_attachments"
    __table_args__ = (UniqueConstraint("outbound_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    outbound_id: Mapped[int] = mapped_column(ForeignKey("outbound_messages.id", ondelete="CASCADE"), index=True)
    #: Order in the composer, kept in the sent mail.
    position: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    #: Already sanitised: no path, no control characters.
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(200), default="application/octet-stream")
    size: Mapped[int] = mapped_column(BigInteger, default=0)
