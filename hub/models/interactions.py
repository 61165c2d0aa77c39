"""Interactions (one message on any channel), threads, tags, attachments."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hub.models.base import Base


class Thread(Base):
    """A conversation; ``subject_key`` is the subject without Re:/AW:/Fwd: prefixes."""

    __tablename__ = "threads"
    __table_args__ = (Index("ix_threads_subject_contact", "subject_key", "contact_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_key: Mapped[str] = mapped_column(String(300), default="")
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    created_at: Mapped[datetime]
    last_activity_at: Mapped[datetime]


class Interaction(Base):
    """One message in the unified timeline, whatever channel it came through."""

    __tablename__ = "interactions"
    __table_args__ = (
        UniqueConstraint("channel", "channel_message_id"),
        Index("ix_interactions_contact_time", "contact_id", "occurred_at"),
        Index("ix_interactions_occurred_at", "occurred_at"),
        # The inbox walks inbound mail newest first and filters by language and channel (benchmarks/web.py).
        Index("ix_interactions_direction_time", "direction", "occurred_at", "id"),
        Index("ix_interactions_lang", "lang"),
        Index("ix_interactions_channel", "channel"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(32))
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channels.id"))
    channel_message_id: Mapped[str] = mapped_column(String(500))
    raw_message_id: Mapped[int | None] = mapped_column(ForeignKey("raw_messages.id"))
    direction: Mapped[str] = mapped_column(String(8))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    thread_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id"), index=True)
    subject: Mapped[str] = mapped_column(Text, default="")
    from_address: Mapped[str] = mapped_column(String(320), default="")
    from_name: Mapped[str] = mapped_column(String(300), default="")
    #: Space-separated lower-case addresses of From, To and Cc: threading checks them.
    participants: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    #: What the sender wrote this time: quotes and signature split off (nlp.cleaning).
    reply_text: Mapped[str | None] = mapped_column(Text)
    html: Mapped[str | None] = mapped_column(Text)
    in_reply_to: Mapped[str | None] = mapped_column(String(500))
    sent_at: Mapped[datetime | None]
    received_at: Mapped[datetime]
    #: sent_at when plausible, else received_at: the timeline's order.
    occurred_at: Mapped[datetime]
    lang: Mapped[str | None] = mapped_column(String(8))


class MessageReference(Base):
    """One Message-ID named by an interaction's In-Reply-To or References.

    Indexed by the referenced id so a late-arriving parent finds its children.
    """

    __tablename__ = "message_references"
    __table_args__ = (Index("ix_message_references_ref", "referenced_message_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"), index=True)
    referenced_message_id: Mapped[str] = mapped_column(String(500))


class InteractionTag(Base):
    """A tag on an interaction (intent, complaint, language...), with score and reason."""

    __tablename__ = "interaction_tags"
    #: By name: the complaint filter and queue start from the tag, not from every message.
    __table_args__ = (UniqueConstraint("interaction_id", "name"), Index("ix_interaction_tags_name", "name"))

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    score: Mapped[float] = mapped_column(Float, default=1.0)
    reason: Mapped[str] = mapped_column(Text, default="")
    tagger: Mapped[str] = mapped_column(String(100), default="")
    model_version: Mapped[str] = mapped_column(String(100), default="")


class Attachment(Base):
    """A file attached to an interaction; its bytes are in the content-addressed store."""

    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("interaction_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(500), default="")
    content_type: Mapped[str] = mapped_column(String(200), default="application/octet-stream")
    size: Mapped[int] = mapped_column(BigInteger, default=0)
