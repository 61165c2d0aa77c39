"""Contact suggestions: evidence that was not strong enough to decide alone."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from hub.models.base import Base

SUGGESTION_OPEN = "open"
SUGGESTION_CONFIRMED = "confirmed"
SUGGESTION_REJECTED = "rejected"


class ContactSuggestion(Base):
    """"This message may be from contact X", for an agent to confirm or reject.

    ``previous_contact_id`` remembers whom the message belonged to before a
    confirmation, so the decision can be undone exactly.
    """

    __tablename__ = "contact_suggestions"
    __table_args__ = (UniqueConstraint("interaction_id", "contact_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    score: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=SUGGESTION_OPEN)
    previous_contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    #: The confirmation added the sender's address to the contact (so undo takes it away again, and only then).
    learned_address: Mapped[bool] = mapped_column(default=False, server_default=false())
    decided_by: Mapped[str | None] = mapped_column(String(320))
    decided_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
