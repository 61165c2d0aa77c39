"""Channels (mailboxes and other sources) and their per-folder sync cursors."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hub.models.base import Base


class Channel(Base):
    """A configured source of messages, e.g. one IMAP mailbox or a file import."""

    __tablename__ = "channels"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200), unique=True)
    #: The mailbox's own address: mail from it is outgoing history.
    address: Mapped[str | None] = mapped_column(String(320))
    config: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime]

    cursors: Mapped[list[FolderCursor]] = relationship(back_populates="channel")


class FolderCursor(Base):
    """How far one folder of one mailbox has been copied into the raw store.

    ``last_uid`` is only advanced after the raw bytes up to it are committed,
    so a crash re-fetches at most one batch, which the content hash dedupes.
    """

    __tablename__ = "folder_cursors"
    __table_args__ = (UniqueConstraint("channel_id", "folder"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id"))
    folder: Mapped[str] = mapped_column(String(500))
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime]

    channel: Mapped[Channel] = relationship(back_populates="cursors")
