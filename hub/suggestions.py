"""Agents confirm or reject contact suggestions; both are stored and reversible."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hub.clock import utcnow
from hub.models import ContactIdentity, ContactSuggestion, Interaction
from hub.models.suggestions import SUGGESTION_CONFIRMED, SUGGESTION_OPEN, SUGGESTION_REJECTED
from hub.sql import insert_ignore


class SuggestionError(ValueError):
    """The suggestion cannot change that way (unknown, or not in the needed state)."""


def _get(session: Session, suggestion_id: int, *states: str) -> ContactSuggestion:
    suggestion = session.get(ContactSuggestion, suggestion_id)
    if suggestion is None:
        raise SuggestionError(f"no suggestion #{suggestion_id}")
    if suggestion.status not in states:
        raise SuggestionError(f"suggestion #{suggestion_id} is {suggestion.status}, expected {' or '.join(states)}")
    return suggestion


def confirm(session: Session, suggestion_id: int, decided_by: str) -> None:
    """The message is from the suggested contact: move it there and learn its address.

    Other open suggestions for the same message are rejected; the contact the
    message belonged to before is remembered for :func:`undo`.
    """
    suggestion = _get(session, suggestion_id, SUGGESTION_OPEN)
    interaction = session.get(Interaction, suggestion.interaction_id)
    assert interaction is not None
    suggestion.previous_contact_id = interaction.contact_id
    interaction.contact_id = suggestion.contact_id
    suggestion.learned_address = False
    if interaction.direction == "in" and interaction.from_address and not _has_address(session, suggestion.contact_id, interaction.from_address):
        suggestion.learned_address = True
        insert_ignore(
            session,
            ContactIdentity.__table__,
            [{"contact_id": suggestion.contact_id, "kind": "email", "value": interaction.from_address}],
            ["kind", "value", "contact_id"],
        )
    now = utcnow()
    _decide(suggestion, SUGGESTION_CONFIRMED, decided_by, now)
    for other in session.scalars(
        select(ContactSuggestion).where(
            ContactSuggestion.interaction_id == suggestion.interaction_id,
            ContactSuggestion.id != suggestion.id,
            ContactSuggestion.status == SUGGESTION_OPEN,
        )
    ):
        _decide(other, SUGGESTION_REJECTED, decided_by, now)
    session.flush()


def reject(session: Session, suggestion_id: int, decided_by: str) -> None:
    """The message is not from the suggested contact."""
    _decide(_get(session, suggestion_id, SUGGESTION_OPEN), SUGGESTION_REJECTED, decided_by, utcnow())
    session.flush()


def undo(session: Session, suggestion_id: int, decided_by: str) -> None:
    """Reopen a decided suggestion; a confirmation gives the message back to its previous contact.

    The address learned by the confirmation is forgotten again unless another
    message of that contact came from it.
    """
    suggestion = _get(session, suggestion_id, SUGGESTION_CONFIRMED, SUGGESTION_REJECTED)
    if suggestion.status == SUGGESTION_CONFIRMED:
        interaction = session.get(Interaction, suggestion.interaction_id)
        assert interaction is not None
        session.execute(update(Interaction).where(Interaction.id == interaction.id).values(contact_id=suggestion.previous_contact_id))
        still_used = session.scalar(
            select(Interaction.id).where(
                Interaction.contact_id == suggestion.contact_id,
                Interaction.from_address == interaction.from_address,
                Interaction.id != interaction.id,
            )
        )
        if still_used is None and suggestion.learned_address:
            identity = session.scalar(
                select(ContactIdentity).where(
                    ContactIdentity.contact_id == suggestion.contact_id,
                    ContactIdentity.kind == "email",
                    ContactIdentity.value == interaction.from_address,
                )
            )
            if identity is not None:
                session.delete(identity)
        for other in session.scalars(
            select(ContactSuggestion).where(
                ContactSuggestion.interaction_id == suggestion.interaction_id,
                ContactSuggestion.id != suggestion.id,
                ContactSuggestion.status == SUGGESTION_REJECTED,
                ContactSuggestion.decided_at == suggestion.decided_at,
            )
        ):
            other.status, other.decided_by, other.decided_at = SUGGESTION_OPEN, None, None
    del decided_by  # who undid it goes to the audit log (inbox issue); the row is simply open again
    suggestion.status, suggestion.previous_contact_id, suggestion.learned_address = SUGGESTION_OPEN, None, False
    suggestion.decided_by, suggestion.decided_at = None, None
    session.flush()


def _has_address(session: Session, contact_id: int, address: str) -> bool:
    return session.scalar(
        select(ContactIdentity.id).where(
            ContactIdentity.contact_id == contact_id, ContactIdentity.kind == "email", ContactIdentity.value == address
        )
    ) is not None


def _decide(suggestion: ContactSuggestion, status: str, decided_by: str, when) -> None:  # type: ignore[no-untyped-def]
    suggestion.status = status
    suggestion.decided_by = decided_by
    suggestion.decided_at = when
