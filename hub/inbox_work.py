"""Changing the work state of a message: assign, status, snooze, spam, notes.

Each function takes a session and plain values, changes one thing, and
returns the new state as a plain value; the caller commits. A message with
no ``InboxItem`` row is open, unassigned and normal, so ingest never has to
create work state and re-ingesting never resets it. Each change announces
an ``inbox.changed`` event, published only once the caller's commit
succeeds (:func:`hub.events.announce`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.clock import utcnow
from hub.events import announce, inbox_changed
from hub.models import InboxItem, InboxNote, Interaction, User
from hub.models.inbox import PRIORITIES, STATUSES


class UnknownMessage(LookupError):
    """The interaction (or the user to assign) does not exist."""


@dataclass(frozen=True)
class WorkState:
    """The work state of one message after a change."""

    interaction_id: int
    status: str
    assignee_id: int | None
    snoozed_until: datetime | None
    spam: bool
    priority: str


@dataclass(frozen=True)
class Note:
    """An internal note as shown beside a message."""

    note_id: int
    author_name: str
    body: str
    created_at: datetime


def _item(session: Session, interaction_id: int, user_id: int | None, now: datetime | None, change: str) -> InboxItem:
    if session.get(Interaction, interaction_id) is None:
        raise UnknownMessage(f"no message {interaction_id}")
    announce(session, inbox_changed(interaction_id, change, user_id))
    item = session.get(InboxItem, interaction_id)
    if item is None:
        item = InboxItem(interaction_id=interaction_id, status="open", spam=False, priority="normal")
        session.add(item)
    item.updated_at = now or utcnow()
    item.updated_by = user_id
    return item


def _state(session: Session, item: InboxItem) -> WorkState:
    session.flush()
    return WorkState(item.interaction_id, item.status, item.assignee_id, item.snoozed_until, item.spam, item.priority)


def work_state(session: Session, interaction_id: int) -> WorkState:
    """The current state, defaults included (read-only)."""
    item = session.get(InboxItem, interaction_id)
    if item is None:
        return WorkState(interaction_id, "open", None, None, False, "normal")
    return WorkState(item.interaction_id, item.status, item.assignee_id, item.snoozed_until, item.spam, item.priority)


def assign(session: Session, interaction_id: int, assignee_id: int | None, *, by: int | None = None, now: datetime | None = None) -> WorkState:
    """Give the message to a user (None: back to unassigned)."""
    if assignee_id is not None and session.get(User, assignee_id) is None:
        raise UnknownMessage(f"no user {assignee_id}")
    item = _item(session, interaction_id, by, now, "assign")
    item.assignee_id = assignee_id
    return _state(session, item)


def set_status(session: Session, interaction_id: int, status: str, *, by: int | None = None, now: datetime | None = None) -> WorkState:
    """Open, pending or closed; closing also ends a snooze."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    item = _item(session, interaction_id, by, now, "status")
    item.status = status
    if status == "closed":
        item.snoozed_until = None
    return _state(session, item)


def set_priority(session: Session, interaction_id: int, priority: str, *, by: int | None = None, now: datetime | None = None) -> WorkState:
    """Low, normal, high or urgent."""
    if priority not in PRIORITIES:
        raise ValueError(f"unknown priority {priority!r}")
    item = _item(session, interaction_id, by, now, "priority")
    item.priority = priority
    return _state(session, item)


def snooze(session: Session, interaction_id: int, until: datetime | None, *, by: int | None = None, now: datetime | None = None) -> WorkState:
    """Hide the message from the inbox until ``until`` (None: wake it now)."""
    item = _item(session, interaction_id, by, now, "snooze")
    item.snoozed_until = until
    return _state(session, item)


def mark_spam(session: Session, interaction_id: int, spam: bool = True, *, by: int | None = None, now: datetime | None = None) -> WorkState:
    """Flag (or unflag) as spam; spam is hidden unless asked for and is closed."""
    item = _item(session, interaction_id, by, now, "spam")
    item.spam = spam
    if spam:
        item.status = "closed"
    return _state(session, item)


def add_note(session: Session, interaction_id: int, body: str, *, author_id: int | None, now: datetime | None = None) -> int:
    """Store an internal note; returns its id. Empty notes are refused."""
    if not body.strip():
        raise ValueError("empty note")
    if session.get(Interaction, interaction_id) is None:
        raise UnknownMessage(f"no message {interaction_id}")
    note = InboxNote(interaction_id=interaction_id, author_id=author_id, body=body.strip(), created_at=now or utcnow())
    session.add(note)
    session.flush()
    announce(session, inbox_changed(interaction_id, "note", author_id))
    return note.id


def notes_of(session: Session, interaction_id: int) -> list[Note]:
    """A message's notes, oldest first."""
    rows = session.execute(
        select(InboxNote, User.display_name)
        .outerjoin(User, User.id == InboxNote.author_id)
        .where(InboxNote.interaction_id == interaction_id)
        .order_by(InboxNote.created_at, InboxNote.id)
    )
    return [Note(note.id, name or "", note.body, note.created_at) for note, name in rows]
