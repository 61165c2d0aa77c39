"""Open complaints: messages tagged ``complaint`` whose work is not closed, most urgent first.

One query serves both the complaint queue and the context panel beside a
message (``contact_id`` narrows it), so "open complaint" means the same thing
in both places: an incoming message tagged ``complaint`` (by the model or an
agent) that is neither closed nor spam. Snoozed complaints stay listed: a
snooze postpones the work, it does not settle the complaint.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, false, func, select
from sqlalchemy.orm import Session, aliased

from hub.models import Contact, InboxItem, Interaction, InteractionTag

SEVERITY_PREFIX = "complaint_severity:"
#: Sort rank of each severity; a complaint without a severity tag sorts after "low".
SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}
SNIPPET_CHARS = 160


@dataclass(frozen=True)
class ComplaintRow:
    """One open complaint as the queue and the panel show it."""

    interaction_id: int
    contact_id: int | None
    contact_name: str
    subject: str
    snippet: str
    severity: str | None
    occurred_at: datetime


def open_complaints(session: Session, contact_id: int | None = None, limit: int = 200) -> list[ComplaintRow]:
    """Open complaints by severity (high, medium, low, none) then age (oldest first: it has waited longest)."""
    complaint = aliased(InteractionTag)
    severity = aliased(InteractionTag)
    rank = case(
        *((severity.name == SEVERITY_PREFIX + name, value) for name, value in SEVERITY_RANK.items()),
        else_=len(SEVERITY_RANK),
    )
    statement = (
        select(Interaction, Contact.display_name, severity.name)
        .join(complaint, and_(complaint.interaction_id == Interaction.id, complaint.name == "complaint"))
        .outerjoin(severity, and_(severity.interaction_id == Interaction.id, severity.name.like(SEVERITY_PREFIX + "%")))
        .outerjoin(Contact, Contact.id == Interaction.contact_id)
        .outerjoin(InboxItem, InboxItem.interaction_id == Interaction.id)
        .where(
            Interaction.direction == "in",
            func.coalesce(InboxItem.status, "open") != "closed",
            func.coalesce(InboxItem.spam, false()).is_(false()),
        )
        .order_by(rank, Interaction.occurred_at, Interaction.id)
        .limit(limit)
    )
    if contact_id is not None:
        statement = statement.where(Interaction.contact_id == contact_id)
    return [
        ComplaintRow(
            interaction_id=interaction.id,
            contact_id=interaction.contact_id,
            contact_name=name or interaction.from_name or interaction.from_address,
            subject=interaction.subject,
            snippet=" ".join((interaction.reply_text or interaction.text or "").split())[:SNIPPET_CHARS],
            severity=severity_name.removeprefix(SEVERITY_PREFIX) if severity_name else None,
            occurred_at=interaction.occurred_at,
        )
        for interaction, name, severity_name in session.execute(statement)
    ]
