"""Remote images of outside mail: allow them for a message or a sender, ask whether they are allowed.

An allowance is hub-wide (the inbox is shared: once an agent has decided a
sender's images are fine, the next agent need not decide again); the user id
is kept to show who decided. A sender allowance trusts the From address,
which a spoofer can forge: that costs a tracking pixel, never a script.
"""

from __future__ import annotations

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from hub.clock import utcnow
from hub.models import Interaction, RemoteContentAllowance
from hub.models.remote_content import SCOPE_MESSAGE, SCOPE_SENDER, SCOPES


def allow(session: Session, interaction_id: int, scope: str, user_id: int) -> bool:
    """Record that remote images of this message (or of its sender) may load.

    Returns ``False`` when the interaction does not exist or the scope is
    unknown; allowing twice adds nothing (idempotent).
    """
    if scope not in SCOPES:
        return False
    interaction = session.get(Interaction, interaction_id)
    if interaction is None:
        return False
    sender = (interaction.from_address or "").strip().lower()
    if scope == SCOPE_SENDER and not sender:
        return False
    if _allowance_exists(session, scope, interaction_id, sender):
        return True
    session.add(
        RemoteContentAllowance(
            scope=scope,
            interaction_id=interaction_id if scope == SCOPE_MESSAGE else None,
            sender_address=sender if scope == SCOPE_SENDER else None,
            user_id=user_id,
            created_at=utcnow(),
        )
    )
    session.flush()
    return True


def is_allowed(session: Session, interaction_id: int, sender_address: str) -> bool:
    """Whether an allowance covers this message, directly or through its sender."""
    sender = (sender_address or "").strip().lower()
    conditions = [(RemoteContentAllowance.scope == SCOPE_MESSAGE) & (RemoteContentAllowance.interaction_id == interaction_id)]
    if sender:
        conditions.append((RemoteContentAllowance.scope == SCOPE_SENDER) & (RemoteContentAllowance.sender_address == sender))
    return bool(session.scalar(select(exists().where(or_(*conditions)))))


def _allowance_exists(session: Session, scope: str, interaction_id: int, sender: str) -> bool:
    column_matches = (
        RemoteContentAllowance.interaction_id == interaction_id if scope == SCOPE_MESSAGE else RemoteContentAllowance.sender_address == sender
    )
    return bool(session.scalar(select(exists().where((RemoteContentAllowance.scope == scope) & column_matches))))
