"""Merging two contacts into one, and undoing it exactly.

A merge re-points the folded contact's rows (identities, interactions,
threads, suggestions) to the survivor and lists every re-pointed row in
``contact_merge_moves``. Inbox items and notes hang off interactions, so they
follow them without a row of their own. Undo re-points only the listed rows
that still point at the survivor: mail that arrived after the merge, or a
message an agent has since given to somebody else, is left alone.

The folded contact is kept (``merged_into_id`` set, company cleared) rather
than deleted, so undo has something to give the rows back to, and the
matcher never proposes it: it is left with no identities and no company.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from hub import audit, clock
from hub.models import (
    Contact,
    ContactIdentity,
    ContactMerge,
    ContactMergeMove,
    ContactMergeSharedIdentity,
    ContactSuggestion,
    Interaction,
    Thread,
)
from hub.sql import chunked


class MergeRefused(ValueError):
    """A merge or undo that cannot be done (same contact, already merged, already undone, ...)."""


#: (table name as recorded, the model, the column pointing at a contact); identities last (see _move_identities).
_MOVABLE: tuple[tuple[str, type, InstrumentedAttribute[int | None]], ...] = (
    ("interactions", Interaction, Interaction.contact_id),
    ("threads", Thread, Thread.contact_id),
    ("contact_suggestions", ContactSuggestion, ContactSuggestion.contact_id),
    ("contact_suggestions", ContactSuggestion, ContactSuggestion.previous_contact_id),
)


@dataclass(frozen=True)
class MergeResult:
    """What a merge or undo did: row counts by table, and identities both contacts had."""

    merge_id: int
    survivor_id: int
    merged_id: int
    moved: dict[str, int]
    shared_identities: int


def merge_contacts(session: Session, actor_id: int | None, survivor_id: int, merged_id: int, ip: str = "") -> MergeResult:
    """Fold ``merged_id`` into ``survivor_id``; the caller's unit of work commits it with its audit entry."""
    if survivor_id == merged_id:
        raise MergeRefused("a contact cannot be merged into itself")
    survivor, merged = _active_contact(session, survivor_id), _active_contact(session, merged_id)
    merge = ContactMerge(
        survivor_id=survivor.id, merged_id=merged.id, merged_company_id=merged.company_id, merged_by=actor_id, merged_at=clock.utcnow()
    )
    session.add(merge)
    session.flush()
    shared = _drop_shared_identities(session, merge)
    moved = {"contact_identities": _move(session, merge, "contact_identities", ContactIdentity, ContactIdentity.contact_id)}
    for table_name, model, column in _MOVABLE:
        exclude = _conflicting_suggestions(session, merge) if column is ContactSuggestion.contact_id else []
        key = table_name if column.key == "contact_id" else f"{table_name}.{column.key}"
        moved[key] = _move(session, merge, table_name, model, column, exclude)
    merged.merged_into_id = survivor.id
    merged.company_id = None
    session.flush()
    audit.record(
        session, actor_id, "contact.merge", "contact", survivor.id, ip=ip, merge_id=merge.id, merged_id=merged.id, moved=moved, shared_identities=shared
    )
    return MergeResult(merge.id, survivor.id, merged.id, moved, shared)


def undo_merge(session: Session, actor_id: int | None, merge_id: int, ip: str = "") -> MergeResult:
    """Give the folded contact back exactly the rows the merge moved (those still on the survivor)."""
    merge = session.get(ContactMerge, merge_id)
    if merge is None:
        raise MergeRefused("no such merge")
    if merge.undone_at is not None:
        raise MergeRefused("this merge was already undone")
    survivor = session.get(Contact, merge.survivor_id)
    if survivor is not None and survivor.merged_into_id is not None:
        # Its rows now sit on a third contact; undo that later merge first, or they could not be found.
        raise MergeRefused("the surviving contact was merged again since: undo that merge first")
    moved: dict[str, int] = {}
    for table_name, model, column in (("contact_identities", ContactIdentity, ContactIdentity.contact_id), *_MOVABLE):
        key = table_name if column.key == "contact_id" else f"{table_name}.{column.key}"
        moved[key] = _move_back(session, merge, table_name, model, column)
    shared = list(session.scalars(select(ContactMergeSharedIdentity).where(ContactMergeSharedIdentity.merge_id == merge.id)))
    for identity in shared:
        session.add(ContactIdentity(contact_id=merge.merged_id, kind=identity.kind, value=identity.value))
    merged = session.get(Contact, merge.merged_id)
    if merged is not None:
        merged.merged_into_id = None
        merged.company_id = merge.merged_company_id
    merge.undone_at, merge.undone_by = clock.utcnow(), actor_id
    session.flush()
    audit.record(
        session, actor_id, "contact.unmerge", "contact", merge.survivor_id, ip=ip, merge_id=merge.id, merged_id=merge.merged_id, moved=moved
    )
    return MergeResult(merge.id, merge.survivor_id, merge.merged_id, moved, len(shared))


def _active_contact(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise MergeRefused(f"no contact {contact_id}")
    if contact.merged_into_id is not None:
        raise MergeRefused(f"contact {contact_id} is already merged into contact {contact.merged_into_id}")
    return contact


def _drop_shared_identities(session: Session, merge: ContactMerge) -> int:
    """Remove the folded contact's copies of identities the survivor has too, remembering them for undo."""
    of_survivor = select(ContactIdentity.kind, ContactIdentity.value).where(ContactIdentity.contact_id == merge.survivor_id)
    survivor_keys = {tuple(row) for row in session.execute(of_survivor)}
    duplicates = [
        identity
        for identity in session.scalars(select(ContactIdentity).where(ContactIdentity.contact_id == merge.merged_id))
        if (identity.kind, identity.value) in survivor_keys
    ]
    for identity in duplicates:
        session.add(ContactMergeSharedIdentity(merge_id=merge.id, kind=identity.kind, value=identity.value))
    if duplicates:
        session.execute(delete(ContactIdentity).where(ContactIdentity.id.in_([identity.id for identity in duplicates])))
    return len(duplicates)


def _conflicting_suggestions(session: Session, merge: ContactMerge) -> list[int]:
    """Suggestions of the folded contact for a message the survivor is suggested for too (unique per pair): they stay put."""
    survivor_interactions = select(ContactSuggestion.interaction_id).where(ContactSuggestion.contact_id == merge.survivor_id)
    return list(
        session.scalars(
            select(ContactSuggestion.id).where(ContactSuggestion.contact_id == merge.merged_id, ContactSuggestion.interaction_id.in_(survivor_interactions))
        )
    )


def _move(
    session: Session, merge: ContactMerge, table_name: str, model: type, column: InstrumentedAttribute[int | None], exclude: list[int] | None = None
) -> int:
    """Re-point ``column`` from the folded contact to the survivor, recording each row first."""
    query = select(model.id).where(column == merge.merged_id)  # type: ignore[attr-defined]
    if exclude:
        query = query.where(model.id.not_in(exclude))  # type: ignore[attr-defined]
    row_ids = list(session.scalars(query))
    session.add_all(
        ContactMergeMove(merge_id=merge.id, table_name=table_name, column_name=column.key, row_id=row_id) for row_id in row_ids
    )
    for part in chunked(row_ids, 500):
        statement = update(model).where(model.id.in_(part)).values({column.key: merge.survivor_id})  # type: ignore[attr-defined]
        session.execute(statement)
    return len(row_ids)


def _move_back(session: Session, merge: ContactMerge, table_name: str, model: type, column: InstrumentedAttribute[int | None]) -> int:
    """Re-point the recorded rows back to the folded contact, skipping rows no longer on the survivor."""
    recorded = select(ContactMergeMove.row_id).where(
        ContactMergeMove.merge_id == merge.id, ContactMergeMove.table_name == table_name, ContactMergeMove.column_name == column.key
    )
    result = session.execute(
        update(model)
        .where(model.id.in_(recorded), column == merge.survivor_id)  # type: ignore[attr-defined]
        .values({column.key: merge.merged_id})
        
    )
    return result.rowcount or 0
