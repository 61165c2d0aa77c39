"""Follow-ups agents promise when they log a call, fax, letter or visit.

Kept beside the interaction, like inbox work state: the interaction can be
rebuilt from its raw copy (re-ingest, reprocess), the promise must survive
that. It points at the raw message, which exists the moment the agent saves
(the interaction only once ingest ran).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from hub.models.base import Base


class FollowUp(Base):
    """Call back (write, visit) a contact on a date; done once an agent says so."""

    __tablename__ = "follow_ups"
    __table_args__ = (Index("ix_follow_ups_open_due", "done_at", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    raw_message_id: Mapped[int] = mapped_column(ForeignKey("raw_messages.id"), unique=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"), index=True)
    due_on: Mapped[date]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    done_at: Mapped[datetime | None]
    done_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
