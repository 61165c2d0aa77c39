"""Raw messages exactly as received, and where each copy came from."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hub.models.base import Base

#: Raw message states: ingest moves ``pending`` to one of the others.
RAW_PENDING = "pending"
RAW_INGESTED = "ingested"
RAW_DUPLICATE = "duplicate"
RAW_QUARANTINED = "quarantined"


class RawMessage(Base):
    """One distinct message body, keyed by the SHA-256 of its bytes.

    The bytes live in the content-addressed raw store; this row is the
    database's promise that they do and what became of them.
    """

    __tablename__ = "raw_messages"
    __table_args__ = (Index("ix_raw_messages_status", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(BigInteger)
    channel_kind: Mapped[str] = mapped_column(String(32), default="email")
    status: Mapped[str] = mapped_column(String(16), default=RAW_PENDING)
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interactions.id", use_alter=True, ondelete="SET NULL")
    )
    received_at: Mapped[datetime]
    processed_at: Mapped[datetime | None]


class RawSource(Base):
    """A place a raw message was seen: an IMAP UID, a file, a webhook.

    Unique per (channel, folder, uidvalidity, uid) so refetching a UID after a
    crash adds nothing.
    """

    __tablename__ = "raw_sources"
    __table_args__ = (UniqueConstraint("channel_id", "folder", "uidvalidity", "uid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    raw_message_id: Mapped[int] = mapped_column(ForeignKey("raw_messages.id"), index=True)
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channels.id"))
    folder: Mapped[str] = mapped_column(String(500), default="")
    uidvalidity: Mapped[int] = mapped_column(BigInteger, default=0)
    uid: Mapped[int] = mapped_column(BigInteger, default=0)
    source_ref: Mapped[str] = mapped_column(String(1000), default="")
    seen_at: Mapped[datetime]
