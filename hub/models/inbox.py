"""The inbox's work state of a message: who owns it, whether it is done, notes.

Kept beside the interaction rather than in it: an interaction is what arrived
(re-buildable from the raw copy), the work state is what agents decided, and
re-running ingest must never reset it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hub.models.base import Base

STATUSES = ("open", "pending", "closed")
PRIORITIES = ("low", "normal", "high", "urgent")


class InboxItem(Base):
    """Work state of one interaction; a missing row means open, unassigned, normal."""

    __tablename__ = "inbox_items"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'pending', 'closed')", name="status"),
        CheckConstraint("priority IN ('low', 'normal', 'high', 'urgent')", name="priority"),
        Index("ix_inbox_items_assignee_status", "assignee_id", "status"),
    )

    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), default="open")
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    snoozed_until: Mapped[datetime | None]
    spam: Mapped[bool] = mapped_column(default=False)
    priority: Mapped[str] = mapped_column(String(16), default="normal")
    updated_at: Mapped[datetime]
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class InboxNote(Base):
    """An internal note on a message: seen by colleagues, never sent to the customer."""

    __tablename__ = "inbox_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
