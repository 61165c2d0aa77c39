"""An agent says whom a message is from: confirm the match, reassign it, or make a new contact.

Every such decision is stored as a decided :class:`ContactSuggestion` row (the
record the matcher's own suggestions already use), so the panel lists agent
and matcher decisions in one place and ``previous_contact_id`` makes each one
undoable. No extra table: the row's ``reason`` says which kind of decision it
was, and :func:`undo` uses that to reverse it exactly. Unlike confirming a
matcher suggestion, a reassignment does not teach the contact the sender's
address (a wrongly matched shared address must not spread); only a contact
created from the sender gets it, because that is what it was made from.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hub import suggestions
from hub.clock import utcnow
from hub.models import Contact, ContactIdentity, ContactSuggestion, Interaction
from hub.models.suggestions import SUGGESTION_CONFIRMED, SUGGESTION_OPEN

REASON_CONFIRMED = "match confirmed by an agent"
REASON_REASSIGNED = "reassigned by an agent"
REASON_NEW_CONTACT = "new contact created from the sender by an agent"
AGENT_REASONS = frozenset({REASON_CONFIRMED, REASON_REASSIGNED, REASON_NEW_CONTACT})


class ReassignError(ValueError):
    """The message cannot be (re)assigned that way; the text says why."""


def _interaction(session: Session, interaction_id: int) -> Interaction:
    interaction = session.get(Interaction, interaction_id)
    if interaction is None:
        raise LookupError(f"no message {interaction_id}")
    return interaction


def _record(session: Session, interaction: Interaction, contact_id: int, reason: str, decided_by: str) -> int:
    """Store the decision as a confirmed suggestion; an open matcher suggestion for that contact is confirmed instead."""
    existing = session.scalar(
        select(ContactSuggestion).where(ContactSuggestion.interaction_id == interaction.id, ContactSuggestion.contact_id == contact_id)
    )
    if existing is not None:
        if existing.status != SUGGESTION_OPEN:
            raise ReassignError(f"this contact was already {existing.status} for this message; undo that first")
        suggestions.confirm(session, existing.id, decided_by)
        return existing.id
    now = utcnow()
    row = ContactSuggestion(
        interaction_id=interaction.id,
        contact_id=contact_id,
        score=1.0,
        reason=reason,
        status=SUGGESTION_CONFIRMED,
        previous_contact_id=interaction.contact_id,
        decided_by=decided_by,
        decided_at=now,
        created_at=now,
    )
    session.add(row)
    interaction.contact_id = contact_id
    session.flush()
    return row.id


def confirm_match(session: Session, interaction_id: int, decided_by: str) -> int:
    """The matched contact is right: record that an agent checked it; returns the record's id."""
    interaction = _interaction(session, interaction_id)
    if interaction.contact_id is None:
        raise ReassignError("the message has no contact to confirm")
    return _record(session, interaction, interaction.contact_id, REASON_CONFIRMED, decided_by)


def reassign(session: Session, interaction_id: int, contact_id: int, decided_by: str) -> int:
    """Move the message to another existing contact; returns the record's id (for :func:`undo`)."""
    interaction = _interaction(session, interaction_id)
    if session.get(Contact, contact_id) is None:
        raise ReassignError(f"no contact {contact_id}")
    if interaction.contact_id == contact_id:
        raise ReassignError("the message already belongs to that contact")
    return _record(session, interaction, contact_id, REASON_REASSIGNED, decided_by)


def reassign_to_new_contact(session: Session, interaction_id: int, decided_by: str) -> int:
    """Create a contact from the sender (name and address) and move the message there."""
    interaction = _interaction(session, interaction_id)
    if interaction.direction != "in" or not interaction.from_address:
        raise ReassignError("only an incoming message with a sender address can start a contact")
    contact = Contact(display_name=interaction.from_name or interaction.from_address, created_at=utcnow())
    contact.identities.append(ContactIdentity(kind="email", value=interaction.from_address))
    session.add(contact)
    session.flush()
    return _record(session, interaction, contact.id, REASON_NEW_CONTACT, decided_by)


def undo(session: Session, suggestion_id: int, decided_by: str) -> None:
    """Reverse a decision: an agent's record is removed, a matcher suggestion is reopened.

    Only the decision the message currently reflects can be undone, so undoing
    never skips over a later reassignment. A contact created from the sender
    is deleted again when no message is left with it.
    """
    row = session.get(ContactSuggestion, suggestion_id)
    if row is None:
        raise ReassignError(f"no decision #{suggestion_id}")
    if row.reason not in AGENT_REASONS:
        suggestions.undo(session, suggestion_id, decided_by)
        return
    interaction = _interaction(session, row.interaction_id)
    if interaction.contact_id != row.contact_id:
        raise ReassignError("the message has moved since; undo the later decision first")
    interaction.contact_id = row.previous_contact_id
    created_contact_id = row.contact_id if row.reason == REASON_NEW_CONTACT else None
    session.delete(row)
    session.flush()
    if created_contact_id is not None:
        left = session.scalar(select(func.count()).where(Interaction.contact_id == created_contact_id))
        if not left:
            contact = session.get(Contact, created_contact_id)
            if contact is not None:
                session.delete(contact)
    session.flush()
