"""Allowances to load remote content (images) of outside HTML mail.

Remote images are tracking pixels as often as they are pictures: loading one
tells the sender that (and when, and from where) the mail was read. They stay
blocked until someone decides otherwise, and that decision is kept here with
who made it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from hub.models.base import Base

SCOPE_MESSAGE = "message"
SCOPE_SENDER = "sender"
SCOPES = (SCOPE_MESSAGE, SCOPE_SENDER)


class RemoteContentAllowance(Base):
    """"Load remote images of this message" or "... of every mail from this sender".

    Exactly one of ``interaction_id`` (scope ``message``) and
    ``sender_address`` (scope ``sender``, lower-case) is set.
    """

    __tablename__ = "remote_content_allowances"

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(16))
    interaction_id: Mapped[int | None] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"), index=True)
    sender_address: Mapped[str | None] = mapped_column(String(320), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
